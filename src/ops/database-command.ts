// What the npm scripts that work on the database share: read the config, take the database's lock if the script
// changes it (refused while the server or another script holds it), open it, back it up if a migration is due,
// migrate, run, close it; a bad setting, a locked or unreachable database or a failed migration is one line on
// stderr and exit 1.
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { connect } from '../db/connect.ts';
import { type DatabaseHandle, DatabaseUnavailableError } from '../db/handle.ts';
import { MigrationError, migrateToLatest } from '../db/migrate.ts';
import { type DatabaseLock, DatabaseLockedError, lockDatabase } from '../db/sqlite/lock.ts';
import { backupBeforeMigrating } from '../db/sqlite/backup.ts';

export interface DatabaseCommandOptions {
  /**
   * The script's name for the lock (e.g. "npm run seed"), when it deletes or rewrites data: on SQLite it then runs
   * only while no server or other script has the database. `refusal` begins the line printed when it is held.
   */
  lock?: { holder: string; refusal: string } | undefined;
}

export async function runOnDatabase(work: (handle: DatabaseHandle, config: Config) => Promise<void>, options: DatabaseCommandOptions = {}): Promise<void> {
  let lock: DatabaseLock | undefined;
  try {
    const config = loadConfig();
    if (options.lock && config.database.dialect === 'sqlite') {
      try {
        lock = lockDatabase(config.database.path, options.lock.holder, { exitOnSignal: true });
      } catch (error) {
        if (error instanceof DatabaseLockedError) {
          console.error(`clubroll: ${options.lock.refusal}: ${error.message}`);
          process.exit(1);
        }
        throw error;
      }
    }
    const handle = await connect(config.database, { sqliteSynchronous: config.sqliteSynchronous, sqliteDriver: config.sqliteDriver });
    try {
      if (config.database.dialect === 'sqlite') {
        const kept = await backupBeforeMigrating(handle.db, config.database.path, new Date());
        if (kept) console.log(`Backed up ${config.database.path} to ${kept} before migrating it`);
      }
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
  } finally {
    lock?.release();
  }
}
