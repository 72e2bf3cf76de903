// A parent on a phone reports leave (请假) for a coming session on the child's page; the teacher's roll then shows
// the child excused with the parent's reason — real Chromium on the demo district, checked by axe.
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/auth/auth.service.ts';
import { CHROMIUM, type Journey, PHONE, seriousViolations, logIn, logOut, startJourney } from '../support/browser.ts';
import type { RunningServer } from '../support/server.ts';

const SHOTS = join(process.cwd(), 'test-results');
const REASON = '孩子发烧，去医院';

describe.skipIf(!CHROMIUM)('leave journey on a phone', () => {
  let journey: Journey;
  let page: Page;
  let server: RunningServer;
  let target: { meeting: number; child: number; name: string; login: string };

  beforeAll(async () => {
    journey = await startJourney(PHONE);
    ({ page, server } = journey);
    // A coming session of one of the demo teacher's clubs with an enrolled child, the demo parent's child first.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
    const db = new SQLite(journey.databasePath, { readonly: true });
    target = db
      .prepare(
        `select m.id as meeting, c.id as child, c.name as name, coalesce(u.email, u.phone) as login
           from meetings m join offerings o on o.id = m.offering_id join users t on t.id = o.teacher_id
           join enrollments e on e.offering_id = o.id and e.status = 'enrolled'
           join children c on c.id = e.child_id join guardianships g on g.child_id = c.id join users u on u.id = g.user_id
          where t.email = ? and m.status = 'scheduled' and o.status = 'published' and m.day > ?
          order by (u.email = ?) desc, m.day, m.starts_at, c.id limit 1`,
      )
      .get(DEMO_LOGINS[1].login, today, DEMO_LOGINS[0].login) as typeof target;
    db.close();
  });

  afterAll(() => journey?.close());

  it("reports leave for one session on the child's page", async () => {
    await logIn(journey, target.login);
    await page.goto(`${server.url}/children/${target.child}`);
    const card = page.locator('#leave');
    await card.getByLabel('哪一次课').selectOption(String(target.meeting));
    await card.getByLabel('请假原因').fill(REASON);
    await card.getByRole('button', { name: '提交请假' }).click();
    await expect.poll(() => page.locator('#leave .notice').textContent()).toContain('已请假 1 次课');
    expect(await page.locator('#leave .leave-list').textContent()).toContain(`原因：${REASON}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await page.locator('#leave').screenshot({ path: join(SHOTS, 'leave-phone.png') });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("shows the teacher's roll the child excused with the parent's reason", async () => {
    await logOut(page);
    await logIn(journey, DEMO_LOGINS[1].login);
    await page.goto(`${server.url}/teach/meetings/${target.meeting}`);
    const row = page.locator('.roll-row', { hasText: target.name });
    expect(await row.getAttribute('class')).toContain('roll-row--excused');
    expect(await row.textContent()).toContain(`家长已请假：${REASON}`);
    await page.screenshot({ path: join(SHOTS, 'leave-roll-phone.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('raised no script or CSP errors', () => {
    expect(journey.problems).toEqual([]);
  });
});
