// A school admin on a PC adds a course: the form checks itself as it is filled in, then the course goes public.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, type Journey, PHONE, seriousViolations, logIn, startJourney } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';

describe.skipIf(!CHROMIUM)('school admin adds a course', () => {
  let journey: Journey;
  let page: Page;
  let server: RunningServer;

  beforeAll(async () => {
    journey = await startJourney({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    ({ page, server } = journey);
  });

  afterAll(() => journey?.close());

  it('logs in and reaches the current term of their school', async () => {
    await logIn(journey, 'admin@clubroll.demo');
    await page.getByRole('link', { name: '课程管理' }).click();
    await page.waitForURL(/\/admin\/schools\/\d+$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.link-list a').first().click();
    await page.waitForURL(/\/admin\/terms\/\d+$/);
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(40);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('sees a mistake at the field while filling in the form, before saving', async () => {
    await page.getByRole('link', { name: '添加社团或课程' }).click();
    await page.waitForURL(/\/offerings\/new$/);
    await page.getByLabel('编号').fill('E2E-01');
    await page.getByLabel('名称', { exact: true }).fill('端到端测试课');
    await page.getByLabel('最低年级').selectOption('5');
    await page.getByLabel('最高年级').selectOption('2');
    await expect.poll(() => page.locator('#offering-grade_max-error').textContent(), { timeout: 5000 }).toContain('最高年级不能低于最低年级');
    expect(page.url()).toMatch(/\/offerings\/new$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('最高年级').selectOption('6');
    await expect.poll(() => page.locator('#offering-grade_max-error').textContent()).toBe('');
  });

  it('keeps every character typed at human speed while each check answers 600 ms late', async () => {
    // Every live check of the form takes 600 ms to come back, as on a slow school network.
    const checks: string[] = [];
    await page.route('**/validate', async (route) => {
      checks.push(route.request().url());
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    });
    const title = page.getByLabel('名称', { exact: true });
    await title.click();
    await page.keyboard.press('End');
    await page.keyboard.type('（二）', { delay: 120 });
    // Tab sends the check for the Chinese title; the English one is typed while it is on its way.
    await page.keyboard.press('Tab');
    await page.keyboard.type('Little 3D Designers', { delay: 120 });
    await page.keyboard.press('Tab');
    await page.keyboard.type('Design, slice and print a keyring.', { delay: 80 });
    await page.keyboard.press('Tab');
    await page.waitForTimeout(1500);
    await page.unroute('**/validate');
    expect(checks.length).toBeGreaterThanOrEqual(3);
    expect(await title.inputValue()).toBe('端到端测试课（二）');
    expect(await page.getByLabel('英文名称（可选）').inputValue()).toBe('Little 3D Designers');
    expect(await page.getByLabel('介绍', { exact: true }).inputValue()).toBe('Design, slice and print a keyring.');
  });

  it('saves, publishes, and finds the course in the public catalogue', async () => {
    await page.getByLabel('星期 1').selectOption('2');
    await page.getByLabel('开始 1').fill('16:00');
    await page.getByLabel('结束 1').fill('17:00');
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/\/admin\/offerings\/\d+$/);
    const id = page.url().split('/').at(-1);
    await page.getByRole('button', { name: '发布' }).click();
    await page.waitForURL(/\/admin\/offerings\/\d+$/);
    expect(await page.locator('.tag--status-published').first().textContent()).toBe('已发布');
    await page.goto(`${server.url}/offerings/${id}`);
    expect(await page.locator('h1').textContent()).toBe('端到端测试课（二）');
  });

  it('raised no script or CSP errors', () => {
    expect(journey.problems).toEqual([]);
  });
});
