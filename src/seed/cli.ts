// `npm run seed`: a fresh SQLite file (the old one is removed) migrated and seeded with the demo district.
// On PostgreSQL it seeds only an empty database and never drops anything.
import { rmSync } from 'node:fs';
import { systemClock } from '../clock.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { DatabaseUnavailableError, connect } from '../db/connect.ts';
import { MigrationError, migrateToLatest } from '../db/migrate.ts';
import { isDatabaseEmpty, seedDemoDistrict } from './demo.ts';

try {
  const config = loadConfig();
  if (config.database.dialect === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) rmSync(config.database.path + suffix, { force: true });
  }
  const handle = await connect(config.database, { sqliteSynchronous: config.sqliteSynchronous });
  try {
    await migrateToLatest(handle.db);
    if (!(await isDatabaseEmpty(handle.db))) {
      console.error(`clubroll: ${handle.description} already holds data; the demo seed only fills an empty database`);
      process.exitCode = 1;
    } else {
      const started = Date.now();
      const summary = await seedDemoDistrict(handle.db, { clock: systemClock, timeZone: config.timeZone });
      console.log(`Seeded ${handle.description} in ${Date.now() - started} ms:`, summary);
    }
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
