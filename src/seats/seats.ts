// The one owner of seat state (docs/decisions/0020-seat-owner.md): the only code that writes `enrollments`, an
// offering's `seats_taken` and `capacity`, and the waitlist promotions they cause. Every feature — enrol and
// withdraw, the school's add / remove / move, a capacity edit, archiving, lottery choices and the draw, a
// child's deletion and the retention purge — calls these functions inside its own transaction.
import { type Kysely, type Selectable, type Transaction, sql } from 'kysely';
import { recordAudit } from '../audit/audit.service.ts';
import { preparedQuery } from '../db/prepared.ts';
import type { Database, EnrollmentsTable } from '../db/schema.ts';
import { isPostgres } from '../db/dialect.ts';
import type { NotificationPayloads, Outbox } from '../notify/outbox.ts';
import * as repository from './seats.repository.ts';

/** Other features lock an offering through the owner before changing its seats. */
export function lockOffering(trx: Transaction<Database>, offeringId: number): Promise<void> {
  return repository.lockOffering(trx, offeringId);
}

export interface ChangeContext {
  trx: Transaction<Database>;
  outbox: Outbox;
  at: Date;
  /** Who made the change, for the audit log of a promotion it causes. */
  actorId: number | null;
  offering: { id: number; title_zh: string; title_en: string | null; school_id: number | null };
}

export interface Promotion {
  enrollmentId: number;
  childId: number;
  childName: string;
}

const claimSeatsQuery = preparedQuery(3, (db, offeringId: number, count: number, behindQueue: number) =>
  db
    .updateTable('offerings')
    .set({ seats_taken: sql`seats_taken + ${count}` })
    .where('id', '=', offeringId)
    .where(sql<boolean>`seats_taken + ${count} <= capacity`)
    .where(({ or, not, exists, selectFrom, eb }) =>
      or([
        eb(sql.val(behindQueue), '=', 0),
        not(exists(selectFrom('enrollments').select('id').where('offering_id', '=', offeringId).where('status', '=', 'waitlisted'))),
      ]),
    ),
);

/**
 * Invariant 1, the one seat-claim statement: `count` seats are taken only if they are all free. `queue: 'respect'`
 * (a parent's enrolment, the school's move) also requires that nobody waits for them; `'first'` is for whoever the
 * rules put first (the head of the waitlist, a child the school adds, the draw's allocation).
 */
async function claimSeats(trx: Transaction<Database>, offeringId: number, count: number, queue: 'respect' | 'first'): Promise<boolean> {
  if (count === 0) return true;
  return Number((await claimSeatsQuery(trx, offeringId, count, queue === 'respect' ? 1 : 0)).numAffectedRows) === 1;
}

async function releaseSeats(trx: Transaction<Database>, offeringId: number, count: number) {
  if (count > 0) await trx.updateTable('offerings').set({ seats_taken: sql`seats_taken - ${count}` }).where('id', '=', offeringId).execute();
}

/** Closes the gap a leaver left: everyone behind position `from` moves up one. */
async function closeWaitlistGap(trx: Transaction<Database>, offeringId: number, from: number) {
  await trx
    .updateTable('enrollments')
    .set({ waitlist_position: sql`waitlist_position - 1` })
    .where('offering_id', '=', offeringId)
    .where('status', '=', 'waitlisted')
    .where('waitlist_position', '>', from)
    .execute();
}

/** The child's place as written: seated (no position) or waitlisted at the end of the queue. */
type WrittenPlace = { id: number; waitlist_position: number | null };

/** `case when waitlisted then (the end of the queue + 1) end`: the position read in the write that takes it. */
function positionAtEnd(db: Kysely<Database>, offeringId: number, waitlisted: 0 | 1) {
  return sql<number | null>`case when ${waitlisted} = 1 then (${repository.lastWaitlistPosition(db, offeringId)}) + 1 end`;
}

