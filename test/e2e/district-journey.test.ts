// The district admin opens the data portrait of the demo district on a phone and on a PC, in Chinese and English:
// three charts that fit the screen, filters that work through htmx and push the address, axe-clean.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/auth/auth.service.ts';
import { CHROMIUM, type Journey, PHONE, seriousViolations, logIn, startJourney } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';

const SHOTS = join(process.cwd(), 'test-results');

describe.skipIf(!CHROMIUM)('district data portrait', () => {
  let journey: Journey;
  let page: Page;
  let server: RunningServer;

  beforeAll(async () => {
    journey = await startJourney(PHONE);
    ({ page, server } = journey);
    await logIn(journey, DEMO_LOGINS[3].login);
  });

  afterAll(() => journey?.close());

  const overflows = () => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

  it('is linked from /admin and fits a 360 px phone in Chinese', async () => {
    await page.goto(`${server.url}/admin`);
    await page.getByRole('link', { name: '数据画像' }).click();
    await page.waitForURL(/\/admin\/district$/);
    expect(await page.locator('h1').textContent()).toBe('数据画像');
    expect(await page.locator('svg.chart[role="img"]').count()).toBe(3);
    // Every demo school has a bar and a weekly line.
    expect(await page.locator('section[aria-labelledby="district-schools"] tbody tr').count()).toBe(6);
    expect(await overflows()).toBe(false);
    const chart = await page.locator('svg.chart').first().boundingBox();
    expect(chart!.width).toBeLessThanOrEqual(360);
    await page.screenshot({ path: join(SHOTS, 'district-360-zh.png'), fullPage: true });
    await page.locator('.report-charts').screenshot({ path: join(SHOTS, 'district-charts-360-zh.png') });
    await page.locator('section[aria-labelledby="district-schools"]').screenshot({ path: join(SHOTS, 'district-schools-360-zh.png') });
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('filters by category through htmx, pushing the address, without reloading the page', async () => {
    await page.evaluate(() => document.body.setAttribute('data-before-filter', '1'));
    await page.getByLabel('类别', { exact: true }).selectOption('robotics');
    await page.waitForURL(/\/admin\/district\?.*category=robotics/);
    await expect.poll(() => page.locator('section[aria-labelledby="district-categories"] tbody tr').count()).toBe(1);
    expect(await page.locator('body[data-before-filter="1"]').count()).toBe(1);
    expect(await page.locator('section[aria-labelledby="district-categories"] tbody th').textContent()).toBe('机器人');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('reads in English at 360 px', async () => {
    await page.goto(`${server.url}/admin/district?lang=en`);
    expect(await page.locator('h1').textContent()).toBe('Data portrait');
    expect(await overflows()).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'district-360-en.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('lays the charts side by side at 1280 px, in both languages', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${server.url}/admin/district?lang=en`);
    await page.screenshot({ path: join(SHOTS, 'district-1280-en.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${server.url}/admin/district?lang=zh-CN`);
    expect(await overflows()).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'district-1280-zh.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  }, 90_000);

  it('raised no script or CSP errors', () => {
    expect(journey.problems).toEqual([]);
  });
});
