// Opens a SQLite file in WAL mode through the Clubroll driver (or Kysely's own, SQLITE_DRIVER=stock), with
// checkpoints on a worker thread for the server.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';
import { type ConnectOptions, type DatabaseHandle, DatabaseUnavailableError } from '../handle.ts';
import type { Database } from '../schema.ts';
import { type Checkpointer, startCheckpointer } from './checkpointer.ts';
import { CachedConnection, ClubrollSqliteDialect, WriterQueue } from './driver.ts';
import { readInPlace } from '../read-aside.ts';
import { startReadersAside } from './readers-aside.ts';
import { StockSqliteDialect } from './stock.ts';

/** Log pages past which the checkpoint worker makes the log start over (see src/db/sqlite/checkpointer.ts). */
const RESTART_FRAMES = 4000;

/**
 * A commit that fills the log past SQLite's automatic checkpoint (1,000 pages) copies the log into the file and
 * waits for fsync on the server's thread — a pause every hundred-odd enrolments that every request in flight
 * shares. The worker takes that job; the writer's own automatic checkpoint stays as a safety net at 10,000 pages
 * and goes back to 1,000 if the worker fails.
 */
function checkpointOnWorker(path: string, writer: SQLite.Database): Checkpointer {
  writer.pragma('wal_autocheckpoint = 10000');
  // When the log starts over, cut the file back to what the worker lets it reach between restarts.
  writer.pragma(`journal_size_limit = ${RESTART_FRAMES * 4096}`);
  return startCheckpointer(path, RESTART_FRAMES, (error) => {
    console.error(`background checkpoints stopped (${error.message}); the server checkpoints the log itself again`);
    if (writer.open) writer.pragma('wal_autocheckpoint = 1000');
  });
}

export function openSqlite(path: string, options: ConnectOptions = {}): DatabaseHandle {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const open = () => {
    try {
      const database = new SQLite(path);
      database.pragma(`busy_timeout = ${options.sqliteBusyTimeoutMs ?? 5000}`);
      // 8 MB of page cache per connection (the default is 2 MB): a district's hot indexes stay in memory
      // instead of being read back from the OS on every lookup. Pages are cached only as they are used.
      database.pragma('cache_size = -8192');
      return database;
    } catch (error) {
      throw new DatabaseUnavailableError(`cannot open SQLite file ${path}: ${(error as Error).message}`);
    }
  };
  const writer = open();
  writer.pragma('journal_mode = WAL');
  writer.pragma('foreign_keys = ON');
  writer.pragma(`synchronous = ${options.sqliteSynchronous ?? 'NORMAL'}`);
  const stock = options.sqliteDriver === 'stock';
  const reader = path === ':memory:' || stock ? null : open();
  const checkpointer = options.backgroundCheckpoints && path !== ':memory:' ? checkpointOnWorker(path, writer) : null;
  const dialect = stock
    ? new StockSqliteDialect(writer)
    : new ClubrollSqliteDialect({
        writer: new CachedConnection(writer),
        reader: reader && new CachedConnection(reader),
        queue: new WriterQueue(),
        group: null,
        transactionsComing: options.transactionsComing ?? (() => false),
      });
  const db = new Kysely<Database>({ dialect, ...(options.log ? { log: options.log } : {}) });
  const readers = path !== ':memory:' && (options.readersAside ?? 0) > 0 ? startReadersAside(path, options.readersAside!) : null;
  return {
    db,
    dialect: 'sqlite',
    description: `SQLite ${path}`,
    readAside: readers ?? readInPlace(db),
    async close() {
      await readers?.stop();
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}
