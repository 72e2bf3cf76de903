// A parent on a phone: adds a child (ticking consent), enrols in a course with seats, joins the waitlist of a full one,
// withdraws from the first, and sees the week change — real Chromium on the demo district, checked by axe.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slotsOverlap } from '../../src/kernel/slots.ts';
import { CHROMIUM, type Journey, PHONE, seriousViolations, startJourney } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';

const SHOTS = join(process.cwd(), 'test-results');

interface OpenOffering {
  id: number;
  title: string;
  grades: { min: number; max: number };
  slots: { weekday: number; starts_at: string; ends_at: string }[];
  seats_left: number;
}

describe.skipIf(!CHROMIUM)('enrolment journey on a phone', () => {
  let journey: Journey;
  let page: Page;
  let server: RunningServer;
  let withSeats: OpenOffering;
  let full: OpenOffering;

  beforeAll(async () => {
    journey = await startJourney(PHONE);
    ({ page, server } = journey);
    // Two third-grade courses from the public open data: one with seats, one full, not at the same time.
    const catalogue = (await (await fetch(`${server.url}/s/xinghu-primary/catalogue.json`)).json()) as { offerings: OpenOffering[] };
    const forGrade3 = catalogue.offerings.filter((offering) => offering.grades.min <= 3 && offering.grades.max >= 3);
    const slots = (offering: OpenOffering) => offering.slots.map((slot) => ({ weekday: slot.weekday, startsAt: slot.starts_at, endsAt: slot.ends_at }));
    full = forGrade3.find((offering) => offering.seats_left === 0)!;
    withSeats = forGrade3.find((offering) => offering.seats_left > 3 && !slots(offering).some((mine) => slots(full).some((other) => slotsOverlap(mine, other))))!;
    expect(full).toBeDefined();
    expect(withSeats).toBeDefined();
  });

  afterAll(() => journey?.close());

  it('registers and adds a child on "My family"', async () => {
    await page.goto(`${server.url}/register`);
    await page.getByLabel('姓名').fill('周晓雯');
    await page.getByLabel('手机号或邮箱').fill('13912345678');
    await page.getByLabel('密码').fill('bamboo-lantern-42');
    await page.getByRole('button', { name: '注册' }).click();
    await page.waitForURL(server.url + '/');
    await page.getByRole('link', { name: '我的家庭' }).first().click();
    await page.waitForURL('**/family');
    await page.getByLabel('孩子姓名').fill('周小禾');
    await page.getByLabel('学校').selectOption({ label: '星湖实验小学' });
    await page.getByLabel('年级').selectOption('3');
    await page.getByLabel('班级（可选）').fill('3班');
    // The tick to the children's privacy text, beside the link to its full text.
    await page.locator('#child-form').getByLabel(/已阅读并同意《儿童个人信息保护规则》/).check();
    await page.getByRole('button', { name: '添加孩子' }).click();
    await page.waitForURL(/\/family\?added=\d+/);
    expect(await page.locator('.child-card').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('enrols the child in a course with seats, answered in place', async () => {
    await page.goto(`${server.url}/offerings/${withSeats.id}`);
    await page.getByRole('button', { name: '为 周小禾 报名' }).click();
    await expect.poll(() => page.locator('.enrol-row').first().textContent()).toContain('周小禾 已报名');
    expect(page.url()).toBe(`${server.url}/offerings/${withSeats.id}`);
    await page.screenshot({ path: join(SHOTS, 'enrolled-phone.png'), fullPage: false });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('joins the waitlist of a full course and is told the position', async () => {
    await page.goto(`${server.url}/offerings/${full.id}`);
    await page.getByRole('button', { name: '为 周小禾 报名' }).click();
    await expect.poll(() => page.locator('.enrol-row').first().textContent()).toMatch(/周小禾 在候补第 \d+ 位/);
  });

  it('shows both in the week, the waitlisted one marked', async () => {
    await page.goto(`${server.url}/family`);
    const week = page.locator('.week__days').first();
    await expect.poll(() => week.textContent()).toContain(withSeats.title);
    expect(await week.textContent()).toContain(full.title);
    expect(await week.locator('.week-item--waitlisted').first().textContent()).toMatch(/候补第 \d+ 位/);
    await page.screenshot({ path: join(SHOTS, 'week-phone.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('withdraws from the first course after confirming, and the week no longer has it', async () => {
    await page.locator('.child-card h3 a').first().click();
    await page.waitForURL(/\/children\/\d+$/);
    await page.locator('.enrollment', { hasText: withSeats.title }).getByRole('button', { name: '退课', exact: true }).click();
    // The confirm step asks first; confirming answers in place, and the child could enrol again.
    await expect.poll(() => page.locator('.enrol-row__confirm').textContent()).toContain(`确定为 周小禾 退掉“${withSeats.title}”吗`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '确定退课' }).click();
    await expect.poll(() => page.locator('.enrol-row').first().textContent()).toContain('周小禾 已退课');
    expect(await page.getByRole('button', { name: '为 周小禾 报名' }).isVisible()).toBe(true);
    await page.goto(`${server.url}/family`);
    const week = page.locator('.week__days').first();
    await expect.poll(() => week.textContent()).toContain(full.title);
    expect(await week.textContent()).not.toContain(withSeats.title);
    await page.screenshot({ path: join(SHOTS, 'week-after-withdraw-phone.png'), fullPage: true });
  });

  it('raised no script or CSP errors', () => {
    expect(journey.problems).toEqual([]);
  });
});
