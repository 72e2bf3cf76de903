// Which accounts and children the demo seed created, so that `npm run seed -- --replace` can tell a demo-only
// database (safe to start over) from one where a real parent registered or added a child (never wiped).
// Frozen in time: this file must never import application code.
// Each row holds only the id of a users / children row (no personal data), and goes with that row.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('demo_accounts')
    .addColumn('id', 'integer', (c) => c.notNull().primaryKey().references('users.id').onDelete('cascade'))
    .execute();
  await db.schema
    .createTable('demo_children')
    .addColumn('id', 'integer', (c) => c.notNull().primaryKey().references('children.id').onDelete('cascade'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('demo_children').execute();
  await db.schema.dropTable('demo_accounts').execute();
}
