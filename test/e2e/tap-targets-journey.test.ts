// Every link and button on the main pages is a tap target of at least 44 × 44 px on a 360-px phone (a link inside
// a sentence excepted, as WCAG 2.5.8 allows; a checkbox counts by its label), and every such page is axe-clean,
// for a visitor, a parent, a teacher and a school admin, in real Chromium on the demo district.
import SQLite from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_LOGINS } from '../../src/auth/auth.service.ts';
import { CHROMIUM, type Journey, PHONE, logIn, logOut, seriousViolations, startJourney } from '../support/browser.ts';

/** Every visible link, button, summary, select and checkbox (by its label) smaller than 44 × 44 px, named. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const MIN = 43.5;
    const small: string[] = [];
    for (const element of Array.from(document.querySelectorAll<HTMLElement>('a[href], button, summary, select, input[type=checkbox], input[type=radio]'))) {
      if (element.closest('.skip-link')) continue; // off screen until focused
      let box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden') continue;
      if (element instanceof HTMLInputElement) {
        const label = element.closest('label') ?? (element.id ? document.querySelector(`label[for="${element.id}"]`) : null);
        if (label) box = label.getBoundingClientRect();
      }
      if (element.tagName === 'A' && getComputedStyle(element).display === 'inline') {
        const sentence = element.closest('p, li, td, dd');
        if (sentence && (sentence.textContent ?? '').trim().length > (element.textContent ?? '').trim().length + 8) continue;
      }
      if (box.width < MIN || box.height < MIN) small.push(`${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 24)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return small;
  });
}

describe.skipIf(!CHROMIUM)('tap targets on a phone', () => {
  let journey: Journey;
  let page: Page;
  let ids: { offering: number; child: number; meeting: number; school: number; term: number };

  beforeAll(async () => {
    journey = await startJourney(PHONE);
    page = journey.page;
    const db = new SQLite(journey.databasePath, { readonly: true });
    ids = db
      .prepare(
        `select o.id as offering, c.id as child, m.id as meeting, o.term_id as term, t.school_id as school
           from users u join guardianships g on g.user_id = u.id join children c on c.id = g.child_id
           join enrollments e on e.child_id = c.id and e.status = 'enrolled' join offerings o on o.id = e.offering_id
           join users t on t.id = o.teacher_id join meetings m on m.offering_id = o.id
          where u.email = ? and t.email = ? order by m.day limit 1`,
      )
      .get(DEMO_LOGINS[0].login, DEMO_LOGINS[1].login) as typeof ids;
    db.close();
  });

  afterAll(() => journey?.close());

  async function check(paths: string[]) {
    const found: Record<string, string[]> = {};
    for (const path of paths) {
      await page.goto(`${journey.server.url}${path}`);
      const small = await smallTargets(page);
      // Each page is also axe-clean (no serious or critical violation).
      const violations = await seriousViolations(page);
      if (small.length > 0 || violations.length > 0) found[path] = [...small, ...violations.map((violation) => JSON.stringify(violation))];
    }
    return found;
  }

  it("has none under 44 px on a visitor's pages", async () => {
    expect(await check(['/', '/s/xinghu-primary', `/offerings/${ids.offering}`, '/s/luhu-middle/lottery', '/login', '/register', '/privacy'])).toEqual({});
  });

  it("has none under 44 px on a parent's pages", async () => {
    await logIn(journey, DEMO_LOGINS[0].login);
    expect(await check(['/family', `/children/${ids.child}`, `/offerings/${ids.offering}`, '/notifications', '/account'])).toEqual({});
    await logOut(page);
  });

  it("has none under 44 px on a teacher's pages", async () => {
    await logIn(journey, DEMO_LOGINS[1].login);
    expect(await check(['/teach', `/teach/meetings/${ids.meeting}`, '/teach/offerings'])).toEqual({});
    await logOut(page);
  });

  it("has none under 44 px on a school admin's main pages", async () => {
    await logIn(journey, DEMO_LOGINS[2].login);
    expect(
      await check([
        '/admin',
        `/admin/schools/${ids.school}`,
        `/admin/terms/${ids.term}`,
        `/admin/terms/${ids.term}/attendance`,
        `/admin/offerings/${ids.offering}`,
        `/offerings/${ids.offering}/roster`,
        `/admin/schools/${ids.school}/pupils`,
        `/admin/schools/${ids.school}/teacher-hours`,
        '/admin/audit',
        '/admin/deletions',
        '/admin/staff',
      ]),
    ).toEqual({});
  });
});
