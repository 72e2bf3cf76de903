// A parent on a phone looks at their children's weeks, invites a second guardian and makes a calendar link — real Chromium, checked by axe.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../src/auth/auth.service.ts';
import { CHROMIUM, type Journey, PHONE, seriousViolations, startJourney } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';

const SHOTS = join(process.cwd(), 'test-results');

describe.skipIf(!CHROMIUM)('family journey on a phone', () => {
  let journey: Journey;
  let page: Page;
  let server: RunningServer;

  beforeAll(async () => {
    journey = await startJourney(PHONE);
    ({ page, server } = journey);
    await page.goto(`${server.url}/login`);
    await page.getByLabel('手机号或邮箱').fill(DEMO_LOGINS[0].login);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(server.url + '/');
  });

  afterAll(() => journey?.close());

  const overflows = () => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

  it('shows each child’s week as a list per day at 360 px, without sideways scrolling', async () => {
    await page.goto(`${server.url}/family`);
    expect(await page.locator('.child-card').count()).toBe(2);
    expect(await page.locator('.week__table').first().isVisible()).toBe(false);
    expect(await page.locator('.week__days').first().isVisible()).toBe(true);
    expect(await overflows()).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'family-phone.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(journey.problems).toEqual([]);
  });

  it('makes an invitation code and a calendar link on the child’s page, in place', async () => {
    await page.locator('.child-card h3 a').first().click();
    await page.waitForURL(/\/children\/\d+$/);
    expect(await overflows()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '生成邀请码' }).click();
    await expect.poll(() => page.locator('.invite-code').textContent()).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    await page.getByRole('button', { name: '生成订阅链接' }).click();
    await expect.poll(() => page.getByLabel('订阅链接（复制到日历应用的“添加订阅”中）').inputValue()).toMatch(/\/calendar\.ics\?token=[\w-]{43}$/);
    expect(await overflows()).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'child-phone.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    expect(journey.problems).toEqual([]);
  });

  it('shows the grid from 600 px up', async () => {
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto(`${server.url}/family`);
    // The demo parent's elder child is always in the demo teacher's club, so there is a week to show.
    expect(await page.locator('.week__table').first().isVisible()).toBe(true);
    expect(await page.locator('.week__days').first().isVisible()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
