// Opens the database the config names — SQLite through better-sqlite3 or PostgreSQL through pg — as one Kysely type.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { type CompiledQuery, type DatabaseConnection, type DialectAdapter, type Driver, Kysely, PostgresDialect, type QueryResult, SqliteAdapter, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config.ts';
import { type Checkpointer, startCheckpointer } from './checkpointer.ts';
import type { Database } from './schema.ts';

export type Dialect = DatabaseTarget['dialect'];

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
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
  /**
   * SQLite: whether more transactions are about to begin, one a turn of the event loop (the server is accepting
   * connections, see src/http/turns.ts); a commit group then waits for them (see ClubrollSqliteDriver).
   */
  transactionsComing?: () => boolean;
}

/** pg returns instants as Date and bigints as strings; the app speaks ISO strings and numbers on both dialects. */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    switch (oid) {
      case 1184: // timestamptz
      case 1114: // timestamp
        return (value: string) => (pg.types.getTypeParser(oid, 'text')(value) as Date).toISOString();
      case 20: // int8, e.g. count(*)
        return (value: string) => Number(value);
      case 1082: // date
        return (value: string) => value;
      default:
        return pg.types.getTypeParser(oid, format as 'text');
    }
  },
};

/**
 * better-sqlite3 statements can be reused, and preparing is most of a small query's cost. The app's queries are
 * a few hundred distinct texts, so a bounded map from SQL text to statement (oldest out first) per connection
 * makes every query markedly faster.
 */
