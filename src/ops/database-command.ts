// What the npm scripts that work on the database share: read the config, open and migrate the database, run,
// close it; a bad setting, an unreachable database or a failed migration is one line on stderr and exit 1.
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { connect } from '../db/connect.ts';
import { type DatabaseHandle, DatabaseUnavailableError } from '../db/handle.ts';
import { MigrationError, migrateToLatest } from '../db/migrate.ts';

export async function runOnDatabase(
  work: (handle: DatabaseHandle, config: Config) => Promise<void>,
  options: { beforeOpen?: (config: Config) => void } = {},
): Promise<void> {
  try {
    const config = loadConfig();
    options.beforeOpen?.(config);
    const handle = await connect(config.database, { sqliteSynchronous: config.sqliteSynchronous });
    try {
      await migrateToLatest(handle.db);
      await work(handle, config);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DatabaseUnavailableError || error instanceof MigrationError) {
      console.error(`clubroll: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}
