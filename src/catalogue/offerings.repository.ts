// Kysely queries for managing offerings and their weekly slots; `db` or a transaction comes first.
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, OfferingStatus } from '../db/schema.ts';
import type { WeeklySlot } from '../kernel/slots.ts';

export function offeringsOfTerm(db: Kysely<Database>, termId: number) {
  return db
    .selectFrom('offerings')
    .leftJoin('users', 'users.id', 'offerings.teacher_id')
    .selectAll('offerings')
    .select('users.name as teacher_name')
    .where('offerings.term_id', '=', termId)
    .orderBy('offerings.code')
    .execute();
}

export function offeringById(db: Kysely<Database>, id: number) {
  return db.selectFrom('offerings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A new offering holds no seats: its counter starts at zero and only the seat owner moves it. */
type NewOffering = Omit<Insertable<Database['offerings']>, 'seats_taken'>;

export async function insertOffering(db: Kysely<Database>, offering: NewOffering) {
  return (await db.insertInto('offerings').values(offering).returning('id').executeTakeFirstOrThrow()).id;
}

/** Many new offerings at once (an import), a hundred rows a statement. */
export async function insertOfferings(db: Kysely<Database>, offerings: readonly NewOffering[]) {
  for (let i = 0; i < offerings.length; i += 100) await db.insertInto('offerings').values(offerings.slice(i, i + 100)).execute();
}

/** An offering's own fields; its capacity only through the seat owner (src/seats/seats.ts). */
export async function updateOffering(db: Kysely<Database>, offeringId: number, values: Omit<Updateable<Database['offerings']>, 'capacity' | 'seats_taken'>) {
  await db.updateTable('offerings').set(values).where('id', '=', offeringId).execute();
}

export async function idsByCode(db: Kysely<Database>, termId: number, codes: readonly string[]) {
  const found = new Map<string, number>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db.selectFrom('offerings').select(['id', 'code']).where('term_id', '=', termId).where('code', 'in', codes.slice(i, i + 500)).execute();
    for (const row of rows) found.set(row.code, row.id);
  }
  return found;
}

export function slotsOfOffering(db: Kysely<Database>, offeringId: number) {
  return db
    .selectFrom('offering_slots')
    .select(['weekday', 'starts_at', 'ends_at'])
    .where('offering_id', '=', offeringId)
    .orderBy('weekday')
    .orderBy('starts_at')
    .execute();
}

export function slotsOfTerm(db: Kysely<Database>, termId: number) {
  return db
    .selectFrom('offering_slots')
    .innerJoin('offerings', 'offerings.id', 'offering_slots.offering_id')
    .select(['offering_slots.offering_id', 'offering_slots.weekday', 'offering_slots.starts_at', 'offering_slots.ends_at'])
    .where('offerings.term_id', '=', termId)
    .orderBy('offering_slots.weekday')
    .orderBy('offering_slots.starts_at')
    .execute();
}

export async function replaceSlots(db: Kysely<Database>, offeringId: number, slots: readonly WeeklySlot[]) {
  await db.deleteFrom('offering_slots').where('offering_id', '=', offeringId).execute();
  await db
    .insertInto('offering_slots')
    .values(slots.map((slot) => ({ offering_id: offeringId, weekday: slot.weekday, starts_at: slot.startsAt, ends_at: slot.endsAt })))
    .execute();
}

export async function insertSlots(db: Kysely<Database>, slots: readonly (WeeklySlot & { offeringId: number })[]) {
  const rows = slots.map((slot) => ({ offering_id: slot.offeringId, weekday: slot.weekday, starts_at: slot.startsAt, ends_at: slot.endsAt }));
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('offering_slots').values(rows.slice(i, i + 500)).execute();
}

export function teachersOfSchool(db: Kysely<Database>, schoolId: number) {
  return db.selectFrom('users').select(['id', 'name']).where('school_id', '=', schoolId).where('role', '=', 'teacher').orderBy('name').execute();
}

export function teachersWithLogins(db: Kysely<Database>, schoolId: number) {
  return db.selectFrom('users').select(['id', 'name', 'email', 'phone']).where('school_id', '=', schoolId).where('role', '=', 'teacher').execute();
}

export function offeringsOfTeacher(db: Kysely<Database>, teacherId: number) {
  return db
    .selectFrom('offerings')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .selectAll('offerings')
    .select(['terms.name_zh as term_name_zh', 'terms.name_en as term_name_en', 'terms.last_day as term_last_day'])
    .where('offerings.teacher_id', '=', teacherId)
    .where('offerings.status', '!=', 'archived')
    .orderBy('terms.first_day', 'desc')
    .orderBy('offerings.code')
    .execute();
}

/** How many children hold a seat, a waitlist place or a lottery choice in the offering (archiving asks first). */
export async function activePlacesOf(db: Kysely<Database>, offeringId: number) {
  const rows = await db
    .selectFrom('enrollments')
    .select((eb) => ['status', eb.fn.countAll<number>().as('count')])
    .where('offering_id', '=', offeringId)
    .where('status', 'in', ['enrolled', 'waitlisted', 'requested'])
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(rows.find((row) => row.status === status)?.count ?? 0);
  return { enrolled: count('enrolled'), waitlisted: count('waitlisted'), requested: count('requested') };
}

/** The offering's status; archiving or unpublishing one that held children also records why and when. */
export async function setOfferingStatus(db: Kysely<Database>, offeringId: number, status: OfferingStatus, at: string, cancellation: { reason: string } | null) {
  await db
    .updateTable('offerings')
    .set({ status, updated_at: at, ...(cancellation ? { cancel_reason: cancellation.reason, cancelled_at: at } : status === 'published' ? { cancel_reason: null, cancelled_at: null } : {}) })
    .where('id', '=', offeringId)
    .execute();
}
