// The delivery worker: claims due outbox deliveries (e-mail, webhook), sends them outside any transaction, and
// marks each sent or schedules a retry with back-off. Several processes may run it on one database at once.
import type { Kysely } from 'kysely';
import type { Clock } from '../kernel/clock.ts';
import type { Database, DeliveryChannel, Lang } from '../db/schema.ts';
import type { Languages } from '../kernel/messages.ts';
import { claimDueDeliveries, deliveriesToSend, settleDelivery } from './notify.repository.ts';
import { renderStored, storedPayload } from './render.ts';

/** How long to wait after the 1st, 2nd, … failed attempt; after the last one the delivery is given up. */
export const RETRY_DELAYS_MS: readonly number[] = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000];
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** A claimed delivery is this worker's until then; if the process dies mid-send, another takes it over afterwards. */
export const CLAIM_MS = 5 * 60_000;

/** The wait before the next attempt after `attempts` failed ones, or null when that was the last attempt. */
export function retryDelay(attempts: number): number | null {
  return attempts >= MAX_ATTEMPTS ? null : (RETRY_DELAYS_MS[Math.max(0, attempts - 1)] ?? null);
}

/** One message on its way out through one channel, already in the recipient's language. */
export interface OutgoingNotification {
  deliveryId: number;
  notificationId: number;
  channel: DeliveryChannel;
  kind: string;
  payload: unknown;
  createdAt: string;
  recipient: { id: number; email: string | null; lang: Lang };
  subject: string;
  text: string;
}

/** `undeliverable`: sending can never work (no address); the delivery is closed, not retried. A throw means "try again later". */
export type SendResult = { outcome: 'sent' } | { outcome: 'undeliverable'; reason: string };

export interface Transport {
  send(message: OutgoingNotification): Promise<SendResult>;
  close?(): void;
}

export type Transports = Partial<Record<DeliveryChannel, Transport>>;

export interface DeliveryRun {
  sent: number;
  retried: number;
  failed: number;
}

export interface DeliveryWorker {
  /** Claims one batch of due deliveries and sends it. */
  runOnce(): Promise<DeliveryRun>;
  /** Runs every `intervalMs` (the timer does not keep the process alive) and soon after each kick(). */
  start(): void;
  /** Something was written to the outbox: run soon instead of at the next tick. */
  kick(): void;
  /** Stops the loop and waits for a run in flight to finish. */
  stop(): Promise<void>;
}

export interface DeliveryWorkerDeps {
  db: Kysely<Database>;
  clock: Clock;
  transports: Transports;
  /** Each language's texts and formatters (in the district's time zone), for the recipient's language. */
  languages: Languages;
  batchSize?: number;
  intervalMs?: number;
  /** How long a claim lasts (default CLAIM_MS): longer than the slowest send, short enough to recover soon. */
  claimMs?: number;
  /** Where failures are reported: delivery ids, channels and error text only, never names or addresses. */
  log?: (line: string) => void;
}

