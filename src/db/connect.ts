// Opens the database the config names — SQLite through better-sqlite3 or PostgreSQL through pg — as one Kysely type.
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { DatabaseTarget } from '../config.ts';
import { type ConnectOptions, type DatabaseHandle, DatabaseUnavailableError } from './handle.ts';
import { readInPlace } from './read-aside.ts';
import type { Database } from './schema.ts';
import { nameKnownStatements } from './postgres-statements.ts';
import { openSqlite } from './sqlite/open.ts';

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
  pool.on('connect', nameKnownStatements);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...(options.log ? { log: options.log } : {}) });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => {});
    throw new DatabaseUnavailableError(`cannot reach ${description}: ${describeError(error)}`);
  }
  return { db, dialect: 'postgres', description, readAside: readInPlace(db), close: () => db.destroy() };
}

export async function connect(target: DatabaseTarget, options: ConnectOptions = {}): Promise<DatabaseHandle> {
  return target.dialect === 'sqlite' ? openSqlite(target.path, options) : openPostgres(target.url, options);
}

function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describeError(error.errors[0]);
  if (error instanceof Error) return error.message || (error as NodeJS.ErrnoException).code || error.name;
  return String(error);
}
