// Issue 19, tried as an outsider would: after a lottery's close nothing a parent or the school does changes what is
// drawn, the draw never fails on what changed since, the public value is checked, and what is published (page and
// export.json) is exactly the enrollments the draw wrote, offering by offering, and verifies.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import type { LotteryExport } from '../../src/lottery/export.ts';
import { CONSENT_VERSION } from '../../src/family/consent.policy.ts';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

const TSX_CLI = createRequire(import.meta.url).resolve('tsx/cli');
const htmx = { 'hx-request': 'true' };
const VALUE = '05 11 17 23 29 33 12';
// Closes Friday 2026-11-20 08:00 Beijing time; the first 双色球 draw after that is Sunday 11-22 21:15 (13:15Z).
const WINDOW = { enrol_opens_at: '2026-11-15T00:00:00.000Z', enrol_closes_at: '2026-11-20T00:00:00.000Z' };
const AFTER_CLOSE = '2026-11-20T01:00:00Z';
const AFTER_PUBLIC_DRAW = '2026-11-22T13:16:00Z';

const OFFERING_FORM = (code: string, capacity: number) => ({
  code,
  kind: 'course',
  category: 'robotics',
  title_zh: code,
  title_en: '',
  description_zh: '',
  description_en: '',
  teacher: '',
  room: '',
  capacity: String(capacity),
  grade_min: '1',
  grade_max: '6',
  fee: '0',
  slot_weekday: ['2', ''],
  slot_start: ['16:00', ''],
  slot_end: ['17:30', ''],
});

/** Offering by offering: the published seats and waitlists, as children, equal the enrollments in the database. */
async function expectPublishedEqualsDatabase(handle: TestDatabase, termId: number, exported: LotteryExport) {
  const entries = await handle.db.selectFrom('lottery_entries').select(['entry_number', 'child_id']).where('term_id', '=', termId).execute();
  const childOf = new Map(entries.map((entry) => [entry.entry_number, entry.child_id]));
  const offerings = await handle.db.selectFrom('offerings').select(['id', 'code', 'seats_taken']).where('term_id', '=', termId).execute();
  for (const offering of offerings) {
    const rows = await handle.db.selectFrom('enrollments').select(['child_id', 'status', 'waitlist_position']).where('offering_id', '=', offering.id).execute();
    const enrolled = rows.filter((row) => row.status === 'enrolled').map((row) => row.child_id).sort();
    const waiting = rows.filter((row) => row.status === 'waitlisted').sort((a, b) => a.waitlist_position! - b.waitlist_position!).map((row) => row.child_id);
    const published = exported.results![offering.code] ?? { seats: [], waitlist: [] };
    expect({ code: offering.code, seats: published.seats.map((entry) => childOf.get(entry)).sort(), waitlist: published.waitlist.map((entry) => childOf.get(entry)) }).toEqual({
      code: offering.code,
      seats: enrolled,
      waitlist: waiting,
    });
    expect(offering.seats_taken).toBe(enrolled.length);
  }
}

