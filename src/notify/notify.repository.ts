// Kysely queries for a user's in-app messages: one page newest first, the unread count, marking read.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Up to `limit` of the user's notifications, newest first, older than `beforeId` when given. */
export function notificationsOf(db: Kysely<Database>, recipientId: number, options: { beforeId?: number; limit: number }) {
  let query = db
    .selectFrom('notifications')
    .select(['id', 'kind', 'payload', 'created_at', 'read_at'])
    .where('recipient_id', '=', recipientId)
    .orderBy('id', 'desc')
    .limit(options.limit);
  if (options.beforeId !== undefined) query = query.where('id', '<', options.beforeId);
  return query.execute();
}

/** How many of the user's notifications are unread (the notifications_recipient index narrows it to one user). */
export async function unreadCount(db: Kysely<Database>, recipientId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('recipient_id', '=', recipientId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function markAllRead(db: Kysely<Database>, recipientId: number, at: string): Promise<number> {
  const result = await db.updateTable('notifications').set({ read_at: at }).where('recipient_id', '=', recipientId).where('read_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
