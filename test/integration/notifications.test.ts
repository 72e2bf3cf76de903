// Notifications end to end: the outbox row written with the change, the worker sending it through a real SMTP
// server and a real webhook in the recipient's language, retries and giving up, no double sends across
// workers, the in-app list, and meeting notices to the guardians of enrolled children only.
import { type IncomingMessage, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { fixedClock } from '../../src/kernel/clock.ts';
import { connect } from '../../src/db/connect.ts';
import type { DatabaseHandle } from '../../src/db/handle.ts';
import type { Lang } from '../../src/db/schema.ts';
import { createEnrollmentService } from '../../src/enrollment/enrollment.service.ts';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, type Transports, createDeliveryWorker } from '../../src/notify/delivery.ts';
import { emailTransport } from '../../src/notify/email.ts';
import { createOutbox } from '../../src/notify/outbox.ts';
import { webhookTransport } from '../../src/notify/webhook.ts';
import { Browser, buildApp, createSchool, createUser, signIn } from '../support/app.ts';
import { createOffering, createTerm } from '../support/catalogue-fixtures.ts';
import { DIALECTS, type TestDatabase, createTestDatabase } from '../support/database.ts';
import { languages } from '../support/languages.ts';

const START = '2026-11-27T08:00:00.000Z';
const FROM = 'Clubroll <noreply@clubroll.test>';

// ——— a local SMTP server that keeps what it receives, and can refuse ———

interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  headers: Record<string, string>;
}

/** Decodes RFC 2047 encoded words (adjacent ones joined before UTF-8 decoding, as a split character needs). */
function decodeWords(value: string): string {
  return value.replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=\s*)+/g, (run) => {
    const bytes = [...run.matchAll(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g)].map(([, encoding, data = '']) =>
      encoding!.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : quotedPrintable(data.replace(/_/g, ' ')),
    );
    const trailing = /\s+$/.exec(run)?.[0] ?? '';
    return Buffer.concat(bytes).toString('utf8') + trailing;
  });
}

