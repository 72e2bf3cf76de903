// A phone journey onto one of the demo teacher's rolls today, topped up to a full class (for the roll e2e tests).
import SQLite from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { DEMO_LOGINS, DEMO_PASSWORD } from '../../src/auth/auth.service.ts';
import type { Journey } from './browser.ts';

export async function logIn(page: Page, url: string, login: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel('手机号或邮箱').fill(login);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(url + '/');
}

/** Logs the demo teacher in, opens their first roll today with `size` children on it, none marked; returns its URL and id. */
export async function openFullRoll(journey: Journey, size: number): Promise<{ url: string; meetingId: number }> {
  const { page, server } = journey;
  await logIn(page, server.url, DEMO_LOGINS[1].login);
  await page.goto(`${server.url}/teach`);
  await page.locator('.today-day').first().locator('.today-item__link').first().click();
  await page.waitForURL(/\/teach\/meetings\/\d+$/);
  const url = page.url();
  const meetingId = Number(/(\d+)$/.exec(url)![1]);
  const db = new SQLite(journey.databasePath);
  try {
    const meeting = db
      .prepare('select m.offering_id, t.school_id from meetings m join offerings o on o.id = m.offering_id join terms t on t.id = o.term_id where m.id = ?')
      .get(meetingId) as { offering_id: number; school_id: number };
    const enrolled = (db.prepare(`select count(*) as n from enrollments where offering_id = ? and status = 'enrolled'`).get(meeting.offering_id) as { n: number }).n;
    const missing = Math.max(0, size - enrolled);
    const at = new Date().toISOString();
    const addChild = db.prepare('insert into children (name, school_id, grade, class_name, created_at, updated_at) values (?, ?, 3, ?, ?, ?)');
    const enrol = db.prepare(`insert into enrollments (offering_id, child_id, status, created_at, updated_at) values (?, ?, 'enrolled', ?, ?)`);
    db.transaction(() => {
      db.prepare('update offerings set capacity = max(capacity, seats_taken + ?), seats_taken = seats_taken + ? where id = ?').run(missing, missing, meeting.offering_id);
      for (let i = 0; i < missing; i++) {
        const child = addChild.run(`测试${String.fromCharCode(0x7532 + i)}同学`, meeting.school_id, `${(i % 4) + 1}班`, at, at).lastInsertRowid;
        enrol.run(meeting.offering_id, child, at, at);
      }
      db.prepare('delete from attendance_marks where meeting_id = ?').run(meetingId);
    })();
  } finally {
    db.close();
  }
  await page.goto(url);
  return { url, meetingId };
}

export function markIn(journey: Journey, meetingId: number, childName: string) {
  const db = new SQLite(journey.databasePath, { readonly: true });
  try {
    return db
      .prepare('select a.mark, a.note from attendance_marks a join children c on c.id = a.child_id where a.meeting_id = ? and c.name = ?')
      .get(meetingId, childName) as { mark: string; note: string | null } | undefined;
  } finally {
    db.close();
  }
}
