// Opens the database the config names — SQLite through better-sqlite3 or PostgreSQL through pg — as one Kysely type.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, type DatabaseConnection, type Driver, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, type SqliteDialectConfig, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config.ts';
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

export interface ConnectOptions {
  sqliteSynchronous?: 'NORMAL' | 'FULL';
  poolSize?: number;
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
 * SQLite transactions start with BEGIN IMMEDIATE: the write lock is taken up front, so two processes on one
 * file queue on the busy timeout instead of one failing with SQLITE_BUSY when it upgrades a read lock.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

/**
 * Kysely 0.28's SQLite driver prepares every statement anew; better-sqlite3 statements can be reused, and
 * preparing is most of a small query's cost. The app's queries are a few hundred distinct texts, so a bounded
 * map from SQL text to statement (oldest out first) makes the hot path markedly faster.
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

export function openSqlite(path: string, options: ConnectOptions = {}): DatabaseHandle {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let database: SQLite.Database;
  try {
    database = new SQLite(path);
  } catch (error) {
    throw new DatabaseUnavailableError(`cannot open SQLite file ${path}: ${(error as Error).message}`);
  }
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma(`synchronous = ${options.sqliteSynchronous ?? 'NORMAL'}`);
  database.pragma('busy_timeout = 5000');
  // 32 MB of page cache (the default is 2 MB): a district's hot indexes stay in memory instead of being read
  // back from the OS on every lookup. Pages are cached only as they are used.
  database.pragma('cache_size = -32768');
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(database) }) });
  return {
    db,
    dialect: 'sqlite',
    description: `SQLite ${path}`,
    close: () => db.destroy(),
  };
}

export async function openPostgres(url: string, options: ConnectOptions = {}): Promise<DatabaseHandle> {
  const parsed = new URL(url);
  const description = `PostgreSQL ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 5000,
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
