// The in-app notification list: a user's own messages only, a page at a time, and marking them read.
import type { Kysely } from 'kysely';
import type { Clock } from '../kernel/clock.ts';
import type { Database } from '../db/schema.ts';
import * as notifications from './notify.repository.ts';

export const NOTIFICATIONS_PAGE = 50;

export interface StoredNotification {
  id: number;
  kind: string;
  payload: unknown;
  createdAt: string;
  unread: boolean;
}

export function createNotificationsService(deps: { db: Kysely<Database>; clock: Clock; pageSize?: number }) {
  const { db, clock } = deps;
  const pageSize = deps.pageSize ?? NOTIFICATIONS_PAGE;
  return {
    /** One page of the user's notifications, newest first; `olderThan` is the cursor for the next page, if any. */
    async page(userId: number, beforeId?: number): Promise<{ items: StoredNotification[]; olderThan: number | null }> {
      const rows = await notifications.notificationsOf(db, userId, { ...(beforeId === undefined ? {} : { beforeId }), limit: pageSize + 1, now: clock.now().toISOString() });
      const items = rows.slice(0, pageSize).map((row) => ({ id: row.id, kind: row.kind, payload: row.payload, createdAt: row.created_at, unread: row.read_at === null }));
      return { items, olderThan: rows.length > pageSize ? items.at(-1)!.id : null };
    },
    unreadCount: (userId: number) => notifications.unreadCount(db, userId, clock.now().toISOString()),
    markAllRead: (userId: number) => notifications.markAllRead(db, userId, clock.now().toISOString()),
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