function withStatementCache(database: SQLite.Database, size = 1000): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = (text: string) => {
    let statement = cache.get(text);
    if (statement) return statement;
    statement = database.prepare(text);
    if (cache.size >= size) cache.delete(cache.keys().next().value!);
    cache.set(text, statement);
    return statement;
  };
  return new Proxy(database, {
    get(target, property) {
      if (property === 'prepare') return prepare;
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** A FIFO lock: each release hands the writer to the next in line (Kysely's own wakes every waiter). */
class WriterQueue {
  #held = false;
  readonly #waiting: { wake: () => void; transaction: boolean }[] = [];

  /** Whether a transaction or a lone write has the writer now. */
  get held(): boolean {
    return this.#held;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /** Whether the next in line is a transaction (which may join the commit group in progress). */
  get transactionNext(): boolean {
    return this.#waiting[0]?.transaction === true;
  }

  acquire(transaction: boolean): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((wake) => this.#waiting.push({ wake, transaction }));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next.wake();
    else this.#held = false;
  }
}

type Rows = QueryResult<unknown>;

function run(statement: SQLite.Statement, parameters: readonly unknown[]): Rows {
  if (statement.reader) return { rows: statement.all(parameters) };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

/**
 * A read-only statement ready to run outside a transaction, or null for a write. It runs on the writer when no
 * transaction holds it (the writer's page cache stays valid; the reader's is dropped whenever another connection
 * commits), else on the reader, which never waits.
 */
function readOnly(sqlite: SqliteConnections, sql: string): SQLite.Statement | null {
  const { writer, reader, queue } = sqlite;
  const statement = writer.prepare(sql);
  if (!statement.readonly) return null;
  if (!queue.held) return statement;
  return reader ? reader.prepare(sql) : null; // in memory there is no reader: wait for the writer
}

/**
 * One request's use of the database. Inside a transaction every statement runs on the writer, which the
 * transaction holds from BEGIN IMMEDIATE to COMMIT. Outside one, a statement that only reads runs at once
 * (see readOnly; WAL, so it sees every committed write and waits for no transaction); any other statement
 * queues for the writer and commits on its own.
 */
class RoutedConnection implements DatabaseConnection {
  holdsWriter = false;

  constructor(private readonly sqlite: SqliteConnections) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { writer, reader, queue } = this.sqlite;
    if (this.holdsWriter) return run(writer.prepare(query.sql), query.parameters) as QueryResult<R>;
    const read = readOnly(this.sqlite, query.sql);
    if (read) return run(read, query.parameters) as QueryResult<R>;
    await queue.acquire(false);
    try {
      return run(writer.prepare(query.sql), query.parameters) as QueryResult<R>;
    } finally {
      queue.release();
    }
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    yield await this.executeQuery<R>(query);
  }
}

interface SqliteConnections {
  writer: SQLite.Database;
  /** Null for an in-memory database, which a second connection would not see. */
  reader: SQLite.Database | null;
  queue: WriterQueue;
  /** The writer's open SQLite transaction and the transactions grouped in it, until its COMMIT. */
  group: CommitGroup | null;
  /** See ConnectOptions. */
  transactionsComing: () => boolean;
}

interface CommitGroup {
  readonly opened: number;
  /** Between members: the SQLite transaction is open and nobody uses it. */
  parked: boolean;
  /** Whether a member began in the group during this turn of the event loop. */
  fed: boolean;
  /** Whether the end of this turn will look at the group (see #turnEnded). */
  watched: boolean;
  /** Members whose work is done, each waiting for the COMMIT. */
  readonly done: { committed: () => void; failed: (error: unknown) => void }[];
}

/** A group commits once it has this many members or is this old (see ClubrollSqliteDriver). */
const GROUP_MAX_MEMBERS = 32;
const GROUP_MAX_MS = 10;

/**
 * Kysely's SQLite driver has one connection behind a lock, so every query — a catalogue read too — waits for
 * every transaction queued before it, and each release wakes all waiters. This driver keeps the writer for
 * transactions and lone writes (FIFO, transactions start with BEGIN IMMEDIATE so processes sharing the file
 * queue on the busy timeout instead of failing on upgrade), and answers lone reads at once (see readOnly).
 * See docs/decisions/0013-enrolment-hot-path.md.
 *
 * Transactions commit in groups (docs/decisions/0016-group-commit.md). Each runs inside a savepoint of the
 * writer's SQLite transaction. When one ends, the next transaction in line — or one that begins before this turn
 * of the event loop is over, or while connections are arriving in the next — carries on in the same SQLite
 * transaction, and one COMMIT writes the group's pages to the log once. A member's commit resolves only after
 * that COMMIT, so no caller hears of a write that is not in the log; a member that fails rolls back to its
 * savepoint alone; a COMMIT that fails fails every member.
 */
class ClubrollSqliteDriver implements Driver {
  constructor(private readonly sqlite: SqliteConnections) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutedConnection(this.sqlite);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const routed = connection as RoutedConnection;
    const { writer, queue } = this.sqlite;
    const parked = this.sqlite.group?.parked && queue.waiting === 0 ? this.sqlite.group : null;
    if (parked) parked.parked = false;
    else await queue.acquire(true);
    routed.holdsWriter = true;
    try {
      if (!this.sqlite.group) {
        writer.prepare('begin immediate').run();
        this.sqlite.group = { opened: performance.now(), parked: false, fed: false, watched: false, done: [] };
      }
      this.sqlite.group.fed = true;
      writer.prepare('savepoint member').run();
    } catch (error) {
      await this.#leave(routed).catch(() => {});
      throw error;
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    this.sqlite.writer.prepare('release member').run();
    await this.#leave(connection as RoutedConnection);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const routed = connection as RoutedConnection;
    if (!routed.holdsWriter) return;
    const { writer } = this.sqlite;
    try {
      if (writer.inTransaction) {
        writer.prepare('rollback to member').run();
        writer.prepare('release member').run();
      }
    } catch {
      // The savepoint is gone with more than this member's work: end the transaction, and with it the group.
      if (writer.inTransaction) writer.prepare('rollback').run();
    } finally {
      // This member's caller gets its own error; a COMMIT that fails reaches the other members.
      await this.#leave(routed).catch(() => {});
    }
  }

  /**
   * The member is done with the writer. A young, small group carries on with the next transaction in line, or
   * parks until this turn of the event loop ends for one to begin; otherwise it commits now.
   */
  #leave(routed: RoutedConnection): Promise<void> {
    routed.holdsWriter = false;
    const { writer, queue } = this.sqlite;
    const group = this.sqlite.group;
    if (!group || !writer.inTransaction || group.done.length + 1 >= GROUP_MAX_MEMBERS || performance.now() - group.opened >= GROUP_MAX_MS) {
      return this.#commit();
    }
    const committed = new Promise<void>((resolve, reject) => group.done.push({ committed: resolve, failed: reject }));
    if (queue.transactionNext) {
      queue.release();
    } else {
      group.parked = true;
      this.#watch(group);
    }
    return committed;
  }

  #watch(group: CommitGroup): void {
    if (group.watched) return;
    group.watched = true;
    setImmediate(() => this.#turnEnded(group));
  }

  /**
   * The end of a turn of the event loop (setImmediate): a parked group commits, or goes on with the transaction
   * next in line. But while more transactions are coming one a turn — a crowd of new connections, which libuv
   * accepts one a turn — a group that one began in during the turn waits a turn for the next (while it is
   * young and no lone write is queued), so that they share a COMMIT too.
   */
  #turnEnded(group: CommitGroup): void {
    group.watched = false;
    if (this.sqlite.group !== group || !group.parked) return; // committed, or a member has it and leaves in turn
    const { queue } = this.sqlite;
    if (group.fed && queue.waiting === 0 && performance.now() - group.opened < GROUP_MAX_MS && this.sqlite.transactionsComing()) {
      group.fed = false;
      this.#watch(group);
      return;
    }
    group.parked = false;
    if (queue.transactionNext) queue.release();
    else this.#commit().catch(() => {}); // the members hear of a failure
  }

  /** Commits the group (if any) and hands the writer on. */
  async #commit(): Promise<void> {
    const { writer, queue } = this.sqlite;
    const group = this.sqlite.group;
    this.sqlite.group = null;
    let failure: unknown;
    if (writer.inTransaction) {
      try {
        writer.prepare('commit').run();
      } catch (error) {
        failure = error;
        if (writer.inTransaction) writer.prepare('rollback').run();
      }
    } else if (group) {
      failure = new Error('SQLite rolled back the transaction after an error in another member of its commit group');
    }
    queue.release();
    for (const member of group?.done ?? []) {
      if (failure === undefined) member.committed();
      else member.failed(failure);
    }
    if (failure !== undefined) throw failure;
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    // A transaction always ends in commit or rollback first; this only guards against a leak.
    const routed = connection as RoutedConnection;
    if (routed.holdsWriter) await this.rollbackTransaction(routed);
  }

  async destroy(): Promise<void> {
    if (this.sqlite.group?.parked) await this.#commit().catch(() => {});
    this.sqlite.reader?.close();
    this.sqlite.writer.close();
  }
}

/** Kysely hands the adapter to every transaction it opens, so it is how a query finds this database's connections. */
class ClubrollSqliteAdapter extends SqliteAdapter {
  constructor(readonly sqlite: SqliteConnections) {
    super();
  }
}

class ClubrollSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: SqliteConnections) {
    super({ database: sqlite.writer });
  }

  override createDriver(): Driver {
    return new ClubrollSqliteDriver(this.sqlite);
  }

  override createAdapter(): DialectAdapter {
    return new ClubrollSqliteAdapter(this.sqlite);
  }
}

