// What every opened database is, whichever engine: the handle, the options and the errors opening it can give.
import type { Kysely, KyselyConfig } from 'kysely';
import type { DatabaseTarget } from '../config.ts';
import type { ReadAside } from './read-aside.ts';
import type { Database } from './schema.ts';

export type Dialect = DatabaseTarget['dialect'];

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** Where large read-only aggregates run: beside the server's thread when the handle was opened with readers aside. */
  readonly readAside: ReadAside;
  /** A short description safe to print: the file path or host/database, never a password. */
  readonly description: string;
  close(): Promise<void>;
}

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

/** What pg-pool rejects with when no connection came free (or opened) within `connectionTimeoutMillis`. */
const POOL_TIMEOUT = 'timeout exceeded when trying to connect';

/**
 * The database could not take this request now, though nothing is wrong with it or with the request:
 * PostgreSQL's pool had no connection free within its wait, or the server had no room for another
 * (53300, too_many_connections); SQLite's write lock stayed with another process past the busy timeout.
 * Nothing was written; the request is answered "busy, try again in a moment" like load shedding's.
 */
export function isDatabaseBusy(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code === '53300')) return true;
  return error.message === POOL_TIMEOUT;
}

export interface ConnectOptions {
  sqliteSynchronous?: 'NORMAL' | 'FULL';
  /** SQLite: the Clubroll driver (default, src/db/sqlite/driver.ts) or Kysely's own SqliteDialect. */
  sqliteDriver?: 'clubroll' | 'stock';
  /** Kysely's `log` option: sees every query, on either database and either SQLite driver. */
  log?: KyselyConfig['log'];
  /** SQLite: how long a write waits for another process's write lock before failing as busy (default 5 s). */
  sqliteBusyTimeoutMs?: number;
  poolSize?: number;
  /**
   * PostgreSQL: how long a query waits for a free connection in the pool (or for a new one to open) before
   * failing as busy (default 5 s; the server waits less, see main.ts).
   */
  poolWaitMs?: number;
  /** SQLite file only: checkpoint the write-ahead log on a worker thread (the server does; scripts need not). */
  backgroundCheckpoints?: boolean;
  /** SQLite file only: read-only connections on this many worker threads for `readAside` (the server has two). */
  readersAside?: number;
  /**
   * SQLite: whether more transactions are about to begin, one a turn of the event loop (the server is accepting
   * connections, see src/http/turns.ts); a commit group then waits for them (see ClubrollSqliteDriver).
   */
  transactionsComing?: () => boolean;
}
