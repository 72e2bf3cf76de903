// The seat owner's reads: the offering's lock and the waitlist's ends (the writes are seats.ts).
import { type Transaction, sql } from 'kysely';
import { isPostgres } from '../db/dialect.ts';
import { preparedQuery } from '../db/prepared.ts';
import type { Database } from '../db/schema.ts';

/** PostgreSQL: holds the offering's row until commit, so seat claims and waitlist numbers for it queue up. SQLite writers are serial already. */
export async function lockOffering(trx: Transaction<Database>, offeringId: number) {
  if (isPostgres(trx)) await trx.selectFrom('offerings').select('id').where('id', '=', offeringId).forUpdate().execute();
}

const lastWaitlistPositionQuery = preparedQuery(1, (db, offeringId: number) =>
  db
    .selectFrom('enrollments')
    .select(sql<number>`coalesce(max(waitlist_position), 0)`.as('last'))
    .where('offering_id', '=', offeringId)
    .where('status', '=', 'waitlisted'),
);

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
