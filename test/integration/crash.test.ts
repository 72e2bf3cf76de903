// SIGKILL in the middle of an enrolment rush, ten times, restarting each time: every enrolment that was
// answered 2xx is there afterwards, nothing is oversold, the file is intact, and the outbox still delivers
// each notification (a resend after a crash carries the same Message-ID, so it shows once).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireRush, prepareRush, type RushAnswer } from '../support/rush.ts';
import { type RunningServer, startServer } from '../support/server.ts';

describe('crashes during an enrolment rush', () => {
  let folder: string;
  let smtp: SMTPServer;
  let smtpPort: number;
  const received: string[] = [];

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'clubroll-crash-'));
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, done) {
        let text = '';
        stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
        stream.on('end', () => {
          received.push(/^Message-ID: (<[^>]+>)/im.exec(text)?.[1] ?? 'none');
          done();
        });
      },
    });
    smtp.on('error', () => {}); // a client killed mid-message resets its connection
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    smtpPort = (smtp.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps every acknowledged enrolment through ten SIGKILLs, and delivers every notice', async () => {
    const database = join(folder, 'crash.db');
    // Short claims, so deliveries a killed process had claimed are taken over within the test.
    const env = { DATABASE_URL: `sqlite:${database}`, SEED_DEMO: '1', SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, DELIVERY_CLAIM_SECONDS: '2' };
    let server: RunningServer = await startServer(env);
    const requests = prepareRush(database, 'xinghu-primary', 1500, 7);
    const answers: RushAnswer[] = [];
    let killedMidRush = 0;
    for (let round = 0; round < 10; round++) {
      // Kill once this round has had a dozen enrolments acknowledged (or after 5 s), a little later each round.
      let acknowledgedThisRound = 0;
      let enough!: () => void;
      const dozen = new Promise<void>((resolve) => (enough = resolve));
      const rush = fireRush(server.url, requests.slice(round * 150, (round + 1) * 150), 16, (answer) => {
        if (answer.status === 200 && ++acknowledgedThisRound === 12) enough();
      });
      await Promise.race([dozen, new Promise((resolve) => setTimeout(resolve, 5000))]);
      await new Promise((resolve) => setTimeout(resolve, round * 10));
      const exited = new Promise((resolve) => server.process.once('exit', resolve));
      server.process.kill('SIGKILL');
      await exited;
      const got = await rush;
      if (got.some((answer) => answer.status === 0)) killedMidRush += 1;
      answers.push(...got);
      server = await startServer(env);
    }
    // Let the restarted server deliver what the outbox holds, then stop it cleanly.
    const db = new SQLite(database, { readonly: true });
    const pending = () => (db.prepare('select count(*) as n from notification_deliveries where sent_at is null and failed_at is null').get() as { n: number }).n;
    await expect.poll(pending, { timeout: 30_000, interval: 250 }).toBe(0);
    expect(await server.stop()).toBe(0);

    const acknowledged = answers.filter((answer) => answer.status === 200);
    expect(killedMidRush, 'the kills landed while requests were in flight').toBeGreaterThanOrEqual(8);
    expect(acknowledged.length).toBeGreaterThan(100);
    expect(answers.filter((answer) => answer.status >= 500)).toEqual([]);

    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const present = new Set((db.prepare(`select offering_id || ':' || child_id as k from enrollments where status in ('enrolled', 'waitlisted')`).all() as { k: string }[]).map((row) => row.k));
    const lost = acknowledged.filter((answer) => !present.has(`${answer.offeringId}:${answer.childId}`));
    expect(lost, 'acknowledged enrolments lost').toEqual([]);
    const one = (text: string) => (db.prepare(text).get() as { n: number }).n;
    expect(one('select count(*) as n from offerings where seats_taken > capacity')).toBe(0);
    expect(one(`select count(*) as n from offerings o where seats_taken <> (select count(*) from enrollments e where e.offering_id = o.id and e.status = 'enrolled')`)).toBe(0);
    expect(one(`select count(*) as n from (select offering_id, count(*) as c, max(waitlist_position) as m from enrollments where status = 'waitlisted' group by offering_id) where c <> m`)).toBe(0);

    // Every e-mail delivery was sent, each under its own Message-ID; a crash between sending and recording
    // can only repeat a message with the same Message-ID.
    const sent = (db.prepare(`select id from notification_deliveries where channel = 'email' and sent_at is not null`).all() as { id: number }[]).map((row) => `<notification-${row.id}@clubroll>`);
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(received)).toEqual(new Set(sent));
    console.log(`crash: ${answers.length} requests tried, ${killedMidRush} of 10 SIGKILLs landed mid-rush, ${acknowledged.length} acknowledged, 0 lost; ${sent.length} e-mails each delivered once`);
    db.close();
  }, 240_000);
});
