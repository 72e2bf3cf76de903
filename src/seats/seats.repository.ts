// The seat owner's reads: the offering's lock and the waitlist's ends (the writes are seats.ts), and on PostgreSQL a
// parent's place written in one statement (placeAtOnce).
import { type Kysely, type Transaction, sql } from 'kysely';
import { isPostgres } from '../db/dialect.ts';
import { postgresStatement } from '../db/postgres-statements.ts';
import { preparedQuery } from '../db/prepared.ts';
import type { Database } from '../db/schema.ts';

/** PostgreSQL: holds the offering's row until commit, so seat claims and waitlist numbers for it queue up. SQLite writers are serial already. */
export async function lockOffering(trx: Transaction<Database>, offeringId: number) {
  if (isPostgres(trx)) await trx.selectFrom('offerings').select('id').where('id', '=', offeringId).forUpdate().execute();
}

/** The offering's last waitlist position (0 when nobody waits), as a query a write can also take as a subquery. */
export function lastWaitlistPosition(db: Kysely<Database>, offeringId: number) {
  return db
    .selectFrom('enrollments')
    .select(sql<number>`coalesce(max(waitlist_position), 0)`.as('last'))
    .where('offering_id', '=', offeringId)
    .where('status', '=', 'waitlisted');
}

const lastWaitlistPositionQuery = preparedQuery(1, lastWaitlistPosition);

export async function nextWaitlistPosition(trx: Transaction<Database>, offeringId: number): Promise<number> {
  return Number((await lastWaitlistPositionQuery(trx, offeringId)).rows[0]!.last) + 1;
}

export function firstWaitlisted(trx: Transaction<Database>, offeringId: number) {
  return trx
    .selectFrom('enrollments')
    .innerJoin('children', 'children.id', 'enrollments.child_id')
    .selectAll('enrollments')
    .select('children.name as child_name')
    .where('enrollments.offering_id', '=', offeringId)
    .where('enrollments.status', '=', 'waitlisted')
    .orderBy('enrollments.waitlist_position')
    .limit(1)
    .executeTakeFirst();
}

/**
 * PostgreSQL: a parent's place written in one statement, outside any transaction: clubroll_place (a migration) locks
 * the child, checks its other places in the term against `others`, locks the offering and claims or queues; around
 * it, in the same statement, the guardians' notice of a confirmed seat (with its deliveries) and the audit event, both
 * only when a place was newly written. The offering's lock is held from inside the function to this statement's commit.
 */
const placeAtOnceStatement = postgresStatement<{ outcome: 'new' | 'placed' | 'stale' | 'gone'; enrollment_id: number | null; status: 'enrolled' | 'waitlisted' | null; position: number | null }>(`
with placed as materialized (
  select * from clubroll_place($1, $2, $3, $4::integer[], $5::timestamptz)
), notified as (
  insert into notifications (recipient_id, kind, payload, created_at, read_at, not_before, hold_key)
  select g.user_id, 'seat_confirmed', $6::jsonb, $5::timestamptz, null, null, null
  from guardianships g cross join placed p
  where g.child_id = $2 and p.place_outcome = 'new' and p.place_status = 'enrolled'
  order by g.user_id
  returning id
), delivered as (
  insert into notification_deliveries (notification_id, channel, next_attempt_at)
  select n.id, c.channel, $5::timestamptz from notified n cross join unnest($7::text[]) as c(channel)
), audited as (
  insert into audit_events (actor_id, action, subject_type, subject_id, school_id, detail, at)
  select $8, 'enrollment.' || p.place_status, 'enrollment', p.place_id::text, $9, '{}'::jsonb, $5::timestamptz
  from placed p where p.place_outcome = 'new'
)
select place_outcome as outcome, place_id as enrollment_id, place_status as status, place_position as position from placed`);

export async function placeAtOnce(
  db: Kysely<Database>,
  place: { offeringId: number; childId: number; termId: number; others: readonly number[]; at: string; confirmedPayload: string; channels: readonly string[]; actorId: number | null; schoolId: number | null },
) {
  const values = [place.offeringId, place.childId, place.termId, [...place.others], place.at, place.confirmedPayload, [...place.channels], place.actorId, place.schoolId];
  return (await placeAtOnceStatement(db, values)).rows[0]!;
}
