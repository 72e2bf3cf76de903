// The district admin on a 360-px phone in Chinese opens teacher hours (教师课时) from the admin home, picks last
// month, and reads the totals per teacher without sideways scrolling; a school admin reaches their school's.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, type Journey, PHONE, seriousViolations, logIn, startJourney } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';

/** The month before this one (the demo district's rolls are taken up to yesterday), as YYYY-MM. */
function lastMonth(): string {
  const now = new Date();
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return date.toISOString().slice(0, 7);
}

describe.skipIf(!CHROMIUM)('teacher hours on a phone', () => {
  let journey: Journey;
  let page: Page;
  let server: RunningServer;

  beforeAll(async () => {
    journey = await startJourney(PHONE);
    ({ page, server } = journey);
  });

  afterAll(() => journey?.close());

  const fitsTheScreen = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('the district admin picks a month and reads the totals per teacher', async () => {
    await logIn(journey, 'district@clubroll.demo');
    await page.goto(`${server.url}/admin`);
    await page.getByRole('link', { name: '教师课时' }).click();
    await page.waitForURL(/\/admin\/district\/teacher-hours$/);
    expect(await page.locator('h1').textContent()).toBe('全区教师课时');

    const month = lastMonth();
    await page.getByLabel('月份', { exact: true }).fill(month);
    await page.getByRole('button', { name: '查看' }).click();
    await page.waitForURL(new RegExp(`/admin/district/teacher-hours\\?month=${month}$`));
    expect(await page.locator('.report-summary').textContent()).toMatch(/位老师，已上 [\d,]+ 次课，共 [\d.,]+ 小时/);
    expect(await page.locator('#hours-teachers ~ table tbody tr').count()).toBeGreaterThan(1);
    expect(await page.getByRole('link', { name: '下载 CSV' }).getAttribute('href')).toBe(`/admin/district/teacher-hours.csv?month=${month}`);
    expect(await fitsTheScreen()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: '.scratch/teacher-hours-360.png', fullPage: false });
    expect(journey.problems).toEqual([]);
  });

  it("a school admin reaches their school's teacher hours from the school page", async () => {
    await page.context().clearCookies();
    await logIn(journey, 'admin@clubroll.demo');
    await page.goto(`${server.url}/admin`);
    await page.waitForURL(/\/admin\/schools\/\d+$/);
    await page.getByRole('link', { name: '教师课时' }).click();
    await page.waitForURL(/\/admin\/schools\/\d+\/teacher-hours$/);
    expect(await page.locator('h1').textContent()).toContain('教师课时');
    expect(await fitsTheScreen()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    expect(journey.problems).toEqual([]);
  });
});
