// A parent on a 360-px phone in Chinese adds a child at a school that checks its pupil list: choosing the school
// brings the pupil number field in, a wrong number is answered at the field, the right one binds the pupil.
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/auth/auth.service.ts';
import { CHROMIUM, type Journey, PHONE, seriousViolations, logIn, startJourney } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';

const SHOTS = join(process.cwd(), 'test-results');
const SCHOOL = '星湖实验小学';

describe.skipIf(!CHROMIUM)('binding a pupil on a phone', () => {
  let journey: Journey;
  let page: Page;
  let server: RunningServer;

  beforeAll(async () => {
    journey = await startJourney(PHONE);
    ({ page, server } = journey);
    // The school keeps its pupil list (switching a school's mode is the admin's, elsewhere): one pupil on it.
    const db = new SQLite(journey.databasePath);
    db.pragma('busy_timeout = 5000');
    const school = db.prepare('select id from schools where name_zh = ?').get(SCHOOL) as { id: number };
    const now = new Date().toISOString();
    db.prepare(`update schools set child_check = 'pupil_list' where id = ?`).run(school.id);
    db.prepare('insert into pupils (school_id, number, name, name_key, grade, class_name, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)').run(school.id, 'G20250417', '周 小满', '周小满', 2, null, now, now);
    db.close();
    await logIn(journey, DEMO_LOGINS[0].login);
  });

  afterAll(() => journey?.close());

  const overflows = () => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

  it('asks for the pupil number once the school is chosen, answers a wrong one at the field, and binds the right one', async () => {
    await page.goto(`${server.url}/family`);
    const form = page.locator('#child-form');
    expect(await form.locator('input[name="pupil_number"]').count()).toBe(0);
    await form.getByLabel('孩子姓名').fill('周小满');
    await form.getByLabel('学校').selectOption({ label: SCHOOL });
    await expect.poll(() => form.locator('input[name="pupil_number"]').count()).toBe(1);
    expect(await form.locator('#child-pupil-number-hint').textContent()).toContain('学号见学校通知/学生证');
    await form.getByLabel('年级').selectOption({ label: '2 年级' });
    await form.getByLabel('学号').fill('G20250418');
    await form.getByLabel(/已阅读并同意《儿童个人信息保护规则》/).check();
    await page.getByRole('button', { name: '添加孩子' }).click();
    await expect.poll(() => page.locator('#child-pupil-number-error').textContent()).toBe('请填写学号，并确认学号、姓名和年级与学校名单一致。');
    expect(await overflows()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('#child-form').screenshot({ path: join(SHOTS, 'pupil-binding-refused-phone.png') });

    await page.locator('#child-form').getByLabel('学号').fill('ｇ20250417');
    await page.getByRole('button', { name: '添加孩子' }).click();
    await page.waitForURL(/\/family\?added=\d+$/);
    const card = page.locator('.child-card', { hasText: '周小满' });
    expect(await card.textContent()).toContain('已核验：学号 G20250417');
    // The demo family's children at that school were added before it kept its list: they show how to fix it.
    expect(await page.locator('.pupil-check--unverified').count()).toBeGreaterThan(0);
    expect(await overflows()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    // What a parent sees at the top of each card: the new child verified, an older one not yet.
    await card.evaluate((element) => element.scrollIntoView());
    await page.screenshot({ path: join(SHOTS, 'pupil-binding-phone.png') });
    await page.locator('.pupil-check--unverified').first().evaluate((element) => element.closest('.child-card')!.scrollIntoView());
    await page.screenshot({ path: join(SHOTS, 'pupil-unverified-phone.png') });
    expect(journey.problems).toEqual([]);
  });
});
