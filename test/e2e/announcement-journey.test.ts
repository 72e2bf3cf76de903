// The demo teacher, on a phone, sends an announcement to one of their clubs from its roster; a parent with a child
// enrolled there finds it in their notifications and on the offering page — real Chromium on the demo district.
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/auth/auth.service.ts';
import { CHROMIUM, type Journey, PHONE, seriousViolations, logIn, logOut, startJourney } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';

const SHOTS = join(process.cwd(), 'test-results');
const TEXT = '本周五请带护目镜，活动改在科技楼 302。\n有问题请回复老师。';

describe.skipIf(!CHROMIUM)('announcement journey on a phone', () => {
  let journey: Journey;
  let page: Page;
  let server: RunningServer;
  let club: { id: number; title: string; guardian: string };
  let meetingId: number;

  beforeAll(async () => {
    journey = await startJourney(PHONE);
    ({ page, server } = journey);
    // One of the demo teacher's published offerings with an enrolled child, and that child's first guardian.
    const db = new SQLite(journey.databasePath, { readonly: true });
    club = db
      .prepare(
        `select o.id, o.title_zh as title, coalesce(p.email, p.phone) as guardian
           from offerings o
           join users t on t.id = o.teacher_id
           join enrollments e on e.offering_id = o.id and e.status = 'enrolled'
           join guardianships g on g.child_id = e.child_id
           join users p on p.id = g.user_id
          where t.email = ? and o.status = 'published'
          order by o.id, p.id limit 1`,
      )
      .get(DEMO_LOGINS[1].login) as { id: number; title: string; guardian: string };
    meetingId = (db.prepare(`select id from meetings where offering_id = ? order by day limit 1`).get(club.id) as { id: number }).id;
    db.close();
  });

  afterAll(() => journey?.close());

  it('sends an announcement from the roster with a success notice in place', async () => {
    expect(club).toBeDefined();
    await logIn(journey, DEMO_LOGINS[1].login);
    await page.goto(`${server.url}/offerings/${club.id}/roster`);
    const form = page.locator('details.announce');
    await form.locator('summary').click();
    await form.getByLabel('通知内容').fill(TEXT);
    await form.getByRole('button', { name: '发送通知' }).click();
    await expect.poll(() => page.locator('details.announce .notice').textContent()).toMatch(/通知已发送给 \d+ 位家长。/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await page.locator('details.announce').screenshot({ path: join(SHOTS, 'announce-phone.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("writes to one child's guardians from the roll, in place", async () => {
    await page.goto(`${server.url}/teach/meetings/${meetingId}`);
    const row = page.locator('.roll-row').first();
    await row.locator('.roll-row__message summary').click();
    await row.locator('.roll-row__message textarea').fill('今天的作品很棒，请回家看看。');
    await row.getByRole('button', { name: '发送留言' }).click();
    await expect.poll(() => page.locator('.roll-row').first().locator('.roll-row__message .notice').textContent()).toMatch(/留言已发送给 .+ 的 \d+ 位家长。/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await page.locator('.roll-row').first().screenshot({ path: join(SHOTS, 'roll-message-phone.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("offers the same form on the teacher's list of clubs, folded until asked", async () => {
    await page.goto(`${server.url}/teach/offerings`);
    const form = page.locator(`#announce-${club.id}-teach`);
    expect(await form.getAttribute('open')).toBeNull();
    await form.locator('summary').click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await page.locator('.offering-card', { has: form }).screenshot({ path: join(SHOTS, 'teach-offerings-announce-phone.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("shows the announcement in the parent's notifications and on the offering page", async () => {
    await logOut(page);
    await logIn(journey, club.guardian);
    await page.getByRole('link', { name: /通知/ }).first().click();
    await page.waitForURL('**/notifications');
    const notice = page.locator('.notification--unread', { hasText: `「${club.title}」通知` }).first();
    expect(await notice.textContent()).toContain('本周五请带护目镜');
    await page.screenshot({ path: join(SHOTS, 'announcement-notice-phone.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${server.url}/offerings/${club.id}`);
    expect(await page.locator('.announcements').textContent()).toContain('有问题请回复老师。');
    await page.locator('.announcements').screenshot({ path: join(SHOTS, 'announcements-list-phone.png') });
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('raised no script or CSP errors', () => {
    expect(journey.problems).toEqual([]);
  });
});