function statusFor(waitlisted: 0 | 1) {
  return sql<'enrolled' | 'waitlisted'>`case when ${waitlisted} = 1 then 'waitlisted' else 'enrolled' end`;
}

const insertPlaceQuery = preparedQuery(4, (db, offeringId: number, childId: number, waitlisted: 0 | 1, at: string) =>
  db
    .insertInto('enrollments')
    .values({ offering_id: offeringId, child_id: childId, status: statusFor(waitlisted), waitlist_position: positionAtEnd(db, offeringId, waitlisted), updated_at: at, created_at: at })
    .returning(['id', 'waitlist_position']),
);

/**
 * Writes the child's place, seated or at the end of the waitlist (read in the same statement: the writer holds the
 * offering, so nobody takes it in between): its existing row in the offering (withdrawn, a request, waitlisted) if
 * it has one, else a new row.
 */
async function writePlace(
  trx: Transaction<Database>,
  offeringId: number,
  childId: number,
  existing: { id: number } | undefined,
  seated: boolean,
  at: string,
): Promise<Placement> {
  const waitlisted = seated ? 0 : 1;
  const row: WrittenPlace = existing
    ? await trx
        .updateTable('enrollments')
        .set({ status: statusFor(waitlisted), waitlist_position: positionAtEnd(trx, offeringId, waitlisted), updated_at: at })
        .where('id', '=', existing.id)
        .returning(['id', 'waitlist_position'])
        .executeTakeFirstOrThrow()
    : (await insertPlaceQuery(trx, offeringId, childId, waitlisted, at)).rows[0]!;
  return row.waitlist_position === null ? { enrollmentId: row.id, status: 'enrolled' } : { enrollmentId: row.id, status: 'waitlisted', position: Number(row.waitlist_position) };
}

/**
 * Invariant 3: while a seat is free and someone waits, the first in the queue takes it and their guardians are
 * told. Loops, so seats freed earlier (a raised capacity) are filled too, not only the one just released.
 */
export async function fillFreeSeats(ctx: ChangeContext): Promise<Promotion[]> {
  const { trx, offering } = ctx;
  const promoted: Promotion[] = [];
  for (;;) {
    const next = await repository.firstWaitlisted(trx, offering.id);
    if (!next || !(await claimSeats(trx, offering.id, 1, 'first'))) return promoted;
    await trx.updateTable('enrollments').set({ status: 'enrolled', waitlist_position: null, updated_at: ctx.at.toISOString() }).where('id', '=', next.id).execute();
    await closeWaitlistGap(trx, offering.id, next.waitlist_position!);
    await ctx.outbox.toGuardians(trx, next.child_id, 'promoted', { offeringId: offering.id, childId: next.child_id, childName: next.child_name, title: offering.title_zh, titleEn: offering.title_en });
    await recordAudit(trx, { actorId: ctx.actorId, action: 'enrollment.promoted', subjectType: 'enrollment', subjectId: next.id, schoolId: offering.school_id }, ctx.at);
    promoted.push({ enrollmentId: next.id, childId: next.child_id, childName: next.child_name });
  }
}

/**
 * Withdraws an active enrollment: a waitlisted child's place closes up behind it, an enrolled child's seat goes
 * to the first waiting (same transaction). The caller has locked the offering and read `current` inside `trx`.
 */
export async function vacate(ctx: ChangeContext, current: Selectable<EnrollmentsTable>): Promise<Promotion[]> {
  const { trx } = ctx;
  await trx.updateTable('enrollments').set({ status: 'withdrawn', waitlist_position: null, updated_at: ctx.at.toISOString() }).where('id', '=', current.id).execute();
  if (current.status === 'waitlisted') {
    await closeWaitlistGap(trx, current.offering_id, current.waitlist_position!);
    return [];
  }
  if (current.status !== 'enrolled') return [];
  await releaseSeats(trx, current.offering_id, 1);
  return fillFreeSeats(ctx);
}

export type Placement = { enrollmentId: number; status: 'enrolled' } | { enrollmentId: number; status: 'waitlisted'; position: number };

