// Queries for lottery terms: entries and ranked choices and the draw's row (choices and the draw's allocation are written by src/seats/seats.ts).
import { type Kysely, type Transaction, sql } from 'kysely';
import { isPostgres } from '../db/dialect.ts';
import type { Database } from '../db/schema.ts';

export function termById(db: Kysely<Database>, termId: number) {
  return db.selectFrom('terms').selectAll().where('id', '=', termId).executeTakeFirst();
}

/** The school's lottery term that is current or coming (the newest one with mode lottery or a draw). */
export function lotteryTermOfSchool(db: Kysely<Database>, schoolId: number) {
  return db
    .selectFrom('terms')
    .leftJoin('lottery_draws', 'lottery_draws.term_id', 'terms.id')
    .selectAll('terms')
    .where('terms.school_id', '=', schoolId)
    .where((eb) => eb.or([eb('terms.mode', '=', 'lottery'), eb('lottery_draws.term_id', 'is not', null)]))
    .orderBy('terms.first_day', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function drawOf(db: Kysely<Database>, termId: number) {
  return db.selectFrom('lottery_draws').selectAll().where('term_id', '=', termId).executeTakeFirst();
}

/** PostgreSQL: queue writers of one term's lottery (entry numbers, ranks) behind each other. */
export async function lockDraw(trx: Transaction<Database>, termId: number) {
  if (isPostgres(trx)) await trx.selectFrom('lottery_draws').select('term_id').where('term_id', '=', termId).forUpdate().execute();
}

export function requestsOfChild(db: Kysely<Database>, termId: number, childId: number) {
  return db
    .selectFrom('enrollments')
    .innerJoin('offerings', 'offerings.id', 'enrollments.offering_id')
    .select(['enrollments.id', 'enrollments.offering_id', 'enrollments.choice_rank', 'offerings.title_zh', 'offerings.title_en', 'offerings.code', 'offerings.capacity', 'offerings.seats_taken'])
    .where('offerings.term_id', '=', termId)
    .where('enrollments.child_id', '=', childId)
    .where('enrollments.status', '=', 'requested')
    .orderBy('enrollments.choice_rank')
    .execute();
}

export function entryOf(db: Kysely<Database>, termId: number, childId: number) {
  return db.selectFrom('lottery_entries').selectAll().where('term_id', '=', termId).where('child_id', '=', childId).executeTakeFirst();
}

export async function nextEntryNumber(trx: Transaction<Database>, termId: number): Promise<number> {
  const row = await trx
    .selectFrom('lottery_entries')
    .select(sql<number>`coalesce(max(entry_number), 0)`.as('last'))
    .where('term_id', '=', termId)
    .executeTakeFirstOrThrow();
  return Number(row.last) + 1;
}

/** Everything the frozen entry list holds: the term's published offerings with their slots and free seats … */
export function offeringsForDraw(db: Kysely<Database>, termId: number) {
  return db
    .selectFrom('offerings')
    .select(['id', 'code', 'capacity', 'seats_taken', 'title_zh', 'title_en'])
    .where('term_id', '=', termId)
    .where('status', '=', 'published')
    .orderBy('code')
    .execute();
}

/** Every offering of the term by code, whatever its status (the draw writes the frozen list's offerings). */
export function offeringsOfTerm(db: Kysely<Database>, termId: number) {
  return db.selectFrom('offerings').select(['id', 'code', 'title_zh', 'title_en']).where('term_id', '=', termId).execute();
}


/** … every request with its rank and entry number … */
export function requestsOfTerm(db: Kysely<Database>, termId: number) {
  return db
    .selectFrom('enrollments')
    .innerJoin('offerings', 'offerings.id', 'enrollments.offering_id')
    .innerJoin('lottery_entries', (join) => join.onRef('lottery_entries.child_id', '=', 'enrollments.child_id').on('lottery_entries.term_id', '=', termId))
    .select(['enrollments.id', 'enrollments.child_id', 'enrollments.offering_id', 'enrollments.choice_rank', 'lottery_entries.entry_number', 'offerings.code'])
    .where('offerings.term_id', '=', termId)
    .where('enrollments.status', '=', 'requested')
    .orderBy('lottery_entries.entry_number')
    .orderBy('enrollments.choice_rank')
    .execute();
}

/** … and what each entered child already holds this term (for limits and clashes). */
export function heldInTerm(db: Kysely<Database>, termId: number) {
  return db
    .selectFrom('enrollments')
    .innerJoin('offerings', 'offerings.id', 'enrollments.offering_id')
    .innerJoin('lottery_entries', (join) => join.onRef('lottery_entries.child_id', '=', 'enrollments.child_id').on('lottery_entries.term_id', '=', termId))
    .select(['enrollments.child_id', 'enrollments.offering_id'])
    .where('offerings.term_id', '=', termId)
    .where('enrollments.status', 'in', ['enrolled', 'waitlisted'])
    .execute();
}

/** Requests per offering of a term (demand), for the catalogue once the window has closed. */
export function demandOfTerm(db: Kysely<Database>, termId: number) {
  return db
    .selectFrom('enrollments')
    .innerJoin('offerings', 'offerings.id', 'enrollments.offering_id')
    .select((eb) => ['enrollments.offering_id', eb.fn.countAll<number>().as('requests')])
    .where('offerings.term_id', '=', termId)
    .where('enrollments.choice_rank', 'is not', null)
    .groupBy('enrollments.offering_id')
    .execute();
}



export function schoolOfTerm(db: Kysely<Database>, termId: number) {
  return db.selectFrom('schools').innerJoin('terms', 'terms.school_id', 'schools.id').selectAll('schools').where('terms.id', '=', termId).executeTakeFirst();
}
