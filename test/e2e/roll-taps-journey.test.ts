// A teacher's taps on a phone are never lost: Enter in a note keeps the mark, quick taps queue per row (latest
// wins, each shown pending), a failed save names the mark and retries, "everyone else present" stays in reach.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, type Journey, PHONE, seriousViolations, startJourney } from '../support/browser.ts';
import { markIn, openFullRoll } from '../support/roll-class.ts';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!CHROMIUM)('roll taps on a phone', () => {
  let journey: Journey;
  let page: Page;
  let meetingId: number;
  const row = (index: number) => page.locator('.roll-row').nth(index);
  const nameOf = async (index: number) => (await row(index).locator('.roll-row__name').textContent())!;

  beforeAll(async () => {
    journey = await startJourney(PHONE);
    page = journey.page;
    ({ meetingId } = await openFullRoll(journey, 20));
  });

  afterAll(() => journey?.close());

  it('shows every row with grade and class', async () => {
    expect(await page.locator('.roll-row').count()).toBe(20);
    for (const text of await page.locator('.roll-row__who .muted').allTextContents()) expect(text.trim()).toMatch(/^\d+年级( \S+)?$/);
  });

  it('keeps "everyone else present" at the bottom of the screen on a 20-child roll, clear of the last row', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const viewport = page.viewportSize()!;
    const button = page.getByRole('button', { name: /其余全部出勤/ });
    const box = (await button.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    expect(box.y + box.height).toBeGreaterThan(viewport.height - 80);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const last = (await row(19).locator('.mark-button').first().boundingBox())!;
    expect(last.y + last.height).toBeLessThanOrEqual((await button.boundingBox())!.y);
    await page.evaluate(() => window.scrollTo(0, 600));
    await page.screenshot({ path: join(process.cwd(), 'test-results', 'roll-sticky-phone.png'), caret: 'initial' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('saves a note with Enter (the Go key) and keeps the absent mark', async () => {
    const name = await nameOf(0);
    await row(0).getByRole('button', { name: '缺勤' }).click();
    await expect.poll(() => row(0).locator('.notice').textContent()).toContain('已保存：缺勤');
    await row(0).locator('.roll-row__note summary').click();
    await row(0).getByLabel(`${name} 的备注`).fill('发烧请假');
    await row(0).getByLabel(`${name} 的备注`).press('Enter');
    await expect.poll(() => markIn(journey, meetingId, name)?.note).toBe('发烧请假');
    expect(markIn(journey, meetingId, name)?.mark).toBe('absent');
    await expect.poll(() => row(0).getByRole('button', { name: '缺勤' }).getAttribute('aria-pressed')).toBe('true');
    expect(await row(0).getByRole('button', { name: '出勤' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('saves the second of two quick taps on a slow network, showing both pending', async () => {
    await page.route('**/marks', async (route) => {
      await delay(1500);
      await route.continue();
    });
    const name = await nameOf(1);
    await row(1).getByRole('button', { name: '迟到' }).click();
    await row(1).getByRole('button', { name: '请假' }).click();
    expect(await row(1).locator('.mark-button--pending').allTextContents()).toEqual(['迟到', '请假']);
    expect(await row(1).locator('.roll-row__saving').textContent()).toBe('保存中…');
    await expect.poll(() => row(1).getByRole('button', { name: '请假' }).getAttribute('aria-pressed'), { timeout: 8000 }).toBe('true');
    await expect.poll(() => row(1).locator('.mark-button--pending').count(), { timeout: 8000 }).toBe(0);
    expect(markIn(journey, meetingId, name)?.mark).toBe('excused');
    await page.unroute('**/marks');
  });

  it('names the mark that failed to save and retries it', async () => {
    await page.route('**/marks', (route) => route.fulfill({ status: 503, body: 'busy' }), { times: 1 });
    const name = await nameOf(2);
    await row(2).getByRole('button', { name: '缺勤' }).click();
    await expect.poll(() => row(2).getByRole('alert').textContent()).toContain(`没有保存：${name} 的“缺勤”。`);
    expect(markIn(journey, meetingId, name)).toBeUndefined();
    await row(2).getByRole('button', { name: '重试' }).click();
    await expect.poll(() => row(2).locator('.notice').textContent()).toContain('已保存：缺勤');
    expect(markIn(journey, meetingId, name)?.mark).toBe('absent');
  });

  it('raised no script or CSP errors', () => {
    expect(journey.problems.filter((problem) => !/status of 503/.test(problem))).toEqual([]);
  });
});
