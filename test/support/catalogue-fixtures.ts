// Terms, offerings with slots and meetings, children and enrollments for catalogue tests, written straight to the database.
import { meetingsForTerm } from '../../src/catalogue/meetings.policy.ts';
import type { WeeklySlot } from '../../src/kernel/slots.ts';
import type { DatabaseHandle } from '../../src/db/handle.ts';
import type { Insertable } from 'kysely';
import type { OfferingsTable, TermsTable } from '../../src/db/schema.ts';

const now = () => new Date().toISOString();

export async function createTerm(handle: DatabaseHandle, schoolId: number, overrides: Partial<Insertable<TermsTable>> = {}) {
  const row = await handle.db
    .insertInto('terms')
    .values({
      school_id: schoolId,
      name_zh: '2026—2027 学年第一学期',
      name_en: 'Autumn term 2026–27',
      first_day: '2026-09-01',
      last_day: '2027-01-15',
      enrol_opens_at: '2026-11-01T00:00:00.000Z',
      enrol_closes_at: '2026-12-31T00:00:00.000Z',
      mode: 'first_come',
      course_limit: 3,
      created_at: now(),
      ...overrides,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createOffering(
  handle: DatabaseHandle,
  termId: number,
  offering: Partial<Insertable<OfferingsTable>> & { code: string; title_zh: string },
  slots: WeeklySlot[] = [{ weekday: 2, startsAt: '16:00', endsAt: '17:30' }],
) {
  const row = await handle.db
    .insertInto('offerings')
    .values({
      term_id: termId,
      kind: 'course',
      category: 'robotics',
      capacity: 20,
      grade_min: 1,
      grade_max: 6,
      status: 'published',
      created_at: now(),
      updated_at: now(),
      ...offering,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await handle.db
    .insertInto('offering_slots')
    .values(slots.map((slot) => ({ offering_id: row.id, weekday: slot.weekday, starts_at: slot.startsAt, ends_at: slot.endsAt })))
    .execute();
  const term = await handle.db.selectFrom('terms').selectAll().where('id', '=', termId).executeTakeFirstOrThrow();
  const meetings = meetingsForTerm({ firstDay: term.first_day, lastDay: term.last_day, holidays: [] }, slots);
  if (meetings.length > 0) {
    await handle.db
      .insertInto('meetings')
      .values(meetings.map((meeting) => ({ offering_id: row.id, day: meeting.day, starts_at: meeting.startsAt, ends_at: meeting.endsAt })))
      .execute();
  }
  return row.id;
}

/** Enrols `enrolled` children and waitlists `waitlisted` more, keeping seats_taken in step. */
export async function fillOffering(handle: DatabaseHandle, offeringId: number, schoolId: number, counts: { enrolled: number; waitlisted: number }) {
  for (let i = 0; i < counts.enrolled + counts.waitlisted; i++) {
    const child = await handle.db
      .insertInto('children')
      .values({ name: `孩子${offeringId}-${i}`, school_id: schoolId, grade: 3, created_at: now(), updated_at: now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    const waitlisted = i >= counts.enrolled;
    await handle.db
      .insertInto('enrollments')
      .values({
        offering_id: offeringId,
        child_id: child.id,
        status: waitlisted ? 'waitlisted' : 'enrolled',
        waitlist_position: waitlisted ? i - counts.enrolled + 1 : null,
        created_at: now(),
        updated_at: now(),
      })
      .execute();
  }
  await handle.db.updateTable('offerings').set({ seats_taken: counts.enrolled }).where('id', '=', offeringId).execute();
}
