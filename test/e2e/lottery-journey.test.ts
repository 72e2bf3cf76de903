// A parent checks the demo lottery school's draw in the page itself: the cards show requests against seats during
// the window, the school draws (here, in the test's own database, as the admin's draw would), the parent reads the
// steps and their child's place in the draw order, and the page's button recomputes the draw with WebCrypto —
// "matches" for the published export, and where it does not for a wrong seed or a tampered export. Real Chromium,
// 360 px in Chinese and 1280 px in English, checked by axe.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/db/connect.ts';
import { fixedClock } from '../../src/kernel/clock.ts';
import { createLotteryService } from '../../src/lottery/lottery.service.ts';
import { CHROMIUM, type Journey, PHONE, launchChromium, logIn, seriousViolations, startJourney } from '../support/browser.ts';

const SHOTS = join(process.cwd(), 'test-results');
const PUBLIC_VALUE = '05 11 17 23 29 33 12';

/** Draws the demo lottery term in the server's database file, as the school's admin would after the named 双色球. */
async function drawDemoLottery(databasePath: string) {
  const handle = await connect({ dialect: 'sqlite', path: databasePath });
  try {
    const { db } = handle;
    const term = await db.selectFrom('terms').selectAll().where('mode', '=', 'lottery').executeTakeFirstOrThrow();
    const school = await db.selectFrom('schools').select(['id', 'slug']).where('id', '=', term.school_id).executeTakeFirstOrThrow();
    const admin = await db.selectFrom('users').select('id').where('role', '=', 'school_admin').where('school_id', '=', school.id).executeTakeFirst();
    const adminId = admin?.id ?? (await db.selectFrom('users').select('id').where('role', '=', 'district_admin').executeTakeFirstOrThrow()).id;
    const clock = fixedClock(new Date(Date.parse(term.enrol_closes_at) + 3_600_000).toISOString());
    const lottery = createLotteryService({ db, clock, timeZone: 'Asia/Shanghai' });
    await lottery.publicView(school.id); // the first read after the close freezes the list
    const draw = await db.selectFrom('lottery_draws').select('public_draw_at').where('term_id', '=', term.id).executeTakeFirstOrThrow();
    clock.set(new Date(Date.parse(draw.public_draw_at!) + 60_000).toISOString());
    const outcome = await lottery.draw({ id: adminId, role: admin ? 'school_admin' : 'district_admin', schoolId: admin ? school.id : null }, term.id, PUBLIC_VALUE);
    if (!outcome.ok) throw new Error(`the demo lottery did not draw: ${JSON.stringify(outcome)}`);
    // A guardian of an entered child, to sign in as.
    const guardian = await db
      .selectFrom('lottery_entries')
      .innerJoin('guardianships', 'guardianships.child_id', 'lottery_entries.child_id')
      .innerJoin('users', 'users.id', 'guardianships.user_id')
      .select(['users.email', 'users.phone'])
      .where('lottery_entries.term_id', '=', term.id)
      .orderBy('lottery_entries.entry_number')
      .executeTakeFirstOrThrow();
    return { slug: school.slug, login: (guardian.email ?? guardian.phone)! };
  } finally {
    await handle.close();
  }
}

async function runCheck(page: Page) {
  const result = page.locator('.lottery-check__result');
  await page.locator('.lottery-check__run').click();
  await expect.poll(() => result.locator('.lottery-check__summary').textContent(), { timeout: 15_000 }).not.toMatch(/^(正在重新计算|Recomputing)/);
  return result;
}

