// A parent on a phone: registers, logs out, logs in, switches to English — in real Chromium, checked by axe.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, type Journey, PHONE, logOut, seriousViolations, startJourney } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';

const SHOTS = join(process.cwd(), 'test-results');

describe.skipIf(!CHROMIUM)('account journey on a phone', () => {
  let journey: Journey;
  let page: Page;
  let server: RunningServer;

  beforeAll(async () => {
    journey = await startJourney(PHONE);
    ({ page, server } = journey);
  });

  afterAll(() => journey?.close());

  it('shows the district home page in Chinese with its schools', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('.school-card').count()).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: join(SHOTS, 'home-phone.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('registers a parent; a mistake is shown at the field without leaving the page', async () => {
    await page.getByRole('link', { name: '注册' }).first().click();
    await page.waitForURL('**/register');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('姓名').fill('陈小兰');
    await page.getByLabel('手机号或邮箱').fill('1380013800');
    await page.getByLabel('密码').fill('sunflower-garden-8');
    await page.getByRole('button', { name: '注册' }).click();
    await expect.poll(() => page.locator('#register-login-error').textContent()).toContain('手机号格式不正确');
    expect(page.url()).toMatch(/\/register$/);
    await page.screenshot({ path: join(SHOTS, 'register-error-phone.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('手机号或邮箱').fill('13800138000');
    await page.getByLabel('密码').fill('sunflower-garden-8');
    await page.getByRole('button', { name: '注册' }).click();
    // No course to go back to: a welcome that leads to adding a child.
    await page.waitForURL('**/family?welcome=1');
    await expect.poll(() => page.locator('.site-nav__user').textContent()).toBe('陈小兰');
  });

  it('logs out and back in', async () => {
    await logOut(page);
    await expect.poll(() => page.getByRole('link', { name: '登录' }).first().isVisible()).toBe(true);
    await page.getByRole('link', { name: '登录' }).first().click();
    await page.waitForURL('**/login');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('手机号或邮箱').fill('138 0013 8000');
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.locator('#login-form .notice--error').textContent()).toContain('账号或密码不正确');
    await page.getByLabel('密码').fill('sunflower-garden-8');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(server.url + '/');
    await expect.poll(() => page.locator('.site-nav__user').textContent()).toBe('陈小兰');
  });

  it('switches to English with the visible switch and keeps it on the next page', async () => {
    // Signed in, the switch is a button: it posts, so the account keeps the choice for later messages.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    // The menu keeps the account and logging out; on a phone the header stays one row.
    await page.locator('.site-nav__menu summary').click();
    await expect.poll(() => page.getByRole('button', { name: 'Log out' }).isVisible()).toBe(true);
    await page.getByRole('link', { name: '陈小兰' }).click();
    await page.waitForURL('**/account');
    expect(await page.locator('h1').textContent()).toBe('My account');
    await page.screenshot({ path: join(SHOTS, 'account-en-phone.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await logOut(page);
    await expect.poll(() => page.getByRole('link', { name: 'Log in' }).first().isVisible()).toBe(true);
  });

  it('raised no console or CSP errors along the way', () => {
    expect(journey.problems).toEqual([]);
  });
});
