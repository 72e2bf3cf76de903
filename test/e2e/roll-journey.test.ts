// A teacher on a phone takes a whole roll (one absent, everyone else present); the absent child's guardian
// then finds the absence notice — real Chromium on the demo district, checked by axe.
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/auth/auth.service.ts';
import { CHROMIUM, type Journey, PHONE, seriousViolations, logIn, logOut, startJourney } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';

const SHOTS = join(process.cwd(), 'test-results');

describe.skipIf(!CHROMIUM)('roll journey on a phone', () => {
  let journey: Journey;
  let page: Page;
  let server: RunningServer;
  let absentChild: string;

  beforeAll(async () => {
    // No grace before the absence alarm here: the guardian reads it straight away (the grace has its own tests).
    journey = await startJourney(PHONE, { ABSENCE_ALERT_GRACE_SECONDS: '0' });
    ({ page, server } = journey);
  });

  afterAll(() => journey?.close());

  it("lists today's sessions for the demo teacher", async () => {
    await logIn(journey, DEMO_LOGINS[1].login);
    await page.getByRole('link', { name: '今日点名' }).first().click();
    await page.waitForURL('**/teach');
    expect(await page.locator('.today-day').first().textContent()).toContain('今天');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('marks one child absent with one tap and everyone else present with another', async () => {
    await page.locator('.today-day').first().locator('.today-item__link').first().click();
    await page.waitForURL(/\/teach\/meetings\/\d+$/);
    const rows = page.locator('.roll-row');
    const count = await rows.count();
    expect(count).toBeGreaterThan(1);
    absentChild = (await rows.first().locator('.roll-row__name').textContent())!;
    await rows.first().getByRole('button', { name: '缺勤' }).click();
    await expect.poll(() => page.locator('.roll-row').first().locator('.notice').textContent()).toContain('已保存：缺勤，已通知家长');
    expect(await page.locator('#roll-counts').textContent()).toContain(`缺勤 1`);
    await page.getByRole('button', { name: /其余全部出勤/ }).click();
    await expect.poll(() => page.locator('#roll-counts').textContent()).toContain('未点 0');
    expect(await page.locator('#roll-counts').textContent()).toContain(`出勤 ${count - 1}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'roll-phone.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("shows the absent child's guardian the notice", async () => {
    await logOut(page);
    // The guardian's login, from the demo data (every demo account has the demo password).
    const db = new SQLite(journey.databasePath, { readonly: true });
    const guardian = db
      .prepare(`select coalesce(u.email, u.phone) as login from users u join guardianships g on g.user_id = u.id join children c on c.id = g.child_id where c.name = ? order by u.id limit 1`)
      .get(absentChild) as { login: string };
    db.close();
    await logIn(journey, guardian.login);
    expect(await page.locator('.nav-unread__count').textContent()).toMatch(/^\d+$/);
    await page.getByRole('link', { name: /通知/ }).first().click();
    await page.waitForURL('**/notifications');
    const notice = page.locator('.notification--unread', { hasText: '缺勤提醒' }).first();
    expect(await notice.textContent()).toContain(`${absentChild} 在`);
    await page.screenshot({ path: join(SHOTS, 'absence-notice-phone.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('raised no script or CSP errors', () => {
    expect(journey.problems).toEqual([]);
  });
});
