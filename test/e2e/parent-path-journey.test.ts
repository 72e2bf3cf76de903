// A new parent, from the home page to an enrolled child, counting every tap: a link or button, a tick, a choice
// from a list, and the first tap into each field (typing is not a tap). The goal is 12 at most — on a phone
// (360 px, zh-CN) and on a computer in English (1280 px).
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slotsOverlap } from '../../src/kernel/slots.ts';
import { CHROMIUM, type Journey, PHONE, seriousViolations, startJourney } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';

const SHOTS = join(process.cwd(), 'test-results');
const TAP_GOAL = 12;

interface OpenOffering {
  id: number;
  title: string;
  grades: { min: number; max: number };
  seats_left: number;
  fee_cents: number;
  slots: { weekday: number; starts_at: string; ends_at: string }[];
}

const slotsOf = (offering: OpenOffering) => offering.slots.map((slot) => ({ weekday: slot.weekday, startsAt: slot.starts_at, endsAt: slot.ends_at }));
const clash = (one: OpenOffering, other: OpenOffering) => slotsOf(one).some((mine) => slotsOf(other).some((theirs) => slotsOverlap(mine, theirs)));

/** Taps as a parent's thumb makes them: each counted once, a field only the first time it is tapped into. */
class Thumb {
  count = 0;
  private readonly fields = new Set<string>();
  constructor(private readonly page: Page) {}

  async tap(target: Locator) {
    this.count += 1;
    await target.click();
  }

  async tick(target: Locator) {
    this.count += 1;
    await target.check();
  }

  async type(label: string, text: string) {
    const field = this.page.getByLabel(label, { exact: true });
    if (!this.fields.has(label)) {
      this.fields.add(label);
      this.count += 1;
      await field.click();
    }
    await field.fill(text);
  }
}

/** The words of the path in one language: labels, buttons and links as the parent reads them. */
interface PathWords {
  register: string;
  name: string;
  login: string;
  password: string;
  submit: string;
  addChild: string;
  school: string;
  grade: string;
  childName: string;
  consent: RegExp;
  addChildSubmit: string;
  enrol: (child: string) => string;
  enrolled: (child: string) => string;
}

const ZH: PathWords = {
  register: '第一次来？注册家长账号',
  name: '姓名',
  login: '手机号或邮箱',
  password: '密码',
  submit: '注册',
  addChild: '添加孩子',
  school: '学校',
  grade: '年级',
  childName: '孩子姓名',
  consent: /已阅读并同意《儿童个人信息保护规则》/,
  addChildSubmit: '添加孩子',
  enrol: (child) => `为 ${child} 报名`,
  enrolled: (child) => `${child} 已报名`,
};

const EN: PathWords = {
  register: 'New here? Register as a parent',
  name: 'Name',
  login: 'Mobile number or e-mail',
  password: 'Password',
  submit: 'Register',
  addChild: 'Add a child',
  school: 'School',
  grade: 'Grade',
  childName: 'Child’s name',
  consent: /have read and agree to the children's personal information terms/,
  addChildSubmit: 'Add a child',
  enrol: (child) => `Enrol ${child}`,
  enrolled: (child) => `${child} is enrolled`,
};

/**
 * A new parent from the home page to a child enrolled in `course`: register from the course, add a child (school
 * and grade arrive chosen), come back, enrol. Answers the taps it took; screenshots and axe on the way.
 */
async function walkThePath(page: Page, origin: string, course: OpenOffering, words: PathWords, shot: 'phone' | 'desktop-en', login = '13912345670') {
  const thumb = new Thumb(page);
  page.setDefaultTimeout(10_000);
  await page.goto(`${origin}/`);
  await thumb.tap(page.locator('.school-card__name a[href="/s/xinghu-primary"]'));
  await page.waitForURL('**/s/xinghu-primary');
  await thumb.tap(page.locator(`a[href="/offerings/${course.id}"]`).first());
  await page.waitForURL(`**/offerings/${course.id}`);
  expect(await seriousViolations(page)).toEqual([]);

  // Not signed in: register straight from the course, and come back to it.
  await thumb.tap(page.getByRole('link', { name: words.register }));
  await page.waitForURL('**/register?next=*');
  await thumb.type(words.name, '周晓雯');
  await thumb.type(words.login, login);
  await thumb.type(words.password, 'bamboo-lantern-42');
  await thumb.tap(page.getByRole('button', { name: words.submit, exact: true }));
  await page.waitForURL(`**/offerings/${course.id}#enrol`);

  // No child yet: "add a child" arrives with the course's school and grade chosen, and goes back to the course.
  await thumb.tap(page.locator('#enrol').getByRole('link', { name: words.addChild }));
  await page.waitForURL('**/family?*');
  expect(await page.getByLabel(words.school, { exact: true }).inputValue()).not.toBe('');
  expect(await page.getByLabel(words.grade, { exact: true }).inputValue()).toBe('3');
  await page.screenshot({ path: join(SHOTS, `parent-path-add-child-${shot}.png`), fullPage: false });
  expect(await seriousViolations(page)).toEqual([]);
  await thumb.type(words.childName, '周小禾');
  await thumb.tick(page.locator('#child-form').getByLabel(words.consent));
  await thumb.tap(page.locator('#child-form').getByRole('button', { name: words.addChildSubmit }));
  await page.waitForURL(`**/offerings/${course.id}#enrol`);

  await thumb.tap(page.getByRole('button', { name: words.enrol('周小禾') }));
  await expect.poll(() => page.locator('.enrol-row').first().textContent()).toContain(words.enrolled('周小禾'));
  await page.screenshot({ path: join(SHOTS, `parent-path-enrolled-${shot}.png`), fullPage: false });
  expect(await seriousViolations(page)).toEqual([]);
  return thumb.count;
}

