// Which database a Kysely instance speaks, for the few statements that differ (row locks).
import { type Kysely, sql } from 'kysely';

const known = new WeakMap<Kysely<any>, boolean>();

/**
 * Whether `db` (a Kysely instance or a transaction) speaks PostgreSQL: told by Kysely's public API alone, from how
 * its dialect writes a parameter (`$1` on PostgreSQL, `?` on SQLite), once per instance.
 */
export function isPostgres(db: Kysely<any>): boolean {
  let postgres = known.get(db);
  if (postgres === undefined) {
    postgres = sql`${0}`.compile(db).sql === '$1';
    known.set(db, postgres);
  }
  return postgres;
}

/** `trx` speaks what `db` speaks (a transaction of it): told without compiling anything when `db` is known. */
export function sameDialect(db: Kysely<any>, trx: Kysely<any>): void {
  const postgres = known.get(db);
  if (postgres !== undefined) known.set(trx, postgres);
}