async function verifyWithCli(folder: string, exported: string, seed: string) {
  const file = join(folder, `export-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, exported);
  return promisify(execFile)(process.execPath, [TSX_CLI, 'src/lottery/verify-cli.ts', file, seed]).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
  );
}

for (const dialect of DIALECTS) {
  describe(`a frozen lottery on ${dialect}`, () => {
    let handle: TestDatabase;
    const clock = fixedClock('2026-11-16T00:00:00Z');
    let app: ReturnType<typeof buildApp>['app'];
    let folder: string;

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      app = buildApp(handle, { clock }).app;
      folder = mkdtempSync(join(tmpdir(), 'clubroll-frozen-'));
    });
    afterAll(async () => {
      rmSync(folder, { recursive: true, force: true });
      await handle.drop();
    });

    /** A school with a lottery term, its admin, and `children` children (one parent) who each rank `choices`. */
    async function lotteryOf(slug: string, offerings: { code: string; capacity: number; weekday: number }[], children: number, choices: string[]) {
      clock.set('2026-11-16T00:00:00Z');
      const school = await createSchool(handle, slug);
      const term = await createTerm(handle, school, { mode: 'lottery', choice_limit: 3, course_limit: 2, ...WINDOW });
      const ids = new Map<string, number>();
      for (const offering of offerings) {
        ids.set(offering.code, await createOffering(handle, term, { code: offering.code, title_zh: offering.code, capacity: offering.capacity }, [{ weekday: offering.weekday, startsAt: '16:00', endsAt: '17:30' }]));
      }
      const admin = new Browser(app);
      await signIn(handle, admin, await createUser(handle, { login: `admin-${slug}@example.com`, role: 'school_admin', schoolId: school }));
      const parent = new Browser(app);
      const parentId = await createUser(handle, { login: `parent-${slug}@example.com` });
      await signIn(handle, parent, parentId);
      const kids: number[] = [];
      for (let i = 0; i < children; i++) {
        const added = await parent.post('/children', { name: `${slug}${i}`, school: slug, grade: '3', consent: CONSENT_VERSION });
        const child = Number(/added=(\d+)/.exec(added.headers.get('location')!)![1]);
        kids.push(child);
        for (const code of choices) expect((await parent.post(`/offerings/${ids.get(code)}/enrollments`, { child: String(child) }, htmx)).status).toBe(200);
      }
      return { school, term, ids, admin, parent, kids };
    }

    it('refuses a parent withdrawing a lottery choice after the close by any route, and the draw still runs', async () => {
      const { term, admin, parent, kids } = await lotteryOf('aspen', [{ code: 'ROB', capacity: 1, weekday: 2 }, { code: 'SCR', capacity: 1, weekday: 4 }], 2, ['ROB', 'SCR']);
      clock.set(AFTER_CLOSE);
      const choice = await handle.db.selectFrom('enrollments').select('id').where('child_id', '=', kids[0]!).where('choice_rank', '=', 1).executeTakeFirstOrThrow();
      expect((await parent.post(`/choices/${choice.id}/remove`, {}, htmx)).status).toBe(422);
      const withdraw = await parent.post(`/enrollments/${choice.id}/withdraw`, { confirm: 'yes' }, htmx);
      expect(withdraw.status).toBe(422);
      expect(await withdraw.text()).toContain('志愿已冻结');
      expect((await handle.db.selectFrom('enrollments').select('status').where('id', '=', choice.id).executeTakeFirstOrThrow()).status).toBe('requested');

      clock.set(AFTER_PUBLIC_DRAW);
      const drawn = await admin.post(`/admin/terms/${term}/lottery/draw`, { public_value: VALUE });
      expect(drawn.status).toBe(303);
      expect((await handle.db.selectFrom('lottery_draws').select('drawn_at').where('term_id', '=', term).executeTakeFirstOrThrow()).drawn_at).not.toBeNull();
    });

    it('refuses a public value not in the 双色球 form, and any draw before the named 双色球 draw, with a message', async () => {
      const { term, admin } = await lotteryOf('birch', [{ code: 'ROB', capacity: 1, weekday: 2 }], 2, ['ROB']);
      clock.set(AFTER_CLOSE);
      const early = await admin.post(`/admin/terms/${term}/lottery/draw`, { public_value: VALUE });
      expect(early.status).toBe(422);
      expect(await early.text()).toContain('开奖之后才能抽签');
      const page = await (await admin.get('/s/birch/lottery')).text();
      expect(page).toContain('2026-11-22 中国福利彩票「双色球」开奖号码');
      clock.set(AFTER_PUBLIC_DRAW);
      for (const value of ['hello', '05 11 17 23 29 33', '05 11 17 23 29 34 12', '05 05 17 23 29 33 12', '05 11 17 23 29 33 17']) {
        const refused = await admin.post(`/admin/terms/${term}/lottery/draw`, { public_value: value });
        expect(refused.status).toBe(422);
        expect(await refused.text()).toContain('6 个互不相同的红球');
      }
      const english = await admin.post(`/admin/terms/${term}/lottery/draw`, { public_value: 'hello' }, { 'accept-language': 'en' });
      expect(await english.text()).toContain('6 different red balls');
      expect((await handle.db.selectFrom('lottery_draws').select('drawn_at').where('term_id', '=', term).executeTakeFirstOrThrow()).drawn_at).toBeNull();
      expect((await admin.post(`/admin/terms/${term}/lottery/draw`, { public_value: VALUE })).status).toBe(303);
    });

    it('makes a seat change after the close wait for the draw, then publishes exactly the enrollments it wrote', async () => {
      const { school, term, ids, admin, kids } = await lotteryOf('cedar', [{ code: 'ROB', capacity: 4, weekday: 2 }, { code: 'SCR', capacity: 2, weekday: 4 }], 4, ['ROB', 'SCR']);
      clock.set(AFTER_CLOSE);
      // Nobody has opened the lottery page yet: the list is frozen lazily, but the seats are frozen at the close.
      const cut = await admin.post(`/admin/offerings/${ids.get('ROB')}`, OFFERING_FORM('ROB', 1));
      expect(cut.status).toBe(422);
      expect(await cut.text()).toContain('名额已随名单一起冻结');
      expect((await handle.db.selectFrom('offerings').select('capacity').where('id', '=', ids.get('ROB')!).executeTakeFirstOrThrow()).capacity).toBe(4);
      const renamed = await admin.post(`/admin/offerings/${ids.get('ROB')}`, OFFERING_FORM('ROB-2', 4));
      expect(renamed.status).toBe(422);
      expect(await renamed.text()).toContain('抽签之后才能修改代码');
      const removed = await admin.post(`/enrollments/${(await handle.db.selectFrom('enrollments').select('id').where('offering_id', '=', ids.get('ROB')!).executeTakeFirstOrThrow()).id}/remove`, { confirm: 'yes', reason: '测试' });
      expect(removed.status).toBe(422);
      const outsider = await handle.db.insertInto('children').values({ name: '插班生', school_id: school, grade: 3, created_at: AFTER_CLOSE, updated_at: AFTER_CLOSE }).returning('id').executeTakeFirstOrThrow();
      const added = await admin.post(`/offerings/${ids.get('ROB')}/roster/add`, { child: String(outsider.id) });
      expect(added.status).toBe(422);
      expect(await added.text()).toContain('抽签之后才能添加、移出或调班');
      expect((await handle.db.selectFrom('offerings').select('seats_taken').where('id', '=', ids.get('ROB')!).executeTakeFirstOrThrow()).seats_taken).toBe(0);

      clock.set(AFTER_PUBLIC_DRAW);
      expect((await admin.post(`/admin/terms/${term}/lottery/draw`, { public_value: VALUE })).status).toBe(303);
      const exported = (await (await admin.get('/s/cedar/lottery/export.json')).json()) as LotteryExport;
      expect(exported.results!.ROB!.seats).toHaveLength(4);
      await expectPublishedEqualsDatabase(handle, term, exported);
      // The public page shows the same allocation, offering by offering.
      const page = await (await admin.get('/s/cedar/lottery')).text();
      for (const { seats, waitlist } of Object.values(exported.results!)) expect(page).toContain(`<td>${seats.join(', ')}</td><td>${waitlist.join(', ')}</td>`);
      const seed = (await handle.db.selectFrom('lottery_draws').select('seed').where('term_id', '=', term).executeTakeFirstOrThrow()).seed;
      const verified = await verifyWithCli(folder, JSON.stringify(exported), seed);
      expect(verified.stdout).toContain('OK: all 2 offerings match');
      // After the draw the capacity edit goes through the seat owner: more seats go to the waitlist at once.
      const waitingBefore = exported.results!.SCR!.waitlist.length;
      expect((await admin.post(`/admin/offerings/${ids.get('SCR')}`, OFFERING_FORM('SCR', 2 + waitingBefore))).status).toBe(200);
      const scr = await handle.db.selectFrom('enrollments').select('status').where('offering_id', '=', ids.get('SCR')!).where('status', '=', 'waitlisted').execute();
      expect(scr).toHaveLength(0);
      expect(kids).toHaveLength(4);
    });

    it('skips an entry whose child was deleted after the freeze, says so in the export, and still verifies', async () => {
      const { term, admin, parent, kids } = await lotteryOf('dogwood', [{ code: 'ROB', capacity: 1, weekday: 2 }, { code: 'SCR', capacity: 1, weekday: 4 }], 3, ['ROB', 'SCR']);
      clock.set(AFTER_CLOSE);
      const frozen = await (await admin.get('/s/dogwood/lottery/export.json')).json() as LotteryExport;
      expect(JSON.parse(frozen.entries).entries).toHaveLength(3);
      const gone = kids[1]!;
      const entry = (await handle.db.selectFrom('lottery_entries').select('entry_number').where('child_id', '=', gone).executeTakeFirstOrThrow()).entry_number;
      expect((await parent.post(`/children/${gone}/deletion-request`, { confirm: 'yes' })).status).toBe(303);
      const request = (await handle.db.selectFrom('deletion_requests').select('id').where('child_id', '=', gone).executeTakeFirstOrThrow()).id;
      expect((await admin.post(`/admin/deletions/${request}`, { confirm: 'yes' })).status).toBe(303);

      clock.set(AFTER_PUBLIC_DRAW);
      expect((await admin.post(`/admin/terms/${term}/lottery/draw`, { public_value: VALUE })).status).toBe(303);
      const exported = (await (await admin.get('/s/dogwood/lottery/export.json')).json()) as LotteryExport;
      expect(exported.entries).toBe(frozen.entries);
      expect(exported.skippedEntries).toEqual([entry]);
      expect(JSON.stringify(exported.results)).not.toMatch(new RegExp(`\\b${entry}\\b`));
      await expectPublishedEqualsDatabase(handle, term, exported);
      const seed = (await handle.db.selectFrom('lottery_draws').select('seed').where('term_id', '=', term).executeTakeFirstOrThrow()).seed;
      const verified = await verifyWithCli(folder, JSON.stringify(exported), seed);
      expect(verified.stdout).toContain('OK: all 2 offerings match');
      // A result seating more than the frozen seats is caught even if it were what the algorithm gave.
      const overSeated = { ...exported, results: { ...exported.results, ROB: { seats: [1, 3], waitlist: [] } } };
      const caught = await verifyWithCli(folder, JSON.stringify(overSeated), seed);
      expect(caught.code).toBe(1);
      expect(caught.stdout).toContain('ROB: 2 seated, 1 seats frozen');
    });
  });
}
