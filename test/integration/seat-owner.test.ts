// Invariant 8, structurally: src/seats/seats.ts is the only code that writes enrollments, an offering's seat
// counter or its capacity, and it claims seats with one statement. Any other writer in src/ fails this test.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SeatScan, programOf, projectProgram, scanSeatWrites } from '../support/seat-writers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const OWNER = 'src/seats/seats.ts';
/** Writers outside the owner, each with why it may. */
const ALLOWED: Record<string, string> = {
  'src/seed/demo.ts': 'the demo seed bulk-loads enrollments and counters into a new, empty database before anyone can enrol',
};

describe('the seat owner', () => {
  let scan: SeatScan;
  beforeAll(() => {
    scan = scanSeatWrites(projectProgram(ROOT), ROOT, (file) => file.startsWith('src/') && !/\.test\.tsx?$/.test(file));
  });

  it('is the only writer of enrollments, seats_taken and capacity in src/ (the demo seed aside)', () => {
    const outside = scan.writes.filter((write) => write.file !== OWNER && !(write.file in ALLOWED));
    expect(outside.map((write) => `${write.file}:${write.line} ${write.what}`)).toEqual([]);
  });

  it('writes them itself, so the scan sees its writes', () => {
    const mine = new Set(scan.writes.filter((write) => write.file === OWNER).map((write) => write.what));
    for (const what of ["insertInto('enrollments')", "updateTable('enrollments')", "deleteFrom('enrollments')", 'offerings.seats_taken', 'offerings.capacity']) expect(mine).toContain(what);
  });

  it('keeps no stale exception: every allowed file still writes seat state', () => {
    for (const file of Object.keys(ALLOWED)) expect(scan.writes.some((write) => write.file === file), file).toBe(true);
  });

  it('claims a seat with one conditional statement only', () => {
    expect(scan.claims.map((claim) => claim.file)).toEqual([OWNER]);
  });
});

describe('the seat-writer scan', () => {
  const scanOf = (files: Record<string, string>) => scanSeatWrites(programOf(files, ROOT), ROOT, () => true);
  const whatOf = (files: Record<string, string>) => scanOf(files).writes.map((write) => `${write.file}:${write.line} ${write.what}`);

  it('finds enrollments written by any statement, through a table parameter and raw SQL included', () => {
    expect(
      whatOf({
        'src/x/a.ts': [
          "declare const trx: any, sql: any;",
          "trx.insertInto('enrollments').values({ status: 'enrolled' }).execute();",
          "trx.updateTable('enrollments as e').set({ status: 'withdrawn' }).execute();",
          "trx.deleteFrom('enrollments').where('id', '=', 1).execute();",
          'sql`update enrollments set status = ${"x"}`.execute(trx);',
          "sql.raw('DELETE FROM enrollments');",
          "trx.selectFrom('enrollments').selectAll().execute();",
          "function deleteIn(table: 'notifications' | 'enrollments') { return trx.deleteFrom(table).execute(); }",
        ].join('\n'),
      }),
    ).toEqual([
      "src/x/a.ts:2 insertInto('enrollments')",
      "src/x/a.ts:3 updateTable('enrollments')",
      "src/x/a.ts:4 deleteFrom('enrollments')",
      'src/x/a.ts:5 sql: update enrollments',
      'src/x/a.ts:6 sql.raw: DELETE FROM enrollments',
      "src/x/a.ts:8 deleteFrom('enrollments')",
    ]);
  });

  it("finds an offering's seats or capacity written directly, through a spread or a callback, but not its other columns", () => {
    expect(
      whatOf({
        'src/x/b.ts': [
          'declare const trx: any, sql: any;',
          'const values = (capacity: number) => ({ title_zh: "t", capacity });',
          "trx.updateTable('offerings').set({ seats_taken: 0 }).execute();",
          "trx.updateTable('offerings').set({ ...values(3), updated_at: 'now' }).execute();",
          "trx.updateTable('offerings').set((eb: unknown) => ({ status: 'archived' })).execute();",
          "const { capacity, ...rest } = values(3);",
          "trx.updateTable('offerings').set({ ...rest, status: 'published' }).execute();",
          "trx.insertInto('offerings').values([{ ...values(3) }]).execute();",
          "trx.insertInto('offerings').values({ ...values(3), seats_taken: 2 }).execute();",
          'sql`update offerings set seats_taken = 0`.execute(trx);',
        ].join('\n'),
      }),
    ).toEqual(['src/x/b.ts:3 offerings.seats_taken', 'src/x/b.ts:4 offerings.capacity', 'src/x/b.ts:5 offerings.set(callback)', 'src/x/b.ts:9 offerings.seats_taken', 'src/x/b.ts:10 sql: update offerings']);
  });

  it('finds a delete that cascades into enrollments unless the seat owner freed them first, in the same function', () => {
    expect(
      whatOf({
        'src/x/c.ts': [
          "import { eraseChild } from '../seats/seats.ts';",
          'declare const trx: any;',
          "async function forget() { await eraseChild(trx, 1); await trx.deleteFrom('children').where('id', '=', 1).execute(); }",
          "async function careless() { await trx.deleteFrom('children').where('id', '=', 1).execute(); await eraseChild(trx, 1); }",
          "async function wipe() { await trx.deleteFrom('terms').execute(); await trx.deleteFrom('meetings').execute(); }",
        ].join('\n'),
        'src/seats/seats.ts': 'export async function eraseChild(trx: unknown, id: number) {}',
      }),
    ).toEqual(["src/x/c.ts:4 deleteFrom('children') cascades into enrollments", "src/x/c.ts:5 deleteFrom('terms') cascades into enrollments"]);
  });

  it('counts conditional seat claims, wherever they are', () => {
    const claims = scanOf({
      'src/x/d.ts': [
        'declare const trx: any, sql: any;',
        "trx.updateTable('offerings').set({ seats_taken: sql`seats_taken + 1` }).where('id', '=', 1).where('seats_taken', '<', sql`capacity`).execute();",
        "trx.updateTable('offerings').set({ seats_taken: sql`seats_taken + 1`, capacity: sql`capacity + 1` }).where('id', '=', 1).execute();",
      ].join('\n'),
    }).claims;
    expect(claims.map((claim) => `${claim.file}:${claim.line}`)).toEqual(['src/x/d.ts:2']);
  });
});