/**
 * Gives the child a free seat nobody is waiting for, or the place at the end of the waitlist. `existing` is the
 * child's inactive row in this offering (withdrawn or a lottery request), reused so (offering, child) stays unique.
 */
export async function seatOrWaitlist(ctx: ChangeContext, childId: number, existing: { id: number } | undefined): Promise<Placement> {
  const { trx, offering } = ctx;
  const seated = await claimSeats(trx, offering.id, 1, 'respect');
  return writePlace(trx, offering.id, childId, existing, seated, ctx.at.toISOString());
}

/** Whether this database takes a parent's place in one statement outside a transaction (PostgreSQL; see placeAtOnce). */
export function placesAtOnce(db: Kysely<Database>): boolean {
  return isPostgres(db);
}

export interface PlaceAtOnce {
  offering: ChangeContext['offering'] & { termId: number };
  childId: number;
  /** The child's other enrolled or waitlisted offerings in the term that the enrolment rules were checked against. */
  others: readonly number[];
  at: Date;
  actorId: number;
  /** The guardians' notice when the child takes a seat. */
  outbox: Outbox;
  seatConfirmed: NotificationPayloads['seat_confirmed'];
}

/**
 * seatOrWaitlist for a parent's enrolment on PostgreSQL, in one statement outside any transaction: the child's lock,
 * a check that its other places in the term are still `others`, the offering's lock, the claim or the waitlist place,
 * the child's row, the guardians' seat_confirmed notice and the audit event (enrollment.enrolled / .waitlisted).
 * Answers the new place; the place the child already held (nothing written); or null when the rules' facts changed
 * meanwhile or the child or offering is gone (nothing written: the caller decides again in a transaction).
 */
export async function seatOrWaitlistAtOnce(db: Kysely<Database>, request: PlaceAtOnce): Promise<(Placement & { fresh: boolean }) | null> {
  const { offering } = request;
  const row = await repository.placeAtOnce(db, {
    offeringId: offering.id,
    childId: request.childId,
    termId: offering.termId,
    others: request.others,
    at: request.at.toISOString(),
    confirmedPayload: JSON.stringify(request.seatConfirmed),
    channels: request.outbox.channels,
    actorId: request.actorId,
    schoolId: offering.school_id,
  });
  if (row.outcome === 'stale' || row.outcome === 'gone') return null;
  const fresh = row.outcome === 'new';
  return row.status === 'enrolled' ? { enrollmentId: row.enrollment_id!, status: 'enrolled', fresh } : { enrollmentId: row.enrollment_id!, status: 'waitlisted', position: row.position!, fresh };
}

/**
 * Invariant 7: from a lottery term's close until its draw, the seats that were frozen are the seats that are drawn,
 * so nothing may take a seat or change a capacity in its offerings (the draw turns the term first come after).
 */
export async function frozenForDraw(trx: Transaction<Database>, offeringId: number, at: Date): Promise<boolean> {
  const row = await trx
    .selectFrom('offerings')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .select(['terms.mode', 'terms.enrol_closes_at'])
    .where('offerings.id', '=', offeringId)
    .executeTakeFirst();
  return row !== undefined && termFrozenForDraw(row, at);
}

/** Whether a term's lottery is between its close and its draw (the draw turns the term first come). */
export function termFrozenForDraw(term: { mode: string; enrol_closes_at: string }, at: Date): boolean {
  return term.mode === 'lottery' && term.enrol_closes_at <= at.toISOString();
}

/**
 * The school seats a child ahead of the queue (a waitlisted child's place closes up). With `override`, a full
 * offering gets one more seat and the child takes it, in one statement, so seats_taken ≤ capacity holds.
 * Answers null when the offering is full and there is no override.
 */
