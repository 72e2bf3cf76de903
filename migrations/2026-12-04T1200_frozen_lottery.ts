// Frozen lottery and cancelled offerings (docs/decisions/0021-frozen-lottery.md): the named 双色球 draw's instant,
// fixed when the entry list is frozen; the entry numbers a draw skipped because their child was deleted after the
// freeze; and the reason an offering with children in it was archived or cancelled, shown to its families.
// Frozen in time: this file must never import application code.
import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const instant = postgres ? sql`timestamptz` : sql`text`;
  await db.schema.alterTable('lottery_draws').addColumn('public_draw_at', instant).execute();
  await db.schema.alterTable('lottery_draws').addColumn('skipped_entries', 'text').execute();
  await db.schema.alterTable('offerings').addColumn('cancel_reason', 'text').execute();
  await db.schema.alterTable('offerings').addColumn('cancelled_at', instant).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('offerings').dropColumn('cancelled_at').execute();
  await db.schema.alterTable('offerings').dropColumn('cancel_reason').execute();
  await db.schema.alterTable('lottery_draws').dropColumn('skipped_entries').execute();
  await db.schema.alterTable('lottery_draws').dropColumn('public_draw_at').execute();
}