function quotedPrintable(text: string): Buffer {
  const bytes: number[] = [];
  const plain = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < plain.length; i++) {
    if (plain[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(plain.slice(i + 1, i + 3))) {
      bytes.push(parseInt(plain.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(plain[i]!, 'utf8'));
  }
  return Buffer.from(bytes);
}

function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const headerBlock = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of headerBlock.split('\r\n')) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  const body = raw.slice(split + 4);
  const encoding = (headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  const text = encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : encoding === 'quoted-printable' ? quotedPrintable(body).toString('utf8') : body;
  return { to, subject: decodeWords(headers.subject ?? ''), text: text.replace(/\r\n/g, '\n'), headers };
}

async function startSmtp() {
  const received: ReceivedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refusals > 0) {
          refusals -= 1;
          return callback(Object.assign(new Error('mailbox busy, try again later'), { responseCode: 451 }));
        }
        received.push(parseMail(Buffer.concat(chunks).toString('utf8'), session.envelope.rcptTo.map((rcpt) => rcpt.address)));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Refuse the next n messages with a 451. */
    refuse(n: number) {
      refusals = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ——— a local webhook receiver ———

interface Hook {
  url: string;
  bodies: Record<string, unknown>[];
  contentTypes: string[];
  /** Status codes for the next requests, in order; 204 once they run out. */
  answers: number[];
  delayMs: number;
  close(): Promise<void>;
}

async function startWebhook(): Promise<Hook> {
  const hook = { bodies: [], contentTypes: [], answers: [], delayMs: 0 } as unknown as Hook;
  const server: Server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const status = hook.answers.shift() ?? 204;
      if (status < 300) {
        hook.bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
        hook.contentTypes.push(request.headers['content-type'] ?? '');
      }
      setTimeout(() => response.writeHead(status).end(), hook.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hook.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bot`;
  hook.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return hook;
}

for (const dialect of DIALECTS) {
  describe(`notifications on ${dialect}`, () => {
    let handle: TestDatabase;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let hook: Hook;
    let school: number;
    let term: number;
    let clock: ReturnType<typeof fixedClock>;
    let slot = 0;

    const mail = () => ({ url: smtp.url, from: FROM });

    async function parent(login: string, lang: Lang = 'zh-CN', name = '家长') {
      const id = await createUser(handle, { login, name });
      await handle.db.updateTable('users').set({ lang }).where('id', '=', id).execute();
      return id;
    }

    async function child(name: string, guardians: number[]) {
      const now = new Date().toISOString();
      const row = await handle.db.insertInto('children').values({ name, school_id: school, grade: 4, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      await handle.db.insertInto('guardianships').values(guardians.map((user_id) => ({ user_id, child_id: row.id, created_at: now }))).execute();
      return row.id;
    }

    /** An offering at its own weekly time, so children never clash. */
    async function offering(titleZh: string, titleEn: string | null) {
      slot += 1;
      const start = `${String(7 + (slot % 12)).padStart(2, '0')}:00`;
      const end = `${String(7 + (slot % 12)).padStart(2, '0')}:45`;
      return createOffering(handle, term, { code: `N${slot}`, title_zh: titleZh, title_en: titleEn }, [{ weekday: 1 + (Math.floor(slot / 12) % 7), startsAt: start, endsAt: end }]);
    }

    function enrolment(channels: ('email' | 'webhook')[]) {
      return createEnrollmentService({ db: handle.db, clock, outbox: createOutbox({ channels, now: () => clock.now() }) });
    }

    function worker(transports: Transports, db = handle.db, batchSize?: number) {
      return createDeliveryWorker({ db, clock, transports, languages, log: () => {}, ...(batchSize ? { batchSize } : {}) });
    }

    const deliveriesTo = (recipientId: number) =>
      handle.db
        .selectFrom('notification_deliveries as d')
        .innerJoin('notifications as n', 'n.id', 'd.notification_id')
        .select(['d.id', 'd.channel', 'd.attempts', 'd.next_attempt_at', 'd.claimed_until', 'd.sent_at', 'd.failed_at', 'd.last_error', 'n.kind', 'n.recipient_id'])
        .where('n.recipient_id', '=', recipientId)
        .orderBy('d.id')
        .execute();

    beforeAll(async () => {
      handle = await createTestDatabase(dialect);
      [smtp, hook] = await Promise.all([startSmtp(), startWebhook()]);
      school = await createSchool(handle, 'notify');
      term = await createTerm(handle, school, { course_limit: 10 });
    });
    afterAll(async () => {
      await Promise.all([smtp.close(), hook.close()]);
      await handle.drop();
    });
    beforeEach(async () => {
      clock = fixedClock(START);
      smtp.received.length = 0;
      smtp.refuse(0);
      hook.bodies.length = 0;
      hook.answers.length = 0;
      hook.delayMs = 0;
    });
    afterEach(async () => {
      // Whatever a test left undelivered is closed, so the next test's worker sees only its own messages.
      await handle.db.updateTable('notification_deliveries').set({ failed_at: START }).where('sent_at', 'is', null).where('failed_at', 'is', null).execute();
    });

    describe('e-mail', () => {
      it('an enrolment through the app writes seat_confirmed to each guardian with an e-mail delivery, and the worker mails each in their own language', async () => {
        const zhParent = await parent('mama@example.com', 'zh-CN', '妈妈');
        const enParent = await parent('dad@example.com', 'en', 'Dad');
        const kid = await child('李小龙', [zhParent, enParent]);
        const course = await offering('机器人入门', 'Robotics basics');

        const { app } = buildApp(handle, { clock, mail: mail() });
        const browser = new Browser(app);
        await signIn(handle, browser, zhParent);
        expect((await browser.post(`/offerings/${course}/enrollments`, { child: String(kid) })).status).toBe(303);

        const notes = await handle.db.selectFrom('notifications').select(['id', 'recipient_id', 'kind', 'read_at']).where('recipient_id', 'in', [zhParent, enParent]).orderBy('recipient_id').execute();
        expect(notes.map((note) => [note.recipient_id, note.kind, note.read_at])).toEqual([
          [zhParent, 'seat_confirmed', null],
          [enParent, 'seat_confirmed', null],
        ]);
        for (const recipient of [zhParent, enParent]) {
          expect(await deliveriesTo(recipient)).toMatchObject([{ channel: 'email', attempts: 0, sent_at: null, failed_at: null, next_attempt_at: START }]);
        }

        expect(await worker({ email: emailTransport(mail(), languages) }).runOnce()).toEqual({ sent: 2, retried: 0, failed: 0 });
        expect(smtp.received).toHaveLength(2);
        const toMama = smtp.received.find((message) => message.to.includes('mama@example.com'))!;
        const toDad = smtp.received.find((message) => message.to.includes('dad@example.com'))!;
        expect(toMama.subject).toBe('名额已确认：李小龙 ·「机器人入门」');
        expect(toMama.text).toContain('李小龙 已报名「机器人入门」，名额已确认。');
        expect(toMama.text).toContain('请勿直接回复');
        expect(toMama.headers['content-language']).toBe('zh-CN');
        expect(toDad.subject).toBe('Seat confirmed: 李小龙 · Robotics basics');
        expect(toDad.text).toContain('李小龙 is enrolled in “Robotics basics”');
        expect(toDad.headers['content-language']).toBe('en');
        expect(toDad.headers.from).toContain('noreply@clubroll.test');

        for (const recipient of [zhParent, enParent]) {
          expect(await deliveriesTo(recipient)).toMatchObject([{ attempts: 1, sent_at: START, claimed_until: null, last_error: null }]);
        }
        // Nothing is sent twice.
        expect(await worker({ email: emailTransport(mail(), languages) }).runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
        expect(smtp.received).toHaveLength(2);
      });

      it('a refused message is retried after a minute, and the enrolment stays whatever the mail server says', async () => {
        const guardian = await parent('retry@example.com');
        const kid = await child('赵小雨', [guardian]);
        const course = await offering('趣味魔方', 'Speed-cubing');
        expect(await enrolment(['email']).enroll(guardian, course, kid)).toMatchObject({ ok: true, status: 'enrolled' });

        smtp.refuse(1);
        const sender = worker({ email: emailTransport(mail(), languages) });
        expect(await sender.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
        const [retrying] = await deliveriesTo(guardian);
        expect(retrying).toMatchObject({ attempts: 1, sent_at: null, failed_at: null, claimed_until: null, next_attempt_at: '2026-11-27T08:01:00.000Z' });
        expect(retrying!.last_error).toMatch(/451/);
        expect(retrying!.last_error).not.toContain('retry@example.com');
        const seat = await handle.db.selectFrom('enrollments').select('status').where('child_id', '=', kid).executeTakeFirstOrThrow();
        expect(seat.status).toBe('enrolled');

        // Not due yet.
        clock.advance(59_000);
        expect(await sender.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
        clock.advance(1_000);
        expect(await sender.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
        expect(smtp.received.map((message) => message.subject)).toEqual(['名额已确认：赵小雨 ·「趣味魔方」']);
        expect(await deliveriesTo(guardian)).toMatchObject([{ attempts: 2, sent_at: '2026-11-27T08:01:00.000Z', last_error: null }]);
      });

      it('backs off 1 min, 5 min, 30 min, 2 h, 12 h, then gives up and keeps the last error', async () => {
        const guardian = await parent('never@example.com');
        const kid = await child('钱小多', [guardian]);
        await enrolment(['email']).enroll(guardian, await offering('无土栽培', 'Hydroponics'), kid);
        smtp.refuse(Number.MAX_SAFE_INTEGER);
        const sender = worker({ email: emailTransport(mail(), languages) });
        const waits: number[] = [];
        for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
          expect(await sender.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
          const [row] = await deliveriesTo(guardian);
          waits.push(Date.parse(row!.next_attempt_at) - clock.now().getTime());
          clock.set(row!.next_attempt_at);
        }
        expect(waits).toEqual([...RETRY_DELAYS_MS]);
        expect(waits).toEqual([60_000, 300_000, 1_800_000, 7_200_000, 43_200_000]);
        expect(await sender.runOnce()).toEqual({ sent: 0, retried: 0, failed: 1 });
        const [given] = await deliveriesTo(guardian);
        expect(given).toMatchObject({ attempts: 6, sent_at: null, failed_at: clock.now().toISOString(), claimed_until: null });
        expect(given!.last_error).toMatch(/451/);
        clock.advance(7 * 86_400_000);
        expect(await sender.runOnce()).toEqual({ sent: 0, retried: 0, failed: 0 });
        expect(smtp.received).toHaveLength(0);
      });

      it('closes an e-mail delivery to a guardian who has no e-mail address instead of retrying it', async () => {
        const guardian = await parent('13800000001');
        const kid = await child('孙小美', [guardian]);
        await enrolment(['email']).enroll(guardian, await offering('创客智造', 'Maker workshop'), kid);
        expect(await worker({ email: emailTransport(mail(), languages) }).runOnce()).toEqual({ sent: 0, retried: 0, failed: 1 });
        expect(await deliveriesTo(guardian)).toMatchObject([{ attempts: 1, sent_at: null, failed_at: START, last_error: 'no address' }]);
        expect(smtp.received).toHaveLength(0);
      });
    });

    describe('webhook', () => {
      it('posts the notification as JSON in the recipient language, retrying after a 500', async () => {
        const guardian = await parent('hook@example.com', 'en');
        const kid = await child('周小舟', [guardian]);
        const course = await offering('三维打印', '3D printing');
        await enrolment(['webhook']).enroll(guardian, course, kid);
        const note = await handle.db.selectFrom('notifications').select(['id', 'created_at']).where('recipient_id', '=', guardian).executeTakeFirstOrThrow();

        hook.answers.push(500);
        const sender = worker({ webhook: webhookTransport(hook.url) });
        expect(await sender.runOnce()).toEqual({ sent: 0, retried: 1, failed: 0 });
        expect(await deliveriesTo(guardian)).toMatchObject([{ channel: 'webhook', attempts: 1, sent_at: null, last_error: 'webhook answered HTTP 500' }]);

        clock.advance(60_000);
        expect(await sender.runOnce()).toEqual({ sent: 1, retried: 0, failed: 0 });
        expect(hook.contentTypes).toEqual(['application/json; charset=utf-8']);
        expect(hook.bodies).toEqual([
          {
            id: note.id,
            kind: 'seat_confirmed',
            recipientId: guardian,
            lang: 'en',
            subject: 'Seat confirmed: 周小舟 · 3D printing',
            text: '周小舟 is enrolled in “3D printing”; the seat is confirmed.',
            payload: { offeringId: course, childId: kid, childName: '周小舟', title: '三维打印', titleEn: '3D printing' },
            createdAt: note.created_at,
          },
        ]);
      });

      it('two workers on two connections running at once never send one message twice', async () => {
        const guardians = [await parent('crowd-a@example.com'), await parent('crowd-b@example.com', 'en')];
        const outbox = createOutbox({ channels: ['webhook'], now: () => clock.now() });
        const kids = await Promise.all(Array.from({ length: 20 }, (_, i) => child(`孩子${i}`, guardians)));
        await handle.db.transaction().execute(async (trx) => {
          for (const kid of kids) await outbox.toGuardians(trx, kid, 'lottery_none', { childId: kid, childName: '孩子', termId: term });
        });
        const expected = await handle.db
          .selectFrom('notifications')
          .select('id')
          .where('recipient_id', 'in', guardians)
          .orderBy('id')
          .execute();
        expect(expected).toHaveLength(40);

        hook.delayMs = 3;
        const second: DatabaseHandle = await connect(handle.target);
        try {
          const workers = [worker({ webhook: webhookTransport(hook.url) }, handle.db, 4), worker({ webhook: webhookTransport(hook.url) }, second.db, 4)];
          let sent = 0;
          for (let round = 0; round < 40 && sent < 40; round++) {
            const runs = await Promise.all([workers[0]!.runOnce(), workers[1]!.runOnce(), workers[0]!.runOnce(), workers[1]!.runOnce()]);
            sent += runs.reduce((sum, run) => sum + run.sent, 0);
          }
          expect(sent).toBe(40);
        } finally {
          await second.close();
        }
        const ids = hook.bodies.map((body) => body.id as number).sort((a, b) => a - b);
        expect(ids).toEqual(expected.map((row) => row.id));
      });

      it('a started worker delivers soon after a kick without waiting for its next tick, and stop() waits for the run in flight', async () => {
        const guardian = await parent('loop@example.com');
        const kid = await child('陈小乐', [guardian]);
        const looping = createDeliveryWorker({ db: handle.db, clock, transports: { webhook: webhookTransport(hook.url) }, languages, intervalMs: 3_600_000, log: () => {} });
        looping.start();
        await new Promise((resolve) => setTimeout(resolve, 50)); // the first run finds nothing; the next tick is an hour away
        await enrolment(['webhook']).enroll(guardian, await offering('人工智能', 'AI'), kid);
        looping.kick();
        for (let waited = 0; hook.bodies.length === 0 && waited < 5_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
        await looping.stop();
        expect(hook.bodies.map((body) => body.recipientId)).toEqual([guardian]);
        expect(await deliveriesTo(guardian)).toMatchObject([{ sent_at: START }]);
        looping.kick(); // after stop(): ignored
      });

      it('the app kicks the worker after a request that may have written to the outbox, not after a page view', async () => {
        let kicks = 0;
        const app = createApp({
          db: handle.db,
          clock,
          config: {
            env: 'test',
            publicOrigin: undefined,
            trustProxy: 1,
            bodyLimitBytes: 64 * 1024,
            sessionDays: 30,
            staffIdleMinutes: 480,
            sessionMaxDays: 90,
            timeZone: 'Asia/Shanghai',
            districtName: { zh: '测试学区', en: 'Test District' },
            mail: undefined,
            webhookUrl: hook.url,
            maxInFlight: 256,
            maxQueueMs: 1000,
            logRequests: false,
            catalogueCacheMs: 0,
          },
          logError: () => {},
          kickDelivery: () => (kicks += 1),
        });
        const browser = new Browser(app);
        const guardian = await parent('kick@example.com');
        await signIn(handle, browser, guardian);
        await browser.get('/notifications');
        expect(kicks).toBe(0);
        await browser.post('/notifications/read', {});
        expect(kicks).toBe(1);
      });
    });

    describe('the in-app list', () => {
      let zhParent: number;
      let enParent: number;
      let stranger: number;
      let course: number;
      let kid: number;

      beforeAll(async () => {
        zhParent = await parent('list-zh@example.com', 'zh-CN', '王妈妈');
        enParent = await parent('list-en@example.com', 'en', 'Mr Wang');
        stranger = await parent('stranger@example.com', 'zh-CN', '路人');
        kid = await child('王小明', [zhParent, enParent]);
        course = await offering('机器人入门', 'Robotics basics');
        clock = fixedClock(START);
        await enrolment([]).enroll(zhParent, course, kid);
      });

      it('sends anyone not signed in to the login page', async () => {
        const { app } = buildApp(handle, { clock });
        const response = await new Browser(app).get('/notifications');
        expect(response.status).toBe(303);
        expect(response.headers.get('location')).toBe('/login?next=%2Fnotifications');
        expect((await new Browser(app).post('/notifications/read', {})).status).toBe(303);
      });

      it('shows a guardian the message, unread and linked to the offering, with a count in the header, in the viewer language', async () => {
        const { app } = buildApp(handle, { clock });
        const browser = new Browser(app);
        await signIn(handle, browser, zhParent);
        const response = await browser.get('/notifications');
        expect(response.status).toBe(200);
        expect(response.headers.get('cache-control')).toBe('private, no-store');
        const page = await response.text();
        expect(page).toContain('名额已确认：王小明 ·「机器人入门」');
        expect(page).toContain('notification notification--unread');
        expect(page).toContain(`href="/offerings/${course}"`);
        expect(page).toMatch(/<span class="nav-unread__count" aria-hidden="true">1<\/span><span class="visually-hidden">1 条未读<\/span>/);

        // The same message in English when the viewer switches language, and the badge on every page.
        const english = await (await browser.get('/notifications?lang=en')).text();
        expect(english).toContain('Seat confirmed: 王小明 · Robotics basics');
        expect(await (await browser.get('/')).text()).toContain('1 unread');
      });

      it('shows nobody else the message', async () => {
        const { app } = buildApp(handle, { clock });
        const browser = new Browser(app);
        await signIn(handle, browser, stranger);
        const page = await (await browser.get('/notifications')).text();
        expect(page).not.toContain('王小明');
        expect(page).toContain('还没有通知。');
        expect(page).not.toContain('nav-unread__count');
      });

      it('marks all read without JavaScript (303) and clears the badge, touching only the reader’s own messages', async () => {
        const { app } = buildApp(handle, { clock });
        const browser = new Browser(app);
        await signIn(handle, browser, zhParent);
        const answer = await browser.post('/notifications/read', {});
        expect(answer.status).toBe(303);
        expect(answer.headers.get('location')).toBe('/notifications');
        const page = await (await browser.get('/notifications')).text();
        expect(page).toContain('名额已确认：王小明');
        expect(page).not.toContain('notification--unread');
        expect(page).not.toContain('nav-unread__count');
        const other = await handle.db.selectFrom('notifications').select('read_at').where('recipient_id', '=', enParent).executeTakeFirstOrThrow();
        expect(other.read_at).toBeNull();
      });

      it('marks all read in place for htmx, emptying the header badge out of band', async () => {
        const { app } = buildApp(handle, { clock });
        const browser = new Browser(app, { lang: 'en' });
        await signIn(handle, browser, enParent);
        const answer = await browser.post('/notifications/read', { before: 'not-a-number' }, { 'hx-request': 'true' });
        expect(answer.status).toBe(200);
        const fragment = await answer.text();
        expect(fragment).not.toContain('<html');
        expect(fragment).toContain('All notifications are read.');
        expect(fragment).toContain('<span id="nav-unread" class="nav-unread" hx-swap-oob="true"></span>');
        expect(fragment).not.toContain('notification--unread');
      });

      it('shows 50 at a time, newest first, with a link to older ones', async () => {
        const reader = await parent('many@example.com');
        await handle.db
          .insertInto('notifications')
          .values(Array.from({ length: 55 }, (_, i) => ({ recipient_id: reader, kind: 'lottery_none', payload: JSON.stringify({ childId: kid, childName: `第${i + 1}号`, termId: term }), created_at: START, read_at: null })))
          .execute();
        const { app } = buildApp(handle, { clock });
        const browser = new Browser(app);
        await signIn(handle, browser, reader);
        const first = await (await browser.get('/notifications')).text();
        expect(first.match(/<li class="notification/g)).toHaveLength(50);
        expect(first.indexOf('第55号')).toBeLessThan(first.indexOf('第54号'));
        expect(first).not.toContain('第5号 本次');
        const older = /href="(\/notifications\?before=\d+)"/.exec(first)![1]!;
        const second = await (await browser.get(older)).text();
        expect(second.match(/<li class="notification/g)).toHaveLength(5);
        expect(second).toContain('第1号 本次未获得名额');
        expect(second).toContain('href="/notifications"');
        expect(second).toContain(`href="/children/${kid}"`);
        // A cursor that cannot be read shows the newest page rather than an error.
        expect((await browser.get('/notifications?before=abc')).status).toBe(200);
      });
    });

    describe('meeting notices', () => {
      it('cancelling or moving a meeting tells the guardians of enrolled children only, with the reason, in the same write', async () => {
        const admin = await createUser(handle, { login: 'notify-admin@example.com', role: 'school_admin', schoolId: school });
        const [enrolledParent, waitlistedParent, withdrawnParent] = [await parent('seated@example.com'), await parent('waiting@example.com'), await parent('gone@example.com')];
        const course = await offering('机械结构', 'Mechanical structures');
        const now = new Date().toISOString();
        const children = [await child('吴小刚', [enrolledParent]), await child('郑小芳', [waitlistedParent]), await child('冯小云', [withdrawnParent])];
        await handle.db
          .insertInto('enrollments')
          .values([
            { offering_id: course, child_id: children[0]!, status: 'enrolled', waitlist_position: null, created_at: now, updated_at: now, choice_rank: null },
            { offering_id: course, child_id: children[1]!, status: 'waitlisted', waitlist_position: 1, created_at: now, updated_at: now, choice_rank: null },
            { offering_id: course, child_id: children[2]!, status: 'withdrawn', waitlist_position: null, created_at: now, updated_at: now, choice_rank: null },
          ])
          .execute();
        const meetings = await handle.db.selectFrom('meetings').selectAll().where('offering_id', '=', course).where('day', '>=', '2026-12-01').orderBy('day').limit(2).execute();
        const [toCancel, toMove] = meetings as [(typeof meetings)[0], (typeof meetings)[0]];

        const { app } = buildApp(handle, { clock, mail: mail() });
        const browser = new Browser(app);
        await signIn(handle, browser, admin);
        expect((await browser.post(`/admin/meetings/${toCancel.id}/cancel`, { reason: '教师外出培训' })).status).toBe(303);
        expect((await browser.post(`/admin/meetings/${toMove.id}/move`, { day: '2027-01-09', start: '09:00', end: '10:30', reason: '场地维修' })).status).toBe(303);
        expect((await browser.post(`/admin/meetings/${toCancel.id}/reinstate`, {})).status).toBe(303);

        const notes = await handle.db
          .selectFrom('notifications')
          .select(['recipient_id', 'kind', 'payload'])
          .where('recipient_id', 'in', [enrolledParent, waitlistedParent, withdrawnParent])
          .orderBy('id')
          .execute();
        expect(notes.map((note) => [note.recipient_id, note.kind])).toEqual([
          [enrolledParent, 'meeting_cancelled'],
          [enrolledParent, 'meeting_moved'],
        ]);
        const payloads = notes.map((note) => (typeof note.payload === 'string' ? JSON.parse(note.payload) : note.payload));
        expect(payloads[0]).toEqual({
          offeringId: course,
          meetingId: toCancel.id,
          childId: children[0],
          childName: '吴小刚',
          title: '机械结构',
          titleEn: 'Mechanical structures',
          day: toCancel.day,
          startsAt: toCancel.starts_at,
          reason: '教师外出培训',
        });
        expect(payloads[1]).toMatchObject({ meetingId: toMove.id, day: toMove.day, toDay: '2027-01-09', toStartsAt: '09:00', toEndsAt: '10:30', room: toMove.room, reason: '场地维修' });
        expect((await deliveriesTo(enrolledParent)).map((row) => row.channel)).toEqual(['email', 'email']);

        // The parent reads both in the list, with the dates and the reasons.
        const reader = new Browser(app);
        await signIn(handle, reader, enrolledParent);
        const page = await (await reader.get('/notifications')).text();
        expect(page).toContain('活动取消：「机械结构」');
        expect(page).toContain('原因：教师外出培训');
        expect(page).toContain('改到 2027年1月9日（周六）09:00–10:30');
      });
    });
  });
}
