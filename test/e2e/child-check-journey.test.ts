// A school admin on a 360-px phone in Chinese switches the school to checking children against its pupil list,
// sees what the switch will do before confirming, then matches an unmatched child by hand.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, type Journey, PHONE, seriousViolations, logIn, startJourney } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';

describe.skipIf(!CHROMIUM)('school admin switches how children are checked, on a phone', () => {
  let journey: Journey;
  let page: Page;
  let server: RunningServer;

  beforeAll(async () => {
    journey = await startJourney(PHONE);
    ({ page, server } = journey);
  });

  afterAll(() => journey?.close());

  const fitsTheScreen = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  it('switches after a confirmation saying what will happen, and matches a child by hand', async () => {
    await logIn(journey, 'admin@clubroll.demo');
    await page.goto(`${server.url}/admin`);
    await page.waitForURL(/\/admin\/schools\/\d+$/);
    await page.getByRole('link', { name: '学生名单（学籍）' }).click();
    await page.waitForURL(/\/admin\/schools\/\d+\/pupils$/);

    // A pupil on the list, so the school may switch.
    await page.getByLabel('姓名', { exact: true }).fill('手动匹配');
    await page.getByLabel('学号', { exact: true }).fill('M0001');
    await page.getByRole('button', { name: '添加学生' }).click();
    await page.waitForURL(/\/pupils\?done=added$/);
    const control = page.locator('#child-check');
    const mode = (await control.textContent()) ?? '';
    if (mode.includes('现在：报名孩子须与学生名单核对')) {
      // The demo school already checks children: switch it to open first, then back.
      await control.getByRole('button', { name: '改为：不核对（任何家长都可添加孩子）' }).click();
      await page.getByRole('button', { name: '确认更改' }).click();
      await page.waitForURL(/\/pupils\?done=checked$/);
    }
    await page.locator('#child-check').getByRole('button', { name: '改为：报名孩子须与学生名单核对' }).click();
    await page.waitForURL(/\/child-check\?child_check=pupil_list$/);
    expect(await page.locator('.notice--info').textContent()).toMatch(/名单上有 \d+ 名学生/);
    expect(await fitsTheScreen()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: '.scratch/child-check-confirm-360.png', fullPage: true });
    await page.getByRole('button', { name: '确认更改' }).click();
    await page.waitForURL(/\/pupils\?done=checked$/);
    expect(await page.locator('#child-check').textContent()).toContain('现在：报名孩子须与学生名单核对');
    await page.screenshot({ path: '.scratch/child-check-list-360.png', fullPage: false });

    await page.locator('#child-check').getByRole('link', { name: /未匹配的孩子（\d+）/ }).click();
    await page.waitForURL(/\/pupils\/unmatched$/);
    expect(await fitsTheScreen()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    const card = page.locator('.pupil-card').first();
    const child = ((await card.locator('.pupil-card__name').textContent()) ?? '').trim();
    await card.getByLabel('名单上的学号').fill('m0001');
    await card.getByRole('button', { name: '匹配' }).click();
    await expect.poll(() => page.locator('.pupil-card .notice--success').first().textContent(), { timeout: 5000 }).toContain(`${child} 已与名单上的 手动匹配（学号 M0001）匹配。`);
    expect(await fitsTheScreen()).toBe(true);
    await page.screenshot({ path: '.scratch/child-check-unmatched-360.png', fullPage: false });
    expect(journey.problems).toEqual([]);
  });
});
