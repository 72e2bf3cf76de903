// A parent on a phone says who may collect the child and writes its emergency note on the child's page; the
// teacher's roll then shows the collector as a phone link and a marker that opens the note — real Chromium on the
// demo district, checked by axe.
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/auth/auth.service.ts';
import { CHROMIUM, type Journey, PHONE, seriousViolations, logIn, logOut, startJourney } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';

const SHOTS = join(process.cwd(), 'test-results');
const NOTE = '对花生严重过敏，书包里有肾上腺素笔。';

describe.skipIf(!CHROMIUM)('collectors and emergency note on a phone', () => {
  let journey: Journey;
  let page: Page;
  let server: RunningServer;
  let target: { meeting: number; child: number; name: string; login: string };

  beforeAll(async () => {
    journey = await startJourney(PHONE);
    ({ page, server } = journey);
    // A session of one of the demo teacher's clubs with an enrolled child, the demo parent's child first.
    const db = new SQLite(journey.databasePath, { readonly: true });
    target = db
      .prepare(
        `select m.id as meeting, c.id as child, c.name as name, coalesce(u.email, u.phone) as login
           from meetings m join offerings o on o.id = m.offering_id join users t on t.id = o.teacher_id
           join enrollments e on e.offering_id = o.id and e.status = 'enrolled'
           join children c on c.id = e.child_id join guardianships g on g.child_id = c.id join users u on u.id = g.user_id
          where t.email = ? and m.status = 'scheduled' and o.status = 'published'
          order by (u.email = ?) desc, m.day, m.starts_at, c.id limit 1`,
      )
      .get(DEMO_LOGINS[1].login, DEMO_LOGINS[0].login) as typeof target;
    db.close();
  });

  afterAll(() => journey?.close());

  it("adds a collector and the emergency note on the child's page", async () => {
    await logIn(journey, target.login);
    await page.goto(`${server.url}/children/${target.child}`);
    const card = page.locator('#care');
    await card.getByLabel('姓名').fill('王秀英');
    await card.getByLabel('关系').fill('奶奶');
    await card.getByLabel('电话').fill('138 0013 8000');
    await card.getByRole('button', { name: '添加接送人' }).click();
    await expect.poll(() => page.locator('#care .notice').textContent()).toContain('已添加接送人。');
    expect(await page.locator('#care .care-list').textContent()).toContain('奶奶 王秀英');
    // A bad number is refused at its field, and what was typed stays.
    await card.getByLabel('姓名').fill('李建国');
    await card.getByLabel('关系').fill('爷爷');
    await card.getByLabel('电话').fill('爷爷的手机');
    await card.getByRole('button', { name: '添加接送人' }).click();
    await expect.poll(() => page.locator('#care-phone-error').textContent()).toContain('请填写能拨通的电话号码');
    expect(await card.getByLabel('姓名').inputValue()).toBe('李建国');
    await card.getByLabel('紧急备注').fill(NOTE);
    await card.getByRole('button', { name: '保存备注' }).click();
    await expect.poll(() => page.locator('#care .notice').textContent()).toContain('紧急备注已保存。');
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await page.locator('#care').screenshot({ path: join(SHOTS, 'care-phone.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("shows the teacher's roll the collector to call and the note behind its marker", async () => {
    await logOut(page);
    await logIn(journey, DEMO_LOGINS[1].login);
    await page.goto(`${server.url}/teach/meetings/${target.meeting}`);
    const row = page.locator('.roll-row', { hasText: target.name });
    const call = row.getByRole('link', { name: /拨打 王秀英 的电话/ });
    expect(await call.getAttribute('href')).toBe('tel:13800138000');
    const box = (await call.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(await row.locator('.roll-care__note p').isVisible()).toBe(false);
    await row.getByText('紧急备注').click();
    expect(await row.locator('.roll-care__note p').textContent()).toBe(NOTE);
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await row.screenshot({ path: join(SHOTS, 'care-roll-phone.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('raised no script or CSP errors', () => {
    expect(journey.problems).toEqual([]);
  });
});
