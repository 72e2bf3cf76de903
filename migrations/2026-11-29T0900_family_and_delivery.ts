// Second guardians (one-time invite codes), private calendar feeds, and per-channel delivery of the
// notification outbox (e-mail, webhook) with retries. The outbox row itself is the in-app message.
// Frozen in time: this file must never import application code.
import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const id = postgres ? sql`serial primary key` : sql`integer not null primary key autoincrement`;
  const instant = postgres ? sql`timestamptz` : sql`text`;

  await db.schema
    .createTable('guardian_invites')
    .addColumn('id', id)
    .addColumn('child_id', 'integer', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique()) // SHA-256 of the code; the code itself is shown once
    .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('expires_at', instant, (c) => c.notNull())
    .addColumn('used_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('used_at', instant)
    .execute();
  await db.schema.createIndex('guardian_invites_child').on('guardian_invites').column('child_id').execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('token', 'text', (c) => c.primaryKey().notNull()) // random, in the feed's URL; revoking deletes the row
    .addColumn('child_id', 'integer', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addUniqueConstraint('calendar_feeds_child_user', ['child_id', 'user_id'])
    .execute();

  // Delivery state moves from the notification to one row per outside channel.
  await db.schema.dropIndex('notifications_pending').execute();
  for (const column of ['attempts', 'next_attempt_at', 'sent_at', 'last_error']) {
    await db.schema.alterTable('notifications').dropColumn(column).execute();
  }
  await db.schema
    .createTable('notification_deliveries')
    .addColumn('id', id)
    .addColumn('notification_id', 'integer', (c) => c.notNull().references('notifications.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email', 'webhook')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0).check(sql`attempts >= 0`))
    .addColumn('next_attempt_at', instant, (c) => c.notNull())
    .addColumn('claimed_until', instant) // a worker is sending it; another may take it over after this
    .addColumn('sent_at', instant)
    .addColumn('failed_at', instant) // gave up after the last retry
    .addColumn('last_error', 'text')
    .addUniqueConstraint('notification_deliveries_once', ['notification_id', 'channel'])
    .execute();
  await db.schema
    .createIndex('notification_deliveries_due')
    .on('notification_deliveries')
    .columns(['sent_at', 'failed_at', 'next_attempt_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const instant = postgres ? sql`timestamptz` : sql`text`;
  await db.schema.dropTable('notification_deliveries').execute();
  await db.schema.alterTable('notifications').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('notifications').addColumn('next_attempt_at', instant, (c) => c.notNull().defaultTo('1970-01-01T00:00:00.000Z')).execute();
  await db.schema.alterTable('notifications').addColumn('sent_at', instant).execute();
  await db.schema.alterTable('notifications').addColumn('last_error', 'text').execute();
  await db.schema.createIndex('notifications_pending').on('notifications').columns(['sent_at', 'next_attempt_at']).execute();
  await db.schema.dropTable('calendar_feeds').execute();
  await db.schema.dropTable('guardian_invites').execute();
}
