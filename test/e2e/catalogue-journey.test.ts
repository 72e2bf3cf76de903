// A parent on a phone browses a school's catalogue: filters by grade and weekday, opens a course, comes back.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, type Journey, PHONE, seriousViolations, startJourney } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';

describe.skipIf(!CHROMIUM)('catalogue journey on a phone', () => {
  let journey: Journey;
  let page: Page;
  let server: RunningServer;

  beforeAll(async () => {
    journey = await startJourney(PHONE);
    ({ page, server } = journey);
  });

  afterAll(() => journey?.close());

  const cardCount = () => page.locator('.offering-card').count();

  it('opens a school from the home page and shows its catalogue', async () => {
    await page.goto(server.url);
    await page.locator('.school-card__name a').first().click();
    await page.waitForURL(/\/s\/[a-z-]+$/);
    expect(await cardCount()).toBeGreaterThan(20);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('filters by grade and weekday in place, updating the address bar', async () => {
    const before = await cardCount();
    const schoolPath = new URL(page.url()).pathname;
    // On a phone the filters fold behind one button, so the first course shows on the first screen.
    expect(await page.getByLabel('年级', { exact: true }).isVisible()).toBe(false);
    expect((await page.locator('.offering-card').first().boundingBox())!.y).toBeLessThan(740);
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await page.getByLabel('年级', { exact: true }).selectOption('3');
    await page.waitForURL(/grade=3/);
    await page.getByLabel('星期', { exact: true }).selectOption('2');
    await page.waitForURL(/weekday=2/);
    await expect.poll(cardCount).toBeLessThan(before);
    const filtered = await cardCount();
    expect(filtered).toBeGreaterThan(0);
    const facts = await page.locator('.offering-card__facts').allTextContents();
    expect(facts.every((text) => text.includes('周二'))).toBe(true);
    expect(new URL(page.url()).pathname).toBe(schoolPath);
    // The filters in force show as chips above the results.
    expect(await page.locator('.filter-chip').allTextContents()).toEqual(['3 年级 ×', '星期二 ×']);
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'catalogue-filtered-phone.png'), fullPage: false });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('drops a filter with one tap on its chip', async () => {
    const before = await cardCount();
    await page.getByRole('link', { name: '去掉筛选：星期二' }).click();
    await page.waitForURL((url) => !url.search.includes('weekday'));
    await expect.poll(cardCount).toBeGreaterThan(before);
    expect(await page.locator('.filter-chip').allTextContents()).toEqual(['3 年级 ×']);
    await page.goBack();
    await page.waitForURL(/weekday=2/);
    await expect.poll(cardCount).toBe(before);
  });

  it('opens a course and the back button returns to the same filtered list', async () => {
    const filteredUrl = page.url();
    const filtered = await cardCount();
    const title = (await page.locator('.offering-card__title a').first().textContent())!;
    // The whole card opens the course: a tap on its facts, not only on the title.
    const facts = (await page.locator('.offering-card__facts').first().boundingBox())!;
    await page.mouse.click(facts.x + facts.width / 2, facts.y + facts.height / 2);
    await page.waitForURL(/\/offerings\/\d+$/);
    expect(await page.locator('h1').textContent()).toBe(title);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goBack();
    await page.waitForURL(filteredUrl);
    await expect.poll(cardCount).toBe(filtered);
    expect(await page.getByLabel('年级', { exact: true }).inputValue()).toBe('3');
    expect(await page.getByLabel('星期', { exact: true }).inputValue()).toBe('2');
  });

  it('raised no script or CSP errors', () => {
    expect(journey.problems).toEqual([]);
  });
});
