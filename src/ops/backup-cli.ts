// npm run backup [-- <file>]: a consistent copy of the SQLite database while the server keeps serving.
import { ConfigError, loadConfig } from '../config.ts';
import { backupSqlite, checkBackup } from '../db/sqlite/backup.ts';

try {
  const config = loadConfig();
  if (config.database.dialect !== 'sqlite') {
    console.error('clubroll: DATABASE_URL is PostgreSQL; back it up with pg_dump (see docs/operations.md, "Backups").');
    process.exit(1);
  }
  const out = process.argv[2] ?? `./backups/clubroll-${new Date().toISOString().replace(/[:.]/g, '-')}.db`;
  const started = Date.now();
  const { pages } = await backupSqlite(config.database.path, out);
  const problems = await checkBackup(out);
  if (problems.length > 0) {
    console.error(`clubroll: the backup at ${out} failed its checks: ${problems.join('; ')}`);
    process.exit(1);
  }
  console.log(`Backed up ${config.database.path} to ${out} (${pages} pages, checked) in ${Date.now() - started} ms`);
} catch (error) {
  console.error(`clubroll: ${error instanceof ConfigError ? error.message : (error as Error).message}`);
  process.exit(1);
}
