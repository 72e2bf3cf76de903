// Several OS processes enrol 500 different children into one 30-seat course at once, on the same database.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchool, createUser } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

const TSX = createRequire(import.meta.url).resolve('tsx/cli');
const WORKER = fileURLToPath(new URL('../support/enroll-worker.ts', import.meta.url));
const PROCESSES = 4;
const CHILDREN = 500;
const SEATS = 30;

function runWorker(args: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, WORKER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').at(-1)!)) : reject(new Error(`worker exited ${code}: ${err}`))));
  });
}

for (const dialect of DIALECTS) {
  describe(`enrolment rush across processes on ${dialect}`, () => {
    let handle: TestDatabase;
    let offering: number;
    let parent: number;
    let children: number[];

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      const school = await createSchool(handle, 'spruce');
      const term = await createTerm(handle, school, { enrol_opens_at: '2020-01-01T00:00:00.000Z', enrol_closes_at: '2100-01-01T00:00:00.000Z' });
      offering = await createOffering(handle, term, { code: 'HOT', title_zh: '热门机器人', capacity: SEATS });
      parent = await createUser(handle, { login: 'rush-parent@example.com' });
      const now = new Date().toISOString();
      const rows = Array.from({ length: CHILDREN }, (_, i) => ({ name: `孩子${i}`, school_id: school, grade: 3, created_at: now, updated_at: now }));
      children = [];
      for (let i = 0; i < rows.length; i += 100) {
        const inserted = await handle.db.insertInto('children').values(rows.slice(i, i + 100)).returning('id').execute();
        children.push(...inserted.map((row) => row.id));
      }
      await handle.db.insertInto('guardianships').values(children.map((child) => ({ user_id: parent, child_id: child, created_at: now }))).execute();
    });
    afterAll(() => handle.drop());

    it(`seats exactly ${SEATS}, waitlists the other ${CHILDREN - SEATS} gap-free, with no errors`, async () => {
      const shares = Array.from({ length: PROCESSES }, (_, p) => children.filter((_, i) => i % PROCESSES === p));
      const answers = (
        await Promise.all(shares.map((share) => runWorker([JSON.stringify(handle.target), String(parent), String(offering), share.join(',')])))
      ).flat();
      expect(answers.filter((answer) => answer.startsWith('error') || answer.startsWith('refused'))).toEqual([]);
      expect(answers.filter((answer) => answer === 'enrolled')).toHaveLength(SEATS);
      const seats = await handle.db.selectFrom('offerings').select('seats_taken').where('id', '=', offering).executeTakeFirstOrThrow();
      expect(seats.seats_taken).toBe(SEATS);
      const rows = await handle.db.selectFrom('enrollments').select(['status', 'waitlist_position', 'child_id']).where('offering_id', '=', offering).execute();
      expect(rows).toHaveLength(CHILDREN);
      expect(new Set(rows.map((row) => row.child_id)).size).toBe(CHILDREN);
      const positions = rows.filter((row) => row.status === 'waitlisted').map((row) => row.waitlist_position!).sort((a, b) => a - b);
      expect(positions).toEqual(Array.from({ length: CHILDREN - SEATS }, (_, i) => i + 1));
    }, 120_000);
  });
}