/** An error's text for last_error and the log: short, and with e-mail addresses taken out. */
export function describeFailure(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.replace(/[^\s<>()"',;:@]+@[^\s<>()"',;:@]+/g, '<address>').slice(0, 300);
}

export function createDeliveryWorker(deps: DeliveryWorkerDeps): DeliveryWorker {
  const { db, clock, transports } = deps;
  const batchSize = deps.batchSize ?? 20;
  const intervalMs = deps.intervalMs ?? 5_000;
  const claimMs = deps.claimMs ?? CLAIM_MS;
  const log = deps.log ?? ((line: string) => console.warn(line));
  const channels = (Object.keys(transports) as DeliveryChannel[]).filter((channel) => transports[channel] !== undefined);

  async function runBatch(): Promise<DeliveryRun & { claimed: number }> {
    const run = { sent: 0, retried: 0, failed: 0, claimed: 0 };
    if (channels.length === 0) return run;
    const now = clock.now();
    const claimUntil = new Date(now.getTime() + claimMs).toISOString();
    const claimed = await claimDueDeliveries(db, { channels, now: now.toISOString(), claimUntil, limit: batchSize });
    run.claimed = claimed.length;
    if (claimed.length === 0) return run;
    const rows = await deliveriesToSend(db, claimed.map((row) => row.id));
    for (const row of rows) {
      const lang: Lang = row.lang === 'en' ? 'en' : 'zh-CN';
      const rendered = renderStored(row.kind, row.payload, deps.languages(lang));
      const message: OutgoingNotification = {
        deliveryId: row.deliveryId,
        notificationId: row.notificationId,
        channel: row.channel,
        kind: row.kind,
        payload: storedPayload(row.payload),
        createdAt: row.createdAt,
        recipient: { id: row.recipientId, email: row.email, lang },
        ...rendered,
      };
      let result: SendResult | { outcome: 'error'; error: string };
      try {
        result = await transports[row.channel]!.send(message);
      } catch (error) {
        result = { outcome: 'error', error: describeFailure(error) };
      }
      const at = clock.now();
      if (result.outcome === 'sent') {
        await settleDelivery(db, row.deliveryId, claimUntil, { sent_at: at.toISOString(), last_error: null });
        run.sent += 1;
      } else if (result.outcome === 'undeliverable') {
        await settleDelivery(db, row.deliveryId, claimUntil, { failed_at: at.toISOString(), last_error: result.reason });
        run.failed += 1;
      } else {
        const delay = retryDelay(Number(row.attempts));
        if (delay === null) {
          await settleDelivery(db, row.deliveryId, claimUntil, { failed_at: at.toISOString(), last_error: result.error });
          run.failed += 1;
          log(`notification delivery ${row.deliveryId} (${row.channel}) given up after ${row.attempts} attempts: ${result.error}`);
        } else {
          await settleDelivery(db, row.deliveryId, claimUntil, { next_attempt_at: new Date(at.getTime() + delay).toISOString(), last_error: result.error });
          run.retried += 1;
          log(`notification delivery ${row.deliveryId} (${row.channel}) attempt ${row.attempts} failed, retrying in ${Math.round(delay / 60_000)} min: ${result.error}`);
        }
      }
    }
    return run;
  }

  /** A kick waits this long, so a burst of writes is delivered in one run rather than one run each. */
  const KICK_DELAY_MS = 20;
  let started = false;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> | null = null;
  let again = false;

  let timerDue = 0;
  function schedule(ms: number) {
    if (!started) return;
    if (timer) clearTimeout(timer);
    timerDue = Date.now() + ms;
    timer = setTimeout(loop, ms);
    timer.unref();
  }

  function loop() {
    timer = null;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = (async () => {
      try {
        do {
          again = false;
          // A full batch means there may be more waiting: go on without sleeping.
          const run = await runBatch();
          if (run.claimed === batchSize) again = true;
        } while (again && started);
      } catch (error) {
        log(`notification delivery run failed: ${describeFailure(error)}`);
      }
    })().finally(() => {
      inFlight = null;
      schedule(again ? 0 : intervalMs);
    });
  }

  return {
    async runOnce() {
      const { sent, retried, failed } = await runBatch();
      return { sent, retried, failed };
    },
    start() {
      // With no channel configured there is nothing to send: no timer, no queries.
      if (started || channels.length === 0) return;
      started = true;
      schedule(0);
    },
    kick() {
      if (!started) return;
      if (inFlight) again = true;
      // Many writes in a burst share one run: a run already due soon is not pushed back.
      else if (!timer || timerDue - Date.now() > KICK_DELAY_MS) schedule(KICK_DELAY_MS);
    },
    async stop() {
      started = false;
      if (timer) clearTimeout(timer);
      timer = null;
      await inFlight;
      for (const transport of Object.values(transports)) transport?.close?.();
    },
  };
}