export async function seatBySchool(
  ctx: ChangeContext,
  childId: number,
  current: Selectable<EnrollmentsTable> | undefined,
  override: boolean,
): Promise<{ enrollmentId: number; overCapacity: boolean; capacity: number } | null> {
  const { trx, offering } = ctx;
  let overCapacity = false;
  if (!(await claimSeats(trx, offering.id, 1, 'first'))) {
    if (!override) return null;
    await trx.updateTable('offerings').set({ capacity: sql`capacity + 1`, seats_taken: sql`seats_taken + 1` }).where('id', '=', offering.id).execute();
    overCapacity = true;
  }
  const { enrollmentId } = await writePlace(trx, offering.id, childId, current, true, ctx.at.toISOString());
  if (current?.status === 'waitlisted') await closeWaitlistGap(trx, offering.id, current.waitlist_position!);
  const { capacity } = await trx.selectFrom('offerings').select('capacity').where('id', '=', offering.id).executeTakeFirstOrThrow();
  return { enrollmentId, overCapacity, capacity };
}

/**
 * A capacity edit: refused (false) below the seats taken now, read inside the write; more seats than before go
 * to the waitlist at once (invariant 3), its families told.
 */
export async function changeCapacity(
  ctx: ChangeContext,
  capacity: number,
): Promise<{ ok: true; promoted: Promotion[] } | { ok: false; reason: 'below_taken'; seatsTaken: number } | { ok: false; reason: 'lottery_frozen' }> {
  const { trx, offering } = ctx;
  const before = await trx.selectFrom('offerings').select('capacity').where('id', '=', offering.id).executeTakeFirst();
  if (before && before.capacity !== capacity && (await frozenForDraw(trx, offering.id, ctx.at))) return { ok: false, reason: 'lottery_frozen' };
  const updated = await trx.updateTable('offerings').set({ capacity }).where('id', '=', offering.id).where('seats_taken', '<=', capacity).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    const row = await trx.selectFrom('offerings').select('seats_taken').where('id', '=', offering.id).executeTakeFirst();
    return { ok: false, reason: 'below_taken', seatsTaken: row?.seats_taken ?? 0 };
  }
  return { ok: true, promoted: await fillFreeSeats(ctx) };
}

/**
 * Archiving or cancelling an offering: every seat, waitlist place and lottery request is withdrawn and the
 * counter goes to zero. Answers the children who had a place (enrolled or waitlisted), for their notices.
 */
export async function releaseAll(ctx: ChangeContext): Promise<{ childId: number; childName: string; status: 'enrolled' | 'waitlisted' | 'requested' }[]> {
  const { trx, offering } = ctx;
  const rows = await trx
    .selectFrom('enrollments')
    .innerJoin('children', 'children.id', 'enrollments.child_id')
    .select(['enrollments.id', 'enrollments.child_id', 'enrollments.status', 'children.name'])
    .where('enrollments.offering_id', '=', offering.id)
    .where('enrollments.status', 'in', ['enrolled', 'waitlisted', 'requested'])
    .orderBy('enrollments.id')
    .execute();
  if (rows.length === 0) return [];
  await trx
    .updateTable('enrollments')
    .set({ status: 'withdrawn', waitlist_position: null, choice_rank: null, updated_at: ctx.at.toISOString() })
    .where('offering_id', '=', offering.id)
    .where('status', 'in', ['enrolled', 'waitlisted', 'requested'])
    .execute();
  await trx.updateTable('offerings').set({ seats_taken: 0 }).where('id', '=', offering.id).execute();
  return rows.map((row) => ({ childId: row.child_id, childName: row.name, status: row.status as 'enrolled' | 'waitlisted' | 'requested' }));
}

// ── Lottery choices: `requested` rows hold no seat and no waitlist place; only the draw turns them into either.

/** Writes the child's request for the offering at `rank` (reusing a withdrawn row, so (offering, child) stays unique). */
export async function writeChoice(trx: Transaction<Database>, offeringId: number, childId: number, rank: number, at: string) {
  const stale = await trx.selectFrom('enrollments').select('id').where('offering_id', '=', offeringId).where('child_id', '=', childId).executeTakeFirst();
  const values = { status: 'requested' as const, choice_rank: rank, waitlist_position: null, updated_at: at };
  if (stale) await trx.updateTable('enrollments').set(values).where('id', '=', stale.id).execute();
  else await trx.insertInto('enrollments').values({ offering_id: offeringId, child_id: childId, ...values, created_at: at }).execute();
}

