// PostgreSQL: statements of a fixed text that run again and again (the hot path's prepared queries) go to the
// server as named statements, so each connection parses and plans them once instead of on every run.
import { CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema.ts';

const names = new Map<string, string>();

/** Marks a statement's text as one to prepare on each connection that runs it. */
export function prepareOnPostgres(text: string): void {
  if (!names.has(text)) names.set(text, `clubroll_${names.size + 1}`);
}

/** A statement of fixed text, prepared on each PostgreSQL connection that runs it. */
export function postgresStatement<Row>(text: string): (db: Kysely<Database>, values: readonly unknown[]) => Promise<QueryResult<Row>> {
  prepareOnPostgres(text);
  return (db, values) => db.executeQuery<Row>(CompiledQuery.raw(text, [...values]));
}

/** Called on each new pool connection: a known text with its values is sent as its named statement. */
export function nameKnownStatements(client: pg.PoolClient): void {
  const own = client as unknown as { query: (...args: unknown[]) => unknown };
  own.query = (...args: unknown[]) => {
    // The prototype's query at each call, so that anything wrapping it (a test counting statements) still sees it.
    const query = (Object.getPrototypeOf(client) as { query: (...rest: unknown[]) => unknown }).query;
    const [text, values, ...rest] = args;
    const name = typeof text === 'string' && Array.isArray(values) ? names.get(text) : undefined;
    return name ? query.call(client, { name, text, values }, ...rest) : query.apply(client, args);
  };
}
