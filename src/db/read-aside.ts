// Read-only queries that may run beside the server's thread rather than on it: large aggregates (the district's
// figures) which, run on it, would hold up every other request of the process for as long as they take.
import type { Compilable, Kysely } from 'kysely';

export interface ReadAside {
  /** The rows of a read-only query. */
  all<R>(query: Compilable<R>): Promise<R[]>;
}

/** Reads through the database's own executor (PostgreSQL's pool already answers beside the server's thread). */
export function readInPlace(db: Kysely<any>): ReadAside {
  return { all: async <R>(query: Compilable<R>) => (await db.executeQuery(query.compile())).rows };
}
