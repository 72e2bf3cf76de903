// Lottery terms: a child's ranked choices (requested enrollments with a rank), anonymous entry numbers, and
// per term the draw's commitment, frozen entry list, public value and result.
// Frozen in time: this file must never import application code.
import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const instant = postgres ? sql`timestamptz` : sql`text`;

  await db.schema.alterTable('enrollments').addColumn('choice_rank', 'integer', (c) => c.check(sql`choice_rank >= 1`)).execute();

  await db.schema
    .createTable('lottery_entries')
    .addColumn('term_id', 'integer', (c) => c.notNull().references('terms.id').onDelete('cascade'))
    .addColumn('child_id', 'integer', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('entry_number', 'integer', (c) => c.notNull().check(sql`entry_number >= 1`))
    .addColumn('created_at', instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('lottery_entries_pk', ['term_id', 'child_id'])
    .addUniqueConstraint('lottery_entries_number', ['term_id', 'entry_number'])
    .execute();

  await db.schema
    .createTable('lottery_draws')
    .addColumn('term_id', 'integer', (c) => c.primaryKey().notNull().references('terms.id').onDelete('cascade'))
    .addColumn('algorithm_version', 'integer', (c) => c.notNull())
    .addColumn('seed', 'text', (c) => c.notNull()) // secret until the draw, then published
    .addColumn('commitment', 'text', (c) => c.notNull()) // SHA-256 of the seed, published from the start
    .addColumn('committed_at', instant, (c) => c.notNull())
    .addColumn('public_value_source_zh', 'text', (c) => c.notNull()) // named in advance
    .addColumn('public_value_source_en', 'text', (c) => c.notNull())
    .addColumn('entries_json', 'text') // the frozen export, byte for byte what entries_hash covers
    .addColumn('entries_hash', 'text')
    .addColumn('frozen_at', instant)
    .addColumn('public_value', 'text')
    .addColumn('drawn_at', instant)
    .addColumn('drawn_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('result_json', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('lottery_draws').execute();
  await db.schema.dropTable('lottery_entries').execute();
  await db.schema.alterTable('enrollments').dropColumn('choice_rank').execute();
}