/** Gives each listed request the rank at its place in the list (1, 2, 3 …). */
export async function rankChoices(trx: Transaction<Database>, choices: readonly { id: number; choice_rank: number | null }[]) {
  for (const [index, choice] of choices.entries()) {
    if (choice.choice_rank !== index + 1) await trx.updateTable('enrollments').set({ choice_rank: index + 1 }).where('id', '=', choice.id).where('status', '=', 'requested').execute();
  }
}

export async function dropChoice(trx: Transaction<Database>, enrollmentId: number) {
  await trx.deleteFrom('enrollments').where('id', '=', enrollmentId).where('status', '=', 'requested').execute();
}

/**
 * The draw's allocation for one offering, written as decided: `seated` requests take seats (one conditional
 * update for all of them; false, and nothing written, if they do not fit), `waitlisted` join the end of the
 * queue in order. Answers each waitlisted request's position.
 */
export async function applyAllocation(
  trx: Transaction<Database>,
  offeringId: number,
  allocation: { seated: readonly number[]; waitlisted: readonly number[] },
  at: string,
): Promise<{ ok: true; positions: Map<number, number> } | { ok: false }> {
  if (!(await claimSeats(trx, offeringId, allocation.seated.length, 'first'))) return { ok: false };
  for (const id of allocation.seated) await trx.updateTable('enrollments').set({ status: 'enrolled', waitlist_position: null, updated_at: at }).where('id', '=', id).execute();
  const positions = new Map<number, number>();
  let position = (await repository.nextWaitlistPosition(trx, offeringId)) - 1;
  for (const id of allocation.waitlisted) {
    position += 1;
    await trx.updateTable('enrollments').set({ status: 'waitlisted', waitlist_position: position, updated_at: at }).where('id', '=', id).execute();
    positions.set(id, position);
  }
  return { ok: true, positions };
}

/** Requests the draw gave neither a seat nor a waitlist place are closed. */
export async function closeRequests(trx: Transaction<Database>, ids: readonly number[], at: string) {
  for (let start = 0; start < ids.length; start += 500) {
    await trx.updateTable('enrollments').set({ status: 'withdrawn', updated_at: at }).where('id', 'in', ids.slice(start, start + 500)).where('status', '=', 'requested').execute();
  }
}

// ── Children's data.

/**
 * A child's deletion, last step: its places in live terms are vacated (seats go to the waiting), its enrollments go,
 * then the child's row (the caller has removed the child's other records first).
 */
export async function eraseChild(
  trx: Transaction<Database>,
  childId: number,
  live: readonly { offering: ChangeContext['offering']; current: Selectable<EnrollmentsTable> }[],
  ctx: Omit<ChangeContext, 'trx' | 'offering'>,
): Promise<{ promoted: Promotion[]; deleted: number }> {
  const promoted: Promotion[] = [];
  for (const { offering, current } of live) promoted.push(...(await vacate({ ...ctx, trx, offering }, current)));
  const result = await trx.deleteFrom('enrollments').where('child_id', '=', childId).executeTakeFirst();
  await trx.deleteFrom('children').where('id', '=', childId).execute();
  return { promoted, deleted: Number(result.numDeletedRows) };
}

/**
 * The retention purge of ended terms: their enrollments go, while each offering's seat counter keeps the number
 * (the attendance report still shows how full it was). Only terms past their last day reach here.
 */
export async function purgeEnrollments(trx: Transaction<Database>, ids: readonly number[]) {
  for (let start = 0; start < ids.length; start += 500) await trx.deleteFrom('enrollments').where('id', 'in', ids.slice(start, start + 500)).execute();
}
