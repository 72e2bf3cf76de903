// Transactions that survive the failures a database asks us to retry.
import type { Kysely, Transaction } from 'kysely';
import { sameDialect } from './dialect.ts';
import type { Database } from './schema.ts';

/** PostgreSQL's "try again" answers: serialization_failure and deadlock_detected. */
export function isRetryableConflict(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === '40001' || code === '40P01';
}

const ATTEMPTS = 5;

/**
 * Runs `work` in one transaction; when PostgreSQL aborts it as a serialization failure or a deadlock victim,
 * runs it again from the start (with a short random pause) up to five times. `work` must only touch the
 * database through `trx`, so a retry repeats it exactly. SQLite never needs this: BEGIN IMMEDIATE queues
 * writers on the busy timeout instead.
 */
export async function inTransaction<T>(db: Kysely<Database>, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute((trx) => {
        sameDialect(db, trx);
        return work(trx);
      });
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}
