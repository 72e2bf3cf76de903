// npm run restore -- <file>: checks a backup and puts it in place of the SQLite database (stop the server first).
import { ConfigError, loadConfig } from '../config.ts';
import { checkBackup, restoreSqlite } from './backup.ts';

try {
  const config = loadConfig();
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run restore -- <backup file>   (stop the server first)');
    process.exit(2);
  }
  if (config.database.dialect !== 'sqlite') {
    console.error('clubroll: DATABASE_URL is PostgreSQL; restore it with pg_restore (see README, "Backups").');
    process.exit(1);
  }
  const problems = checkBackup(file);
  if (problems.length > 0) {
    console.error(`clubroll: ${file} cannot be restored: ${problems.join('; ')}`);
    process.exit(1);
  }
  const { keptAs } = restoreSqlite(file, config.database.path, new Date());
  console.log(`Restored ${file} to ${config.database.path}${keptAs ? `; the previous database is kept as ${keptAs}` : ''}`);
} catch (error) {
  console.error(`clubroll: ${error instanceof ConfigError ? error.message : (error as Error).message}`);
  process.exit(1);
}
