// A parent on a phone looks at their children's weeks, invites a second guardian, makes a calendar link, adds a
// child with consent to the privacy text and asks for a child's data to be deleted — real Chromium, checked by axe.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/auth/auth.service.ts';
import { CHROMIUM, type Journey, PHONE, seriousViolations, logIn, startJourney } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';

const SHOTS = join(process.cwd(), 'test-results');

describe.skipIf(!CHROMIUM)('family journey on a phone', () => {
  let journey: Journey;
  let page: Page;
  let server: RunningServer;

  beforeAll(async () => {
    journey = await startJourney(PHONE);
    ({ page, server } = journey);
    await logIn(journey, DEMO_LOGINS[0].login);
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

  it('adds a child only with the consent box ticked, the privacy text a tap away', async () => {
    await page.goto(`${server.url}/privacy`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('儿童个人信息保护规则');
    expect(await overflows()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${server.url}/family`);
    await page.getByLabel('孩子姓名').fill('周小满');
    await page.getByLabel('学校').selectOption({ label: '星湖实验小学' });
    await page.getByLabel('年级').selectOption({ label: '2 年级' });
    await page.getByRole('button', { name: '添加孩子' }).click();
    await expect.poll(() => page.locator('#child-form .field__error').first().textContent()).toContain('请先阅读并勾选同意');
    expect(await page.getByRole('link', { name: '阅读全文' }).first().getAttribute('href')).toBe('/privacy');
    expect(await overflows()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#child-form').getByLabel(/已阅读并同意《儿童个人信息保护规则》/).check();
    await page.getByRole('button', { name: '添加孩子' }).click();
    await page.waitForURL(/\/family\?added=\d+$/);
    expect(await page.locator('.child-card').count()).toBe(3);
    expect(journey.problems).toEqual([]);
  });

  it('asks for the new child’s data to be deleted, with a confirm step, and shows it pending', async () => {
    await page.locator('.child-card h3 a', { hasText: '周小满' }).click();
    await page.waitForURL(/\/children\/\d+$/);
    expect(await page.getByRole('link', { name: '下载 周小满 的全部数据（JSON）' }).getAttribute('href')).toMatch(/\/children\/\d+\/export\.json$/);
    await page.getByRole('button', { name: '申请删除 周小满 的数据' }).click();
    await page.getByLabel('原因（选填）').fill('不再参加课后服务');
    expect(await overflows()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '确认申请删除' }).click();
    await expect.poll(() => page.locator('#child-data').textContent()).toContain('删除申请已提交');
    await page.reload();
    expect(await page.locator('#child-data').textContent()).toContain('正等待学校管理员处理');
    await page.screenshot({ path: join(SHOTS, 'child-data-phone.png'), fullPage: true });
    expect(await overflows()).toBe(false);
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
