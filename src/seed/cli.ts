// `npm run seed`: the demo district, into an empty database only (SQLite or PostgreSQL).
// `npm run seed -- --replace`: starts a demo-only database over: refused in production, refused when any account
// or child was not created by the demo seed, and it says what it deletes before it does. On SQLite neither runs
// while the server (or another script) has the database open.
import { systemClock } from '../kernel/clock.ts';
import { loadConfig } from '../config.ts';
import { runOnDatabase } from '../ops/database-command.ts';
import { isDatabaseEmpty, seedDemoDistrict } from './demo.ts';
import { countContents, deleteEveryRow, rowsNotFromDemo } from './demo.repository.ts';

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--replace');
if (unknown.length > 0) {
  console.error(`clubroll: unknown argument ${unknown.join(' ')} (usage: npm run seed [-- --replace])`);
  process.exit(2);
}
const replace = args.includes('--replace');

/** "3 accounts (ids 12, 13, 14)", never more than ten ids. */
function some(ids: number[], singular: string, plural: string): string {
  const shown = ids.slice(0, 10).join(', ');
  return `${ids.length} ${ids.length === 1 ? singular : plural} (id${ids.length === 1 ? '' : 's'} ${shown}${ids.length > 10 ? ', …' : ''})`;
}

/** NODE_ENV as the config reads it (a bad value is reported by runOnDatabase below). */
function environment(): string | undefined {
  try {
    return loadConfig().env;
  } catch {
    return undefined;
  }
}

// Checked before anything is opened: production is never started over, whatever it holds.
if (replace && environment() === 'production') {
  console.error('clubroll: not replaced: npm run seed -- --replace never runs with NODE_ENV=production; nothing was deleted');
  process.exit(1);
}

await runOnDatabase(
  async (handle, config) => {
    if (!(await isDatabaseEmpty(handle.db))) {
      if (!replace) {
        console.error(
          `clubroll: ${handle.description} already holds data; the demo seed only fills an empty database (to start a demo-only database over: npm run seed -- --replace)`,
        );
        process.exitCode = 1;
        return;
      }
      const foreign = await rowsNotFromDemo(handle.db);
      if (foreign.accountIds.length > 0 || foreign.childIds.length > 0) {
        const what = [
          foreign.accountIds.length > 0 ? some(foreign.accountIds, 'account', 'accounts') : '',
          foreign.childIds.length > 0 ? some(foreign.childIds, 'child', 'children') : '',
        ].filter(Boolean);
        console.error(`clubroll: not replaced: ${handle.description} holds ${what.join(' and ')} that the demo seed did not create; nothing was deleted`);
        process.exitCode = 1;
        return;
      }
      const held = await countContents(handle.db);
      console.log(
        `Deleting the demo district in ${handle.description}: ${held.schools} schools, ${held.accounts} accounts, ${held.children} children, ` +
          `${held.offerings} offerings, ${held.enrollments} enrollments, ${held.marks} attendance marks (all created by the demo seed)`,
      );
      await deleteEveryRow(handle.db, handle.dialect);
    }
    const started = Date.now();
    const summary = await seedDemoDistrict(handle.db, { clock: systemClock, timeZone: config.timeZone });
    console.log(`Seeded ${handle.description} in ${Date.now() - started} ms:`, summary);
  },
  { lock: { holder: replace ? 'npm run seed -- --replace' : 'npm run seed', refusal: replace ? 'not replaced' : 'not seeded' } },
);
