// Runs the timestamp-named migrations (listed in migrations/index.ts) with Kysely's migrator, on either dialect.
import { type Kysely, type MigrationProvider, type MigrationResult, Migrator } from 'kysely';
import { migrations } from '../../migrations/index.ts';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider });
}

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results } = await createMigrator(db).migrateToLatest();
  if (error) {
    const failed = results?.find((result: MigrationResult) => result.status === 'Error');
    const cause = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`);
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
