// npm run restore -- <file>: checks a backup and puts it in place of the SQLite database, refusing while the server
// (or another script) has the database open. npm run restore -- --check <file>: only the checks, the live database
// untouched.
import { ConfigError, loadConfig } from '../config.ts';
import { DatabaseLockedError, lockDatabase } from '../db/sqlite/lock.ts';
import { checkBackup, restoreSqlite } from '../db/sqlite/backup.ts';

const USAGE = 'usage: npm run restore -- <backup file>   (stop the server first)\n       npm run restore -- --check <backup file>';

function fail(message: string, code = 1): never {
  console.error(message.startsWith('usage') ? message : `clubroll: ${message}`);
  process.exit(code);
}

const args = process.argv.slice(2);
const checkOnly = args[0] === '--check';
const files = checkOnly ? args.slice(1) : args;
if (files.length !== 1 || files[0]!.startsWith('--')) fail(USAGE, 2);
const file = files[0]!;

try {
  if (checkOnly) {
    const problems = await checkBackup(file);
    if (problems.length > 0) fail(`${file} cannot be restored: ${problems.join('; ')}`);
    console.log(`${file} can be restored: intact, a Clubroll database with known migrations only, seat counts and waitlists consistent`);
    process.exit(0);
  }
  const config = loadConfig();
  if (config.database.dialect !== 'sqlite') fail('DATABASE_URL is PostgreSQL; restore it with pg_restore (see docs/operations.md, "Backups").');
  const lock = lockDatabase(config.database.path, 'npm run restore', { exitOnSignal: true });
  try {
    const problems = await checkBackup(file);
    if (problems.length > 0) fail(`${file} cannot be restored: ${problems.join('; ')}`);
    const { keptAs } = await restoreSqlite(file, config.database.path, new Date());
    console.log(`Restored ${file} to ${config.database.path}${keptAs ? `; the previous database is kept as ${keptAs}` : ''}`);
  } finally {
    lock.release();
  }
} catch (error) {
  if (error instanceof DatabaseLockedError) fail(`not restored: ${error.message}`);
  fail(error instanceof ConfigError ? error.message : (error as Error).message);
}
