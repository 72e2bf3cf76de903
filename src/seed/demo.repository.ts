// Kysely queries for the demo district's own bookkeeping: which accounts and children the seed created, what a
// database holds that it did not, and emptying a demo-only database before it is seeded again.
import { type Insertable, type Kysely, type Transaction, sql } from 'kysely';
import type { Database, PupilsTable } from '../db/schema.ts';

const BATCH = 500;

export async function markDemoRows(trx: Transaction<Database>, rows: { userIds: number[]; childIds: number[] }): Promise<void> {
  for (let i = 0; i < rows.userIds.length; i += BATCH) {
    await trx.insertInto('demo_accounts').values(rows.userIds.slice(i, i + BATCH).map((id) => ({ id }))).execute();
  }
  for (let i = 0; i < rows.childIds.length; i += BATCH) {
    await trx.insertInto('demo_children').values(rows.childIds.slice(i, i + BATCH).map((id) => ({ id }))).execute();
  }
}

/** Pupils in batches; each one's id, school and number. */
export async function insertPupils(trx: Transaction<Database>, pupils: readonly Insertable<PupilsTable>[]) {
  const inserted: { id: number; school_id: number; number: string }[] = [];
  for (let i = 0; i < pupils.length; i += BATCH) {
    inserted.push(...(await trx.insertInto('pupils').values(pupils.slice(i, i + BATCH)).returning(['id', 'school_id', 'number']).execute()));
  }
  return inserted;
}

/** Binds children to pupils, a batch per statement (UPDATE … FROM VALUES, read by SQLite ≥ 3.33 and PostgreSQL). */
export async function bindChildren(trx: Transaction<Database>, bindings: readonly { childId: number; pupilId: number }[]) {
  for (let i = 0; i < bindings.length; i += BATCH) {
    const values = bindings.slice(i, i + BATCH).map((binding) => sql`(cast(${binding.childId} as integer), cast(${binding.pupilId} as integer))`);
    // VALUES columns are column1… on both databases.
    await sql`update children set pupil_id = v.column2 from (values ${sql.join(values)}) as v where children.id = v.column1`.execute(trx);
  }
}

/** Accounts and children the demo seed did not create (a parent who registered, a child a parent added, …). */
export async function rowsNotFromDemo(db: Kysely<Database>): Promise<{ accountIds: number[]; childIds: number[] }> {
  const [accounts, children] = await Promise.all([
    db
      .selectFrom('users')
      .select('id')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('demo_accounts').select('demo_accounts.id').whereRef('demo_accounts.id', '=', 'users.id'))))
      .orderBy('id')
      .execute(),
    db
      .selectFrom('children')
      .select('id')
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('demo_children').select('demo_children.id').whereRef('demo_children.id', '=', 'children.id'))))
      .orderBy('id')
      .execute(),
  ]);
  return { accountIds: accounts.map((row) => row.id), childIds: children.map((row) => row.id) };
}

/** How many rows of what a person would recognise the database holds. */
export async function countContents(db: Kysely<Database>) {
  const count = async (table: 'schools' | 'users' | 'children' | 'offerings' | 'enrollments' | 'attendance_marks') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const [schools, accounts, children, offerings, enrollments, marks] = await Promise.all(
    (['schools', 'users', 'children', 'offerings', 'enrollments', 'attendance_marks'] as const).map(count),
  );
  return { schools: schools!, accounts: accounts!, children: children!, offerings: offerings!, enrollments: enrollments!, marks: marks! };
}

/** Deletes every row of every table but the migrator's, in one transaction; the schema stays. */
export async function deleteEveryRow(db: Kysely<Database>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  const tables = (await db.introspection.getTables()).map((table) => table.name).filter((name) => !name.startsWith('kysely_'));
  await db.transaction().execute(async (trx) => {
    if (dialect === 'postgres') {
      await sql`truncate table ${sql.join(tables.map((name) => sql.table(name)))} restart identity cascade`.execute(trx);
      return;
    }
    // Foreign keys are checked at the commit, when every table is empty, whatever the order of the deletes.
    await sql`pragma defer_foreign_keys = on`.execute(trx);
    for (const name of tables) await sql`delete from ${sql.table(name)}`.execute(trx);
    const sequences = await sql<{ n: number }>`select count(*) as n from sqlite_master where name = 'sqlite_sequence'`.execute(trx);
    if (Number(sequences.rows[0]?.n) > 0) await sql`delete from sqlite_sequence`.execute(trx);
  });
}
