// The schema that protects the invariants, built by the same migrations on both databases.
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';
import { createSchool } from '../support/app.ts';

async function tableShapes(db: Kysely<Database>) {
  const tables = await db.introspection.getTables();
  return Object.fromEntries(
    tables
      .filter((table) => !table.name.startsWith('kysely_'))
      .map((table) => [table.name, table.columns.map((column) => `${column.name}${column.isNullable ? '?' : ''}`).sort()]),
  );
}

it('lists every migration file in migrations/index.ts, in timestamp order', () => {
  const files = readdirSync(new URL('../../migrations', import.meta.url))
    .filter((file) => /^\d{4}-\d{2}-\d{2}T\d{4}_.+\.ts$/.test(file))
    .map((file) => file.replace(/\.ts$/, ''))
    .sort();
  expect(Object.keys(migrations)).toEqual(files);
});

const shapes: Record<string, unknown> = {};

for (const dialect of DIALECTS) {
  describe(`schema on ${dialect}`, () => {
    let handle: TestDatabase;
    let offeringId: number;
    let childId: number;
    const now = new Date().toISOString();

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      const schoolId = await createSchool(handle, 'gamma');
      const term = await handle.db
        .insertInto('terms')
        .values({
          school_id: schoolId,
          name_zh: '秋季',
          name_en: 'Autumn',
          first_day: '2026-09-01',
          last_day: '2027-01-15',
          enrol_opens_at: '2026-08-20T00:00:00.000Z',
          enrol_closes_at: '2026-09-10T00:00:00.000Z',
          mode: 'first_come',
          course_limit: 3,
          created_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const offering = await handle.db
        .insertInto('offerings')
        .values({ term_id: term.id, code: 'ROB-1', kind: 'course', category: 'robotics', title_zh: '机器人', capacity: 2, grade_min: 3, grade_max: 6, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      offeringId = offering.id;
      const child = await handle.db
        .insertInto('children')
        .values({ name: '小明', school_id: schoolId, grade: 4, created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      childId = child.id;
    });
    afterAll(() => handle.drop());

    it('has nothing left to migrate after the template was built', async () => {
      expect(await migrateToLatest(handle.db)).toEqual([]);
      shapes[dialect] = await tableShapes(handle.db);
    });

    it('never lets the seat counter pass the capacity (CHECK seats_taken <= capacity)', async () => {
      await handle.db.updateTable('offerings').set({ seats_taken: 2 }).where('id', '=', offeringId).execute();
      await expect(handle.db.updateTable('offerings').set({ seats_taken: 3 }).where('id', '=', offeringId).execute()).rejects.toThrow();
      await expect(handle.db.updateTable('offerings').set({ seats_taken: -1 }).where('id', '=', offeringId).execute()).rejects.toThrow();
      const row = await handle.db.selectFrom('offerings').select('seats_taken').where('id', '=', offeringId).executeTakeFirstOrThrow();
      expect(row.seats_taken).toBe(2);
    });

    it('refuses a negative capacity', async () => {
      await expect(handle.db.updateTable('offerings').set({ capacity: -1, seats_taken: 0 }).where('id', '=', offeringId).execute()).rejects.toThrow();
    });

    it('holds one enrollment per child and offering', async () => {
      const row = { offering_id: offeringId, child_id: childId, status: 'enrolled' as const, waitlist_position: null, created_at: now, updated_at: now };
      await handle.db.insertInto('enrollments').values(row).execute();
      await expect(handle.db.insertInto('enrollments').values(row).execute()).rejects.toThrow();
    });

    it('gives a waitlist position to waitlisted rows and to no others', async () => {
      await expect(
        handle.db
          .updateTable('enrollments')
          .set({ waitlist_position: 1 })
          .where('offering_id', '=', offeringId)
          .execute(),
      ).rejects.toThrow();
    });

    it('enforces foreign keys (no enrollment of a child that does not exist)', async () => {
      await expect(
        handle.db
          .insertInto('enrollments')
          .values({ offering_id: offeringId, child_id: 999_999, status: 'waitlisted', waitlist_position: 1, created_at: now, updated_at: now })
          .execute(),
      ).rejects.toThrow();
    });

    it('keeps a term’s last day after its first and its window in order', async () => {
      const school = await createSchool(handle, `delta-${dialect}`);
      const term = {
        school_id: school,
        name_zh: '错',
        name_en: 'Wrong',
        mode: 'first_come' as const,
        course_limit: 1,
        created_at: now,
      };
      await expect(
        handle.db.insertInto('terms').values({ ...term, first_day: '2026-09-01', last_day: '2026-08-01', enrol_opens_at: now, enrol_closes_at: '2999-01-01T00:00:00.000Z' }).execute(),
      ).rejects.toThrow();
      await expect(
        handle.db.insertInto('terms').values({ ...term, first_day: '2026-09-01', last_day: '2026-12-01', enrol_opens_at: now, enrol_closes_at: now }).execute(),
      ).rejects.toThrow();
    });
  });
}

if (DIALECTS.length === 2) {
  it('builds the same tables and columns on SQLite and PostgreSQL', () => {
    expect(shapes.postgres).toEqual(shapes.sqlite);
  });
}