describe.skipIf(!CHROMIUM)('lottery check in the browser', () => {
  let journey: Journey;
  let page: Page;
  let slug: string;
  let login: string;
  let desktop: Browser | undefined;

  beforeAll(async () => {
    journey = await startJourney(PHONE);
    page = journey.page;
  });

  afterAll(async () => {
    await desktop?.close();
    await journey?.close();
  });

  it('shows requests against seats on the lottery school’s cards while its window is open', async () => {
    const handle = await connect({ dialect: 'sqlite', path: journey.databasePath });
    const school = await handle.db
      .selectFrom('schools')
      .innerJoin('terms', 'terms.school_id', 'schools.id')
      .select('schools.slug')
      .where('terms.mode', '=', 'lottery')
      .executeTakeFirstOrThrow();
    await handle.close();
    slug = school.slug;
    await page.goto(`${journey.server.url}/s/${slug}`);
    const badges = page.locator('.seats');
    expect(await badges.count()).toBeGreaterThan(0);
    expect(await badges.first().textContent()).toMatch(/^\d+ 人申请 \/ \d+ 个名额$/);
    expect(await page.locator('.seats__main').count()).toBe(0); // no "剩余 N 个名额" anywhere
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('tells a signed-in parent the steps, when results came and their child’s place, and says the draw matches', async () => {
    ({ login } = await drawDemoLottery(journey.databasePath));
    await logIn(journey, login);
    await page.goto(`${journey.server.url}/s/${slug}/lottery`);
    expect(await page.locator('.lottery-steps li').allTextContents()).toEqual([
      expect.stringContaining('随机排序'),
      expect.stringContaining('按顺序分配'),
      expect.stringContaining('如实填写志愿'),
    ]);
    expect(await page.locator('#your-entries + ul').textContent()).toMatch(/第 \d+ 号，抽签顺序第 \d+ 位（共 \d+ 个孩子）/);
    expect(await page.locator('.lottery-details').getAttribute('open')).toBeNull(); // the hashes stay folded
    await page.screenshot({ path: join(SHOTS, 'lottery-phone-first-screen.png') });
    expect(await seriousViolations(page)).toEqual([]);

    const result = await runCheck(page);
    expect(await result.locator('.lottery-check__summary').textContent()).toMatch(/^一致：\d+ 门课程的录取和候补名单，与重新计算的结果完全相同。$/);
    expect(await result.locator('.lottery-check__line--bad').count()).toBe(0);
    expect(await result.locator('.lottery-check__line--ok').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await page.screenshot({ path: join(SHOTS, 'lottery-check-phone.png'), fullPage: true });
    await page.locator('.lottery-check').screenshot({ path: join(SHOTS, 'lottery-check-box-phone.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('says the seed does not match when another seed is typed in', async () => {
    await page.locator('.lottery-details summary').click();
    const published = await page.locator('#check-seed').inputValue();
    await page.getByLabel('用来核对的种子').fill('ab'.repeat(32));
    const result = await runCheck(page);
    expect(await result.textContent()).toContain('这个种子与报名开始时公布的种子承诺对不上');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('用来核对的种子').fill(published);
  });

  it('names the course whose published result was tampered with', async () => {
    let tampered = '';
    await page.route('**/lottery/export.json', async (route) => {
      const response = await route.fetch();
      const exported = (await response.json()) as { results: Record<string, { seats: number[]; waitlist: number[] }> };
      const [code, result] = Object.entries(exported.results).find(([, one]) => one.seats.length >= 2)!;
      tampered = code;
      result.seats.reverse(); // same children, another order: not what the draw gave
      await route.fulfill({ response, json: exported });
    });
    const result = await runCheck(page);
    expect(await result.locator('.lottery-check__summary').textContent()).toContain('不一致：标 ✗ 的课程，公布的结果与重新计算的不同。');
    const bad = await result.locator('.lottery-check__line--bad').allTextContents();
    expect(bad).toHaveLength(1);
    expect(bad[0]).toContain(`（${tampered}）：不一致`);
    expect(bad[0]).toMatch(/公布的录取 [\d, ]+，候补 .+；重新计算应为录取 [\d, ]+/);
    await page.locator('.lottery-check').screenshot({ path: join(SHOTS, 'lottery-check-tampered-phone.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.unroute('**/lottery/export.json');
  });

  it('checks the same draw at 1280 px in English for a visitor', async () => {
    desktop = await launchChromium();
    const wide = await (await desktop.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en' })).newPage();
    const problems: string[] = [];
    wide.on('pageerror', (error) => problems.push(error.message));
    wide.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await wide.goto(`${journey.server.url}/s/${slug}/lottery`);
    expect(await wide.getByRole('heading', { name: 'How the draw works' }).count()).toBe(1);
    expect(await wide.locator('#your-entries').count()).toBe(0); // entry numbers are for their own parents only
    expect(await seriousViolations(wide)).toEqual([]);
    const result = await runCheck(wide);
    expect(await result.locator('.lottery-check__summary').textContent()).toMatch(/^Matches: the seats and waitlists of all \d+ courses/);
    await wide.screenshot({ path: join(SHOTS, 'lottery-check-desktop.png'), fullPage: true });
    expect(await seriousViolations(wide)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('raised no script or CSP errors', () => {
    expect(journey.problems).toEqual([]);
  });
});
