// Kysely queries for notifications: writing a message to a child's guardians (the outbox), a user's in-app
// messages (one page newest first, the unread count, marking read), and the delivery worker's claims and outcomes.
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import { preparedQuery } from '../db/prepared.ts';
import { isPostgres } from '../db/dialect.ts';
import type { Database, DeliveryChannel } from '../db/schema.ts';

/**
 * One unread message to each of a child's guardians (held until `notBefore` when given), in one statement; the new
 * notifications' ids, first guardian first. PostgreSQL is told each value's type, which a select list cannot infer.
 */
const notifyGuardiansQuery = preparedQuery(
  6,
  (db, childId: number, kind: string, payload: string, createdAt: string, notBefore: string | null, holdKey: string | null) => {
    const typed = (value: unknown, type: string) => (isPostgres(db) ? sql`cast(${value} as ${sql.raw(type)})` : sql`${value}`);
    return db
      .insertInto('notifications')
      .columns(['recipient_id', 'kind', 'payload', 'created_at', 'read_at', 'not_before', 'hold_key'])
      .expression((eb) =>
        eb
          .selectFrom('guardianships')
          .select([
            'user_id',
            typed(kind, 'text').as('kind'),
            typed(payload, 'jsonb').as('payload'),
            typed(createdAt, 'timestamptz').as('created_at'),
            sql`null`.as('read_at'),
            typed(notBefore, 'timestamptz').as('not_before'),
            typed(holdKey, 'text').as('hold_key'),
          ])
          .where('child_id', '=', childId)
          .orderBy('user_id'),
      )
      .returning('id');
  },
);

export async function notifyGuardians(
  db: Kysely<Database>,
  childId: number,
  message: { kind: string; payload: string; createdAt: string; notBefore?: string; holdKey?: string },
): Promise<number[]> {
  const { rows } = await notifyGuardiansQuery(db, childId, message.kind, message.payload, message.createdAt, message.notBefore ?? null, message.holdKey ?? null);
  return rows.map((row) => row.id);
}

/** The guardians of many children, as (child, guardian) pairs, a batch of children per statement. */
export async function guardiansOfChildren(db: Kysely<Database>, childIds: readonly number[]): Promise<{ child_id: number; user_id: number }[]> {
  const pairs: { child_id: number; user_id: number }[] = [];
  for (let start = 0; start < childIds.length; start += BATCH) {
    const batch = childIds.slice(start, start + BATCH);
    pairs.push(...(await db.selectFrom('guardianships').select(['child_id', 'user_id']).where('child_id', 'in', batch).orderBy('child_id').orderBy('user_id').execute()));
  }
  return pairs;
}

/** Unread messages, each with its own recipient and payload, a batch per statement; the new ids in the same order. */
export async function insertNotificationRows(db: Kysely<Database>, rows: readonly { recipientId: number; kind: string; payload: string; createdAt: string }[]): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += BATCH) {
    const inserted = await db
      .insertInto('notifications')
      .values(rows.slice(start, start + BATCH).map((row) => ({ recipient_id: row.recipientId, kind: row.kind, payload: row.payload, created_at: row.createdAt, read_at: null })))
      .returning('id')
      .execute();
    ids.push(...inserted.map((row) => row.id));
  }
  return ids;
}

/** Rows per statement in the batched writes: parameters stay well under SQLite's and PostgreSQL's limits. */
const BATCH = 500;

/** One delivery per notification and channel, due at `now` (at once, or when a held message falls due). */
export async function queueDeliveries(db: Kysely<Database>, notificationIds: readonly number[], channels: readonly DeliveryChannel[], now: string): Promise<void> {
  for (let start = 0; start < notificationIds.length; start += BATCH) {
    await db
      .insertInto('notification_deliveries')
      .values(notificationIds.slice(start, start + BATCH).flatMap((id) => channels.map((channel) => ({ notification_id: id, channel, next_attempt_at: now }))))
      .execute();
  }
}

/** A held message is nobody's to see before it falls due. */
const isShown = (now: string) => (eb: ExpressionBuilder<Database, 'notifications'>) => eb.or([eb('not_before', 'is', null), eb('not_before', '<=', now)]);