/**
 * Runs compiled SQL on this process's SQLite connections without Kysely's asynchronous round trip, when that is
 * what the driver would do anyway: inside a transaction (which holds the writer, so nothing else is using it)
 * on the writer, outside one a read-only statement (see readOnly). Null otherwise (PostgreSQL, a lone write),
 * and the caller goes through Kysely.
 */
export function runOnSqliteDirectly<R>(db: Kysely<any>, sql: string, parameters: readonly unknown[]): QueryResult<R> | null {
  const adapter = db.getExecutor().adapter;
  if (!(adapter instanceof ClubrollSqliteAdapter)) return null;
  if (db.isTransaction) return run(adapter.sqlite.writer.prepare(sql), parameters) as QueryResult<R>;
  const read = readOnly(adapter.sqlite, sql);
  return read ? (run(read, parameters) as QueryResult<R>) : null;
}

/** Log pages past which the checkpoint worker makes the log start over (see src/db/checkpointer.ts). */
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
  const reader = path === ':memory:' ? null : open();
  const checkpointer = options.backgroundCheckpoints && reader ? checkpointOnWorker(path, writer) : null;
  const sqlite = {
    writer: withStatementCache(writer),
    reader: reader && withStatementCache(reader),
    queue: new WriterQueue(),
    group: null,
    transactionsComing: options.transactionsComing ?? (() => false),
  };
  const db = new Kysely<Database>({ dialect: new ClubrollSqliteDialect(sqlite) });
  return {
    db,
    dialect: 'sqlite',
    description: `SQLite ${path}`,
    async close() {
      await checkpointer?.stop();
      await db.destroy();
    },
  };
}

export async function openPostgres(url: string, options: ConnectOptions = {}): Promise<DatabaseHandle> {
  const parsed = new URL(url);
  const description = `PostgreSQL ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.poolWaitMs ?? 5000,
    types: pgTypes,
  });
  // An idle client that loses its server must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => {});
    throw new DatabaseUnavailableError(`cannot reach ${description}: ${describeError(error)}`);
  }
  return { db, dialect: 'postgres', description, close: () => db.destroy() };
}

export async function connect(target: DatabaseTarget, options: ConnectOptions = {}): Promise<DatabaseHandle> {
  return target.dialect === 'sqlite' ? openSqlite(target.path, options) : openPostgres(target.url, options);
}

function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describeError(error.errors[0]);
  if (error instanceof Error) return error.message || (error as NodeJS.ErrnoException).code || error.name;
  return String(error);
}
