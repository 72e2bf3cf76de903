// A district at benchmark scale: N children, each with a signed-in guardian (a long-lived session row, so
// nothing is hashed during the rush), in a few schools with a realistic catalogue and a few hot courses.
import { randomBytes } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import { meetingsForTerm } from '../../src/catalogue/meetings.policy.ts';
import { addDays, dayInZone, isoWeekday } from '../../src/kernel/calendar.ts';
import type { Database } from '../../src/db/schema.ts';
import { CONSENT_VERSION } from '../../src/family/consent.policy.ts';

export interface ScaleDistrict {
  /** One entry per child: the guardian's session id and the child. */
  parents: { session: string; childId: number }[];
  /** The hot courses everyone wants (a small fraction of the children get a seat). */
  hot: number[];
  /** The school the rush happens in, and its slug for catalogue reads. */
  slug: string;
  offerings: number;
}

const CATEGORIES = ['robotics', 'programming', 'ai', '3d_printing', 'maker', 'mechanical', 'hydroponics', 'speed_cubing', 'science', 'steam'];

async function insertAll<T extends keyof Database>(db: Kysely<Database>, table: T, rows: Insertable<Database[T]>[], size = 500) {
  for (let i = 0; i < rows.length; i += size) await db.insertInto(table).values(rows.slice(i, i + size) as never).execute();
}

export async function seedScale(
  db: Kysely<Database>,
  options: { children: number; hotCourses?: number; hotSeats?: number; offeringsPerSchool?: number; now?: Date; passwordHash: string },
): Promise<ScaleDistrict> {
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const hotCourses = options.hotCourses ?? 4;
  const hotSeats = options.hotSeats ?? 50;
  const perSchool = options.offeringsPerSchool ?? 60;
  const today = dayInZone(now, 'Asia/Shanghai');
  const firstDay = addDays(today, -(isoWeekday(today) - 1) - 14);
  const lastDay = addDays(firstDay, 18 * 7 - 1);

  const school = await db
    .insertInto('schools')
    .values({ slug: 'bench-primary', name_zh: '压测实验小学', name_en: 'Bench Primary', kind: 'primary', grade_min: 1, grade_max: 6, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  const term = await db
    .insertInto('terms')
    .values({
      school_id: school.id,
      name_zh: '压测学期',
      name_en: 'Bench term',
      first_day: firstDay,
      last_day: lastDay,
      enrol_opens_at: new Date(now.getTime() - 3_600_000).toISOString(),
      enrol_closes_at: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
      mode: 'first_come',
      course_limit: 3,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const teacher = await db
    .insertInto('users')
    .values({ name: '压测老师', email: 'bench-teacher@clubroll.invalid', password_hash: options.passwordHash, role: 'teacher', school_id: school.id, created_at: at, password_changed_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();

  // The catalogue: hot courses first (grades 1–6, Monday), then ordinary ones over the week.
  const offerings = Array.from({ length: perSchool }, (_, i) => ({
    term_id: term.id,
    code: `B-${String(i + 1).padStart(3, '0')}`,
    kind: i % 4 === 0 ? ('club' as const) : ('course' as const),
    category: CATEGORIES[i % CATEGORIES.length]!,
    title_zh: i < hotCourses ? `热门课程 ${i + 1}` : `课程 ${i + 1}`,
    title_en: i < hotCourses ? `Hot course ${i + 1}` : `Course ${i + 1}`,
    description_zh: '压测用课程。',
    teacher_id: teacher.id,
    room: `${100 + i}`,
    capacity: i < hotCourses ? hotSeats : 25,
    grade_min: i < hotCourses ? 1 : 1 + (i % 3),
    grade_max: 6,
    status: 'published' as const,
    created_at: at,
    updated_at: at,
  }));
  await insertAll(db, 'offerings', offerings);
  const ids = (await db.selectFrom('offerings').select('id').where('term_id', '=', term.id).orderBy('id').execute()).map((row) => row.id);
  const slots = ids.map((id, i) => ({ offering_id: id, weekday: i < hotCourses ? 1 : 1 + (i % 5), starts_at: i % 2 === 0 ? '16:00' : '17:10', ends_at: i % 2 === 0 ? '17:00' : '18:10' }));
  await insertAll(db, 'offering_slots', slots);
  const meetings = ids.flatMap((id, i) =>
    meetingsForTerm({ firstDay, lastDay, holidays: [] }, [{ weekday: slots[i]!.weekday, startsAt: slots[i]!.starts_at, endsAt: slots[i]!.ends_at }]).map((plan) => ({
      offering_id: id,
      day: plan.day,
      starts_at: plan.startsAt,
      ends_at: plan.endsAt,
    })),
  );
  await insertAll(db, 'meetings', meetings);

  // Parents, children, guardianships and sessions, in batches.
  const parents: ScaleDistrict['parents'] = [];
  // Parents signed in yesterday (sessions last 30 days): validating one does not renew it, as for most parents.
  const expires = new Date(now.getTime() + 29 * 86_400_000).toISOString();
  const yesterday = new Date(now.getTime() - 86_400_000).toISOString();
  for (let start = 0; start < options.children; start += 2000) {
    const count = Math.min(2000, options.children - start);
    const users = Array.from({ length: count }, (_, k) => ({
      name: `家长${start + k}`,
      phone: `139${String(start + k).padStart(8, '0')}`,
      password_hash: options.passwordHash,
      role: 'parent' as const,
      school_id: null,
      created_at: at,
      password_changed_at: at,
    }));
    const userIds: number[] = [];
    for (let i = 0; i < users.length; i += 500) userIds.push(...(await db.insertInto('users').values(users.slice(i, i + 500)).returning('id').execute()).map((row) => row.id));
    const children = Array.from({ length: count }, (_, k) => ({ name: `孩子${start + k}`, school_id: school.id, grade: 1 + ((start + k) % 6), class_name: `${1 + (k % 8)}班`, created_at: at, updated_at: at }));
    const childIds: number[] = [];
    for (let i = 0; i < children.length; i += 500) childIds.push(...(await db.insertInto('children').values(children.slice(i, i + 500)).returning('id').execute()).map((row) => row.id));
    await insertAll(db, 'guardianships', userIds.map((user_id, k) => ({ user_id, child_id: childIds[k]!, created_at: at })));
    await insertAll(db, 'child_consents', userIds.map((user_id, k) => ({ user_id, child_id: childIds[k]!, version: CONSENT_VERSION, given_at: at })));
    // ...and have the course page open: its load noted their last use a moment ago (see session.policy.ts).
    const sessions = userIds.map((user_id) => ({ id: randomBytes(20).toString('hex'), user_id, expires_at: expires, created_at: yesterday, last_seen_at: at }));
    await insertAll(db, 'sessions', sessions);
    sessions.forEach((session, k) => parents.push({ session: session.id, childId: childIds[k]! }));
  }
  return { parents, hot: ids.slice(0, hotCourses), slug: 'bench-primary', offerings: ids.length };
}
