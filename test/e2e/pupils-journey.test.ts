// A school admin on a 360-px phone in Chinese reaches the pupil list, adds a pupil, and finds it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, type Journey, PHONE, seriousViolations, logIn, startJourney } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';

describe.skipIf(!CHROMIUM)('school admin keeps the pupil list on a phone', () => {
  let journey: Journey;
  let page: Page;
  let server: RunningServer;

  beforeAll(async () => {
    journey = await startJourney(PHONE);
    ({ page, server } = journey);
  });

  afterAll(() => journey?.close());

  const fitsTheScreen = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('reaches the list from the school’s admin page and adds a pupil', async () => {
    await logIn(journey, 'admin@clubroll.demo');
    await page.goto(`${server.url}/admin`);
    await page.waitForURL(/\/admin\/schools\/\d+$/);
    await page.getByRole('link', { name: '学生名单（学籍）' }).click();
    await page.waitForURL(/\/admin\/schools\/\d+\/pupils$/);
    expect(await page.locator('h1').textContent()).toBe('学生名单');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('姓名', { exact: true }).fill('王小明');
    await page.getByLabel('学号', { exact: true }).fill('');
    await page.getByRole('button', { name: '添加学生' }).click();
    await expect.poll(() => page.locator('#pupil-new-number-error').count(), { timeout: 5000 }).toBe(1);

    await page.getByLabel('学号', { exact: true }).fill('g4401');
    await page.getByLabel('班级（可不填）').fill('2班');
    await page.getByRole('button', { name: '添加学生' }).click();
    await page.waitForURL(/\/pupils\?done=added$/);
    expect(await page.locator('.notice--success').textContent()).toContain('已添加到名单');
    const card = page.locator('.pupil-card', { hasText: '王小明' });
    expect(await card.textContent()).toContain('G4401');
    expect(await fitsTheScreen()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: '.scratch/pupils-360.png', fullPage: true });
    expect(journey.problems).toEqual([]);
  });
});
