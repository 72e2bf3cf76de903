// `npm run seed`: a fresh SQLite file (the old one is removed) migrated and seeded with the demo district.
// On PostgreSQL it seeds only an empty database and never drops anything.
import { rmSync } from 'node:fs';
import { systemClock } from '../clock.ts';
import { runOnDatabase } from '../ops/database-command.ts';
import { isDatabaseEmpty, seedDemoDistrict } from './demo.ts';

await runOnDatabase(
  async (handle, config) => {
    if (!(await isDatabaseEmpty(handle.db))) {
      console.error(`clubroll: ${handle.description} already holds data; the demo seed only fills an empty database`);
      process.exitCode = 1;
      return;
    }
    const started = Date.now();
    const summary = await seedDemoDistrict(handle.db, { clock: systemClock, timeZone: config.timeZone });
    console.log(`Seeded ${handle.description} in ${Date.now() - started} ms:`, summary);
  },
  {
    beforeOpen: (config) => {
      if (config.database.dialect !== 'sqlite') return;
      for (const suffix of ['', '-wal', '-shm']) rmSync(config.database.path + suffix, { force: true });
    },
  },
);