describe.skipIf(!CHROMIUM)("a new parent's path on a phone, tap by tap", () => {
  let journey: Journey;
  let page: Page;
  let server: RunningServer;
  let course: OpenOffering;
  let paid: OpenOffering;
  let full: OpenOffering;

  beforeAll(async () => {
    journey = await startJourney(PHONE);
    ({ page, server } = journey);
    // An open first-come school's free course for grade 3 with seats, from the public open data.
    const catalogue = (await (await fetch(`${server.url}/s/xinghu-primary/catalogue.json`)).json()) as { offerings: OpenOffering[] };
    course = catalogue.offerings.find((offering) => offering.grades.min === 3 && offering.seats_left > 3 && offering.fee_cents === 0)!;
    expect(course).toBeDefined();
    const forGrade3 = catalogue.offerings.filter((offering) => offering.grades.min <= 3 && offering.grades.max >= 3 && !clash(offering, course));
    paid = forGrade3.find((offering) => offering.fee_cents > 0 && offering.seats_left > 0)!;
    full = forGrade3.find((offering) => offering.seats_left === 0)!;
    expect(paid).toBeDefined();
    expect(full).toBeDefined();
  });

  afterAll(() => journey?.close());

  it(`enrols a child from the home page in at most ${TAP_GOAL} taps`, async () => {
    const count = await walkThePath(page, server.url, course, ZH, 'phone');
    console.log(`parent's path (360 px, zh-CN): ${count} taps from the home page to an enrolled child (goal ≤ ${TAP_GOAL})`);
    expect(count).toBeLessThanOrEqual(TAP_GOAL);
  }, 90_000);

  it('asks once about a paid course’s fee, stated on the button, and a parent may say not now', async () => {
    await page.goto(`${server.url}/offerings/${paid.id}`);
    const button = page.getByRole('button', { name: /为 周小禾 报名 · ¥\d+/ });
    await button.click();
    await expect.poll(() => page.locator('.enrol-row__confirm').textContent()).toMatch(new RegExp(`“${paid.title}”收费 ¥\\d+。确定为 周小禾 报名吗？`));
    await page.screenshot({ path: join(SHOTS, 'parent-path-fee-phone.png'), fullPage: false });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '先不报' }).click();
    await expect.poll(() => button.isVisible()).toBe(true);
  }, 60_000);

  it('says "join the waitlist (#N)" on a full course, and that waitlist places count towards the term limit', async () => {
    await page.goto(`${server.url}/offerings/${full.id}`);
    expect(await page.getByRole('button', { name: /为 周小禾 加入候补（第 \d+ 位）/ }).isVisible()).toBe(true);
    expect(await page.locator('.enrol-row__hint').textContent()).toContain('候补也占每个孩子本学期最多');
    await page.screenshot({ path: join(SHOTS, 'parent-path-waitlist-phone.png'), fullPage: false });
    expect(await seriousViolations(page)).toEqual([]);
  }, 60_000);

  it('raised no script or CSP errors', () => {
    expect(journey.problems).toEqual([]);
  });
});

describe.skipIf(!CHROMIUM)("a new parent's path on a computer in English, tap by tap", () => {
  let journey: Journey;

  beforeAll(async () => {
    journey = await startJourney({ viewport: { width: 1280, height: 900 }, locale: 'en' });
  });

  afterAll(() => journey?.close());

  it(`enrols a child from the home page in at most ${TAP_GOAL} clicks`, async () => {
    const catalogue = (await (await fetch(`${journey.server.url}/s/xinghu-primary/catalogue.json`)).json()) as { offerings: OpenOffering[] };
    const course = catalogue.offerings.find((offering) => offering.grades.min === 3 && offering.seats_left > 3 && offering.fee_cents === 0)!;
    const count = await walkThePath(journey.page, journey.server.url, course, EN, 'desktop-en', 'parent-en@example.com');
    console.log(`parent's path (1280 px, en): ${count} clicks from the home page to an enrolled child (goal ≤ ${TAP_GOAL})`);
    expect(count).toBeLessThanOrEqual(TAP_GOAL);
    expect(journey.problems).toEqual([]);
  }, 90_000);
});
