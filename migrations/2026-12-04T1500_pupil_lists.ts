// A school's pupil list (学籍): the pupils a school says it has, so a parent binds a real pupil rather than a made-up
// child (issue 21). Each school chooses whether children are checked against it. Frozen in time: this file must
// never import application code.
import { type Kysely, sql } from 'kysely';
import { isPostgres } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const id = postgres ? sql`serial primary key` : sql`integer not null primary key autoincrement`;
  const instant = postgres ? sql`timestamptz` : sql`text`;

  // 'open': any child may be added (as before); 'pupil_list': a child must match a listed pupil.
  await db.schema
    .alterTable('schools')
    .addColumn('child_check', 'text', (c) => c.notNull().defaultTo('open').check(sql`child_check in ('open', 'pupil_list')`))
    .execute();

  await db.schema
    .createTable('pupils')
    .addColumn('id', id)
    .addColumn('school_id', 'integer', (c) => c.notNull().references('schools.id').onDelete('cascade'))
    .addColumn('number', 'text', (c) => c.notNull()) // the pupil number of the register (学籍号 or the school's own)
    .addColumn('name', 'text', (c) => c.notNull())
    // The name as compared: NFKC, without whitespace, so "王 小明" and "王小明" (or full-width letters) match.
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('grade', 'integer', (c) => c.notNull().check(sql`grade between 1 and 12`))
    .addColumn('class_name', 'text')
    .addColumn('created_at', instant, (c) => c.notNull())
    .addColumn('updated_at', instant, (c) => c.notNull())
    .addUniqueConstraint('pupils_number_per_school', ['school_id', 'number'])
    .execute();
  await db.schema.createIndex('pupils_school_grade').on('pupils').columns(['school_id', 'grade', 'class_name']).execute();

  // The listed pupil a child is bound to; one child (shared by its guardians) per pupil.
  await db.schema.alterTable('children').addColumn('pupil_id', 'integer', (c) => c.references('pupils.id').onDelete('set null')).execute();
  await db.schema.createIndex('children_pupil_once').on('children').column('pupil_id').unique().where(sql.ref('pupil_id'), 'is not', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('children_pupil_once').execute();
  await db.schema.alterTable('children').dropColumn('pupil_id').execute();
  await db.schema.dropTable('pupils').execute();
  await db.schema.alterTable('schools').dropColumn('child_check').execute();
}
