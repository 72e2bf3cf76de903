// Consistent online backups of the SQLite database (the SQLite backup API, safe while the server writes)
// and restoring one after checking it: integrity, the schema's migrations, and the seat invariants.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { migrations } from '../../migrations/index.ts';

/** Copies the live database into `out` page by page; writers keep going meanwhile. */
export async function backupSqlite(source: string, out: string): Promise<{ pages: number }> {
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  mkdirSync(dirname(out), { recursive: true });
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const progress = await db.backup(out);
    return { pages: progress.totalPages };
  } finally {
    db.close();
  }
}

/** What is wrong with a backup file, in plain words; an empty list means it can be restored. */
export function checkBackup(file: string): string[] {
  if (!existsSync(file)) return [`no file at ${file}`];
  let db: SQLite.Database;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return [`not a SQLite database: ${(error as Error).message}`];
  }
  try {
    const problems: string[] = [];
    let integrity: string;
    try {
      integrity = (db.pragma('integrity_check', { simple: true }) as string) ?? 'no answer';
    } catch (error) {
      return [`not a SQLite database: ${(error as Error).message}`];
    }
    if (integrity !== 'ok') problems.push(`integrity check failed: ${integrity}`);
    const hasMigrations = db.prepare(`select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'`).get();
    if (!hasMigrations) return [...problems, 'not a Clubroll database (no migration table)'];
    const applied = (db.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((row) => row.name);
    const unknown = applied.filter((name) => !(name in migrations));
    if (unknown.length > 0) problems.push(`made by a newer Clubroll (unknown migrations: ${unknown.join(', ')})`);
    const oversold = db.prepare(`select count(*) as n from offerings where seats_taken > capacity`).get() as { n: number };
    if (oversold.n > 0) problems.push(`${oversold.n} offerings hold more children than seats`);
    const drift = db
      .prepare(
        `select count(*) as n from offerings o where o.seats_taken <> (select count(*) from enrollments e where e.offering_id = o.id and e.status = 'enrolled')`,
      )
      .get() as { n: number };
    if (drift.n > 0) problems.push(`${drift.n} offerings whose seat count differs from their enrolled children`);
    const gaps = db
      .prepare(
        `select count(*) as n from (select offering_id, count(*) as c, max(waitlist_position) as m from enrollments where status = 'waitlisted' group by offering_id) where c <> m`,
      )
      .get() as { n: number };
    if (gaps.n > 0) problems.push(`${gaps.n} waitlists with gaps`);
    return problems;
  } finally {
    db.close();
  }
}

/**
 * Puts a checked backup in place of the database at `target` (the server must be stopped). The database
 * it replaces is kept beside it as `<target>.before-restore-<time>`.
 */
export function restoreSqlite(file: string, target: string, now: Date): { keptAs: string | null } {
  const problems = checkBackup(file);
  if (problems.length > 0) throw new Error(`the backup cannot be restored: ${problems.join('; ')}`);
  mkdirSync(dirname(target), { recursive: true });
  let keptAs: string | null = null;
  if (existsSync(target)) {
    // Fold the write-ahead log into the old file first, so what is kept is whole.
    const old = new SQLite(target);
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    keptAs = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(target, keptAs);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
  const staging = `${target}.restoring`;
  copyFileSync(file, staging);
  renameSync(staging, target);
  return { keptAs };
}