/** Withdraws a held message before it falls due (its deliveries with it); how many recipients' copies went. */
export async function withdrawHeld(db: Kysely<Database>, holdKey: string, now: string): Promise<number> {
  const held = (await db.selectFrom('notifications').select('id').where('hold_key', '=', holdKey).where('not_before', '>', now).execute()).map((row) => row.id);
  if (held.length === 0) return 0;
  await db.deleteFrom('notification_deliveries').where('notification_id', 'in', held).execute();
  await db.deleteFrom('notifications').where('id', 'in', held).execute();
  return held.length;
}

/** Up to `limit` of the user's notifications due by `now`, newest first, older than `beforeId` when given. */
export function notificationsOf(db: Kysely<Database>, recipientId: number, options: { beforeId?: number; limit: number; now: string }) {
  let query = db
    .selectFrom('notifications')
    .select(['id', 'kind', 'payload', 'created_at', 'read_at'])
    .where('recipient_id', '=', recipientId)
    .where(isShown(options.now))
    .orderBy('id', 'desc')
    .limit(options.limit);
  if (options.beforeId !== undefined) query = query.where('id', '<', options.beforeId);
  return query.execute();
}

/** How many of the user's notifications are unread (the notifications_recipient index narrows it to one user). */
export async function unreadCount(db: Kysely<Database>, recipientId: number, now: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('recipient_id', '=', recipientId)
    .where('read_at', 'is', null)
    .where(isShown(now))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function markAllRead(db: Kysely<Database>, recipientId: number, at: string): Promise<number> {
  const result = await db.updateTable('notifications').set({ read_at: at }).where('recipient_id', '=', recipientId).where('read_at', 'is', null).where(isShown(at)).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

const isDue = (now: string, channels: readonly DeliveryChannel[]) => (eb: ExpressionBuilder<Database, 'notification_deliveries'>) =>
  eb.and([
    eb('sent_at', 'is', null),
    eb('failed_at', 'is', null),
    eb('next_attempt_at', '<=', now),
    eb('channel', 'in', channels),
    eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]),
  ]);

/**
 * Takes up to `limit` due deliveries for this worker in one statement, counting the attempt. On PostgreSQL the
 * inner SELECT locks its rows FOR UPDATE SKIP LOCKED, so a concurrent claim passes over them instead of
 * waiting and taking them too; the outer WHERE repeats the test against the row as it is when updated.
 * SQLite runs one writing statement at a time per database, so the conditional UPDATE … RETURNING is enough.
 */
export async function claimDueDeliveries(
  db: Kysely<Database>,
  options: { channels: readonly DeliveryChannel[]; now: string; claimUntil: string; limit: number },
): Promise<{ id: number; attempts: number }[]> {
  const due = isDue(options.now, options.channels);
  const postgres = isPostgres(db);
  return db
    .updateTable('notification_deliveries')
    .set((eb) => ({ claimed_until: options.claimUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', 'in', (eb) => {
      const pick = eb.selectFrom('notification_deliveries').select('id').where(due).orderBy('next_attempt_at').orderBy('id').limit(options.limit);
      return postgres ? pick.forUpdate().skipLocked() : pick;
    })
    .where(due)
    .returning(['id', 'attempts'])
    .execute();
}

/** The claimed deliveries with their message and recipient, in delivery order. */
export function deliveriesToSend(db: Kysely<Database>, ids: readonly number[]) {
  return db
    .selectFrom('notification_deliveries as d')
    .innerJoin('notifications as n', 'n.id', 'd.notification_id')
    .innerJoin('users as u', 'u.id', 'n.recipient_id')
    .select(['d.id as deliveryId', 'd.channel', 'd.attempts', 'n.id as notificationId', 'n.kind', 'n.payload', 'n.created_at as createdAt', 'u.id as recipientId', 'u.email', 'u.lang'])
    .where('d.id', 'in', ids)
    .orderBy('d.id')
    .execute();
}

/** Writes the outcome, but only while the claim is still ours (a worker that overran its claim changes nothing). */
export function settleDelivery(
  db: Kysely<Database>,
  id: number,
  claimUntil: string,
  values: { sent_at?: string; failed_at?: string; next_attempt_at?: string; last_error: string | null },
) {
  return db
    .updateTable('notification_deliveries')
    .set({ ...values, claimed_until: null })
    .where('id', '=', id)
    .where('claimed_until', '=', claimUntil)
    .where('sent_at', 'is', null)
    .execute();
}
