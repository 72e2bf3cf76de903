// Teacher hours as SQL aggregates: one query sums a month's held meetings per teacher and offering, whatever their number.
import { type Kysely, sql } from 'kysely';
import type { Database, Day } from '../db/schema.ts';

/** Minutes since midnight of an HH:MM column (text on both databases). */
const minutesOf = (column: 'meetings.starts_at' | 'meetings.ends_at') => sql<number>`(cast(substr(${sql.ref(column)}, 1, 2) as integer) * 60 + cast(substr(${sql.ref(column)}, 4, 2) as integer))`;

const ATTENDED = ['present', 'late'] as const;

/**
 * Per teacher and offering, over the meetings held between two days (inclusive): how many, how many with a roll
 * taken (any mark, or a tally of erased children's marks), their minutes and the children present or late.
 * Held = status 'scheduled' (a cancelled meeting is 'cancelled'; a moved one is 'moved' on its old day and a new
 * 'scheduled' row on its new day). Draft offerings never count; an archived offering's meetings count only where
 * the roll was taken — its later meetings stay in the table but nobody held them.
 */
export async function hoursByTeacherAndOffering(db: Kysely<Database>, scope: { schoolId?: number }, from: Day, to: Day) {
  let perMeeting = db
    .selectFrom('meetings')
    .innerJoin('offerings', 'offerings.id', 'meetings.offering_id')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .select((eb) => [
      'meetings.offering_id',
      'offerings.status as offering_status',
      sql<number>`${minutesOf('meetings.ends_at')} - ${minutesOf('meetings.starts_at')}`.as('minutes'),
      eb.selectFrom('attendance_marks').whereRef('attendance_marks.meeting_id', '=', 'meetings.id').select((inner) => inner.fn.countAll<number>().as('count')).as('marks'),
      eb.selectFrom('attendance_tallies').whereRef('attendance_tallies.meeting_id', '=', 'meetings.id').select((inner) => inner.fn.countAll<number>().as('count')).as('tallies'),
      eb
        .selectFrom('attendance_marks')
        .whereRef('attendance_marks.meeting_id', '=', 'meetings.id')
        .where('attendance_marks.mark', 'in', ATTENDED)
        .select((inner) => inner.fn.countAll<number>().as('count'))
        .as('marked_present'),
      eb
        .selectFrom('attendance_tallies')
        .whereRef('attendance_tallies.meeting_id', '=', 'meetings.id')
        .where('attendance_tallies.mark', 'in', ATTENDED)
        .select((inner) => inner.fn.coalesce(inner.fn.sum<number>('attendance_tallies.count'), sql<number>`0`).as('count'))
        .as('tallied_present'),
    ])
    .where('meetings.status', '=', 'scheduled')
    .where('meetings.day', '>=', from)
    .where('meetings.day', '<=', to)
    .where('offerings.status', 'in', ['published', 'archived']);
  if (scope.schoolId !== undefined) perMeeting = perMeeting.where('terms.school_id', '=', scope.schoolId);

  const taken = sql<number>`case when m.marks + m.tallies > 0 then 1 else 0 end`;
  const rows = await db
    .selectFrom(perMeeting.as('m'))
    .innerJoin('offerings', 'offerings.id', 'm.offering_id')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .innerJoin('schools', 'schools.id', 'terms.school_id')
    .leftJoin('users', 'users.id', 'offerings.teacher_id')
    .where((eb) => eb.or([eb('m.offering_status', '=', 'published'), eb(sql`m.marks + m.tallies`, '>', 0)]))
    .groupBy(['offerings.teacher_id', 'users.name', 'offerings.id', 'offerings.code', 'offerings.title_zh', 'offerings.title_en', 'schools.id', 'schools.name_zh', 'schools.name_en'])
    .select((eb) => [
      'offerings.teacher_id',
      'users.name as teacher_name',
      'offerings.id as offering_id',
      'offerings.code',
      'offerings.title_zh',
      'offerings.title_en',
      'schools.id as school_id',
      'schools.name_zh as school_name_zh',
      'schools.name_en as school_name_en',
      eb.fn.countAll<number>().as('held'),
      eb.fn.sum<number>(taken).as('taken'),
      eb.fn.sum<number>('m.minutes').as('minutes'),
      eb.fn.sum<number>(sql`m.marked_present + m.tallied_present`).as('present'),
    ])
    .execute();
  // PostgreSQL answers counts and sums as text (bigint / numeric); SQLite as numbers.
  return rows.map((row) => ({ ...row, held: Number(row.held), taken: Number(row.taken), minutes: Number(row.minutes), present: Number(row.present) }));
}

