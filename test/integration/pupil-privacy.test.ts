// Pupils in the children's data duties: the export shows the pupil a child is bound to, erasing a child frees its
// pupil (the school's register keeps it, free to bind again), and the retention purge deletes the unbound pupils
// that no import, edit or promotion has confirmed since the cutoff — which an import re-listing them does confirm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/kernel/clock.ts';
import { purgeExpiredPersonalData } from '../../src/privacy/purge.service.ts';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';

const NOW = '2026-11-27T08:00:00.000Z';
/** Before the purge's cutoff (365 days before NOW): nobody has confirmed these pupils for more than a year. */
const LONG_AGO = '2025-06-01T00:00:00.000Z';
/** After the cutoff. */
const LATELY = '2026-09-01T00:00:00.000Z';

function unescapeHtml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

for (const dialect of DIALECTS) {
  describe(`pupils in children's data on ${dialect}`, () => {
    let handle: TestDatabase;
    let app: ReturnType<typeof buildApp>['app'];
    let admin: Browser;
    let mum: Browser;
    let mumId: number;
    let school: number;

    const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
    const audits = (action: string) => handle.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute();
    const list = (id = school) => `/admin/schools/${id}/pupils`;

    async function addPupil(pupil: { school?: number; number: string; name: string; grade: number; className?: string | null; updatedAt?: string }) {
      return (
        await handle.db
          .insertInto('pupils')
          .values({
            school_id: pupil.school ?? school,
            number: pupil.number,
            name: pupil.name,
            name_key: pupil.name.replace(/\s+/g, ''),
            grade: pupil.grade,
            class_name: pupil.className ?? null,
            created_at: pupil.updatedAt ?? NOW,
            updated_at: pupil.updatedAt ?? NOW,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }

    /** A child of mum's at the school, bound to the pupil (or not). */
    async function addChild(name: string, grade: number, pupilId: number | null, schoolId = school) {
      const child = (
        await handle.db.insertInto('children').values({ name, school_id: schoolId, grade, class_name: '2班', pupil_id: pupilId, created_at: NOW, updated_at: NOW }).returning('id').executeTakeFirstOrThrow()
      ).id;
      await handle.db.insertInto('guardianships').values({ user_id: mumId, child_id: child, created_at: NOW }).execute();
      return child;
    }

    const pupilRow = (id: number) => handle.db.selectFrom('pupils').select(['id', 'updated_at']).where('id', '=', id).executeTakeFirst();
    const boundTo = async (pupilId: number) => (await handle.db.selectFrom('children').select('id').where('pupil_id', '=', pupilId).execute()).map((row) => row.id);

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      ({ app } = buildApp(handle, { clock: fixedClock(NOW) }));
      school = await createSchool(handle, 'oak');
      await handle.db.updateTable('schools').set({ child_check: 'pupil_list' }).where('id', '=', school).execute();
      admin = new Browser(app);
      await signIn(handle, admin, await createUser(handle, { login: 'pupil-privacy-admin@example.com', role: 'school_admin', schoolId: school }));
      mumId = await createUser(handle, { login: 'pupil-privacy-mum@example.com', name: '林妈妈' });
      mum = new Browser(app);
      await signIn(handle, mum, mumId);
    });
    afterAll(() => handle.drop());

    describe('the export', () => {
      it('shows the pupil the child is bound to as the school lists it, and null for a child not bound', async () => {
        const pupil = await addPupil({ number: 'EX0001', name: '林 小满', grade: 3, className: '2班' });
        const bound = await addChild('林小满', 3, pupil);
        const unbound = await addChild('林小雨', 1, null);

        const response = await mum.get(`/children/${bound}/export.json`);
        expect(response.status).toBe(200);
        const data = (await response.json()) as { tables: { children: Record<string, unknown>[] } };
        expect(data.tables.children[0]).toMatchObject({ id: bound, name: '林小满', grade: 3, className: '2班' });
        expect(data.tables.children[0]!.pupil).toEqual({ number: 'EX0001', name: '林 小满', grade: 3, className: '2班' });

        const other = (await (await mum.get(`/children/${unbound}/export.json`)).json()) as { tables: { children: Record<string, unknown>[] } };
        expect(other.tables.children[0]!.pupil).toBeNull();
      });
    });

    describe('erasing a child', () => {
      it('unbinds its pupil, who stays on the school’s list shown unbound and can be bound again; the log names nobody', async () => {
        const pupil = await addPupil({ number: 'ER0001', name: '欧阳小溪', grade: 4, className: '3班' });
        const child = await addChild('欧阳小溪', 4, pupil);
        expect(await (await admin.get(`${list()}?q=ER0001`)).text()).toContain('已被家庭绑定');

        expect((await mum.post(`/children/${child}/deletion-request`, { confirm: 'yes' })).status).toBe(303);
        const request = (await handle.db.selectFrom('deletion_requests').select('id').where('child_id', '=', child).executeTakeFirstOrThrow()).id;
        expect((await admin.post(`/admin/deletions/${request}`, { confirm: 'yes' })).status).toBe(303);

        expect(await handle.db.selectFrom('children').select('id').where('id', '=', child).execute()).toEqual([]);
        expect(await pupilRow(pupil)).toBeDefined();
        const page = await (await admin.get(`${list()}?q=ER0001`)).text();
        expect(page).toContain('欧阳小溪');
        expect(page).toContain('未绑定');
        expect(page).not.toContain('已被家庭绑定');

        const [erased] = await audits('child.erased');
        const detail = json(erased!.detail);
        expect(detail).toMatchObject({ pupils: 1, guardians: 1 });
        // Counts only: no name, no pupil number, nothing that points at the pupil.
        expect(Object.values(detail).every((value) => typeof value === 'number')).toBe(true);
        for (const fact of ['欧阳小溪', 'ER0001']) expect(JSON.stringify(erased), fact).not.toContain(fact);

        // Free again: another family's child binds the pupil, and the list shows it bound.
        const again = await addChild('欧阳小溪', 4, null);
        await handle.db.updateTable('children').set({ pupil_id: pupil }).where('id', '=', again).execute();
        expect(await boundTo(pupil)).toEqual([again]);
        expect(await (await admin.get(`${list()}?q=ER0001`)).text()).toContain('已被家庭绑定');
      });
    });

    describe('the retention purge', () => {
      let stale: number;
      let staleBound: number;
      let fresh: number;
      let relisted: number;
      let promoted: number[];
      let elsewhere: number;

      const purge = (dryRun: boolean) => purgeExpiredPersonalData(handle.db, { clock: fixedClock(NOW), timeZone: 'Asia/Shanghai', retentionDays: 365, dryRun });

      beforeAll(async () => {
        // Pupils listed before this test keep their recent updated_at; these are dated on purpose.
        stale = await addPupil({ number: 'RT0001', name: '早已转学', grade: 2, updatedAt: LONG_AGO });
        staleBound = await addPupil({ number: 'RT0002', name: '一直在读', grade: 5, updatedAt: LONG_AGO });
        await addChild('一直在读', 5, staleBound);
        fresh = await addPupil({ number: 'RT0003', name: '今年新生', grade: 1, updatedAt: LATELY });
        relisted = await addPupil({ number: 'RT0004', name: '名单确认', grade: 3, className: '1班', updatedAt: LONG_AGO });
        // Another school promotes its year: every pupil it keeps is confirmed.
        const pine = await createSchool(handle, 'pine');
        promoted = [await addPupil({ school: pine, number: 'PN0001', name: '升级甲', grade: 2, updatedAt: LONG_AGO }), await addPupil({ school: pine, number: 'PN0002', name: '升级乙', grade: 5, updatedAt: LONG_AGO })];
        await addPupil({ school: pine, number: 'PN0003', name: '毕业丙', grade: 6, updatedAt: LONG_AGO });
        const pineAdmin = new Browser(app);
        await signIn(handle, pineAdmin, await createUser(handle, { login: 'pupil-privacy-pine@example.com', role: 'school_admin', schoolId: pine }));
        expect((await pineAdmin.post(`${list(pine)}/promote`, { confirm: 'yes' })).status).toBe(303);
        // A third school's pupil nobody confirmed: the purge is district-wide.
        elsewhere = await addPupil({ school: await createSchool(handle, 'ash'), number: 'AS0001', name: '无人确认', grade: 4, updatedAt: LONG_AGO });
      });

      it('counts an unchanged row of an import as confirming the pupil, and a promotion every pupil it keeps', async () => {
        const text = 'name,number,grade,class\r\n名单确认,RT0004,3,1班\r\n新来的,RT0005,2,\r\n';
        const preview = await admin.post(`${list()}/import`, { step: 'preview', csv: text });
        expect(preview.status).toBe(200);
        const html = await preview.text();
        expect(html).toContain('新增 1 名，更新 0 名，1 名不变');
        const plan = /name="plan" value="([^"]*)"/.exec(html)![1]!;
        const carried = unescapeHtml(/<textarea name="csv"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)![1]!);
        const done = await admin.post(`${list()}/import`, { step: 'commit', csv: carried, plan });
        expect(done.status).toBe(200);
        expect(await done.text()).toContain('已导入：新增 1 名，更新 0 名，1 名不变。');

        expect((await pupilRow(relisted))!.updated_at).toBe(NOW);
        for (const id of promoted) expect((await pupilRow(id))!.updated_at).toBe(NOW);
        expect((await pupilRow(stale))!.updated_at).toBe(LONG_AGO);
      });

      it('--dry-run counts the pupils that would go and deletes none', async () => {
        const report = await purge(true);
        expect(report.counts.pupils).toBe(2);
        expect(await pupilRow(stale)).toBeDefined();
        expect(await pupilRow(elsewhere)).toBeDefined();
        expect(await audits('privacy.purged')).toHaveLength(0);
      });

      it('deletes unbound pupils unconfirmed since the cutoff, keeps bound, recent and confirmed ones, and says how many', async () => {
        const before = Number((await handle.db.selectFrom('pupils').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
        const report = await purge(false);
        expect(report.counts.pupils).toBe(2);
        expect(await pupilRow(stale)).toBeUndefined();
        expect(await pupilRow(elsewhere)).toBeUndefined();
        for (const kept of [staleBound, fresh, relisted, ...promoted]) expect(await pupilRow(kept), String(kept)).toBeDefined();
        expect(await boundTo(staleBound)).toHaveLength(1);
        const after = Number((await handle.db.selectFrom('pupils').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
        expect(after).toBe(before - 2);
        const purged = await audits('privacy.purged');
        expect(purged).toHaveLength(1);
        expect(json(purged[0]!.detail)).toMatchObject({ cutoff: '2025-11-27', pupils: 2 });
        expect(JSON.stringify(purged)).not.toContain('早已转学');

        const again = await purge(false);
        expect(again.counts.pupils).toBe(0);
        expect(await audits('privacy.purged')).toHaveLength(1);
      });
    });
  });
}
