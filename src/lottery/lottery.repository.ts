// Queries for lottery terms: entries and ranked choices and the draw's row (choices and the draw's allocation are written by src/seats/seats.ts).
import { type Insertable, type Kysely, type Transaction, type Updateable, sql } from 'kysely';
import { isPostgres } from '../db/dialect.ts';
import type { Database, LotteryDrawsTable, LotteryEntriesTable } from '../db/schema.ts';

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

/** The draw's row as the window opens: the seed and its commitment (the unique term_id lets only one request win). */
export async function insertCommitment(db: Kysely<Database>, values: Insertable<LotteryDrawsTable>) {
  await db.insertInto('lottery_draws').values(values).execute();
}

/** The frozen entry list and its hash, written once: a draw already frozen keeps what it has. */
export async function freezeEntries(
  db: Kysely<Database>,
  termId: number,
  values: Pick<Updateable<LotteryDrawsTable>, 'entries_json' | 'entries_hash' | 'frozen_at' | 'public_value_source_zh' | 'public_value_source_en' | 'public_draw_at'>,
) {
  await db.updateTable('lottery_draws').set(values).where('term_id', '=', termId).where('entries_json', 'is', null).execute();
}

/** The draw's public value and published result, written once. */
export async function recordDraw(
  trx: Transaction<Database>,
  termId: number,
  values: Pick<Updateable<LotteryDrawsTable>, 'public_value' | 'drawn_at' | 'drawn_by' | 'result_json' | 'skipped_entries'>,
) {
  await trx.updateTable('lottery_draws').set(values).where('term_id', '=', termId).where('drawn_at', 'is', null).execute();
}

/** After the draw, what is left of the term goes first come, first served over this window. */
export async function openFirstCome(trx: Transaction<Database>, termId: number, window: { opensAt: string; closesAt: string }) {
  await trx.updateTable('terms').set({ mode: 'first_come', enrol_opens_at: window.opensAt, enrol_closes_at: window.closesAt }).where('id', '=', termId).execute();
}

/** A published offering of a lottery term, with its whole term (what a ranked choice is judged by). */
export function publishedLotteryOffering(db: Kysely<Database>, offeringId: number) {
  return db
    .selectFrom('offerings')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .selectAll('terms')
    .select(['offerings.id as offering_id', 'offerings.grade_min', 'offerings.grade_max'])
    .where('offerings.id', '=', offeringId)
    .where('offerings.status', '=', 'published')
    .where('terms.mode', '=', 'lottery')
    .executeTakeFirst();
}

/** A ranked choice (a `requested` enrollment) with its term's window. */
export function requestWithTerm(db: Kysely<Database>, enrollmentId: number) {
  return db
    .selectFrom('enrollments')
    .innerJoin('offerings', 'offerings.id', 'enrollments.offering_id')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .select(['enrollments.id', 'enrollments.child_id', 'enrollments.choice_rank', 'offerings.term_id', 'terms.enrol_opens_at', 'terms.enrol_closes_at', 'terms.mode'])
    .where('enrollments.id', '=', enrollmentId)
    .where('enrollments.status', '=', 'requested')
    .executeTakeFirst();
}

export function childOfChoice(db: Kysely<Database>, enrollmentId: number) {
  return db.selectFrom('enrollments').select('child_id').where('id', '=', enrollmentId).executeTakeFirst();
}

export async function childName(trx: Transaction<Database>, childId: number): Promise<string> {
  return (await trx.selectFrom('children').select('name').where('id', '=', childId).executeTakeFirstOrThrow()).name;
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

export async function insertEntry(trx: Transaction<Database>, entry: Insertable<LotteryEntriesTable>) {
  await trx.insertInto('lottery_entries').values(entry).execute();
}

/** The entry numbers of this parent's children in the term (only they see them). */
export function entriesOfParent(db: Kysely<Database>, parentId: number, termId: number) {
  return db
    .selectFrom('lottery_entries')
    .innerJoin('guardianships', 'guardianships.child_id', 'lottery_entries.child_id')
    .innerJoin('children', 'children.id', 'lottery_entries.child_id')
    .select(['lottery_entries.entry_number', 'children.name'])
    .where('guardianships.user_id', '=', parentId)
    .where('lottery_entries.term_id', '=', termId)
    .orderBy('lottery_entries.entry_number')
    .execute();
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
