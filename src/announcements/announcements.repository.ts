// Kysely queries for announcements: the offering or meeting a message is about, and the announcements table.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';

/** An offering with what deciding access and framing a message needs. */
export function offeringToAnnounce(db: Kysely<Database>, offeringId: number) {
  return db
    .selectFrom('offerings')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .select(['offerings.id', 'offerings.title_zh', 'offerings.title_en', 'offerings.teacher_id', 'terms.school_id'])
    .where('offerings.id', '=', offeringId)
    .executeTakeFirst();
}

/** A meeting's offering, with what deciding access and framing a message needs. */
export function meetingOffering(db: Kysely<Database>, meetingId: number) {
  return db
    .selectFrom('meetings')
    .innerJoin('offerings', 'offerings.id', 'meetings.offering_id')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .select(['meetings.id as meeting_id', 'offerings.id', 'offerings.title_zh', 'offerings.title_en', 'offerings.teacher_id', 'terms.school_id'])
    .where('meetings.id', '=', meetingId)
    .executeTakeFirst();
}

export async function insertAnnouncement(
  trx: Transaction<Database>,
  row: { offeringId: number; senderId: number; text: string; toWaitlist: boolean; recipients: number; createdAt: string },
): Promise<number> {
  const inserted = await trx
    .insertInto('announcements')
    .values({ offering_id: row.offeringId, sender_id: row.senderId, text: row.text, to_waitlist: row.toWaitlist ? 1 : 0, recipients: row.recipients, created_at: row.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** The offering's announcements, newest first, with the sender's name (null when the account is gone). */
export function announcementsOf(db: Kysely<Database>, offeringId: number, limit: number) {
  return db
    .selectFrom('announcements')
    .leftJoin('users', 'users.id', 'announcements.sender_id')
    .select(['announcements.id', 'announcements.text', 'announcements.created_at', 'announcements.to_waitlist', 'announcements.recipients', 'users.name as sender_name'])
    .where('announcements.offering_id', '=', offeringId)
    .orderBy('announcements.created_at', 'desc')
    .orderBy('announcements.id', 'desc')
    .limit(limit)
    .execute();
}
