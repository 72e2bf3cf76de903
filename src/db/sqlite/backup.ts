// Consistent online backups of the SQLite database (the SQLite backup API, safe while the server writes), the
// checks a backup must pass (integrity, the schema's migrations, the seat invariants), restoring a checked one,
// and the copy taken before migrations change a database's schema.
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { migrations } from '../../../migrations/index.ts';
import { createMigrator } from '../migrate.ts';

/**
 * Copies the live database into `out`; writers keep going meanwhile. better-sqlite3 copies a hundred pages per
 * turn of the event loop, so a server taking its own backup keeps answering requests.
 */
export async function backupSqlite(source: string, out: string): Promise<{ pages: number }> {
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  mkdirSync(dirname(out), { recursive: true });
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const progress = await db.backup(out);
    // The copy keeps the live file's WAL mode; as a rollback-journal file it stays one self-contained file
    // when it is read, checked, renamed or carried away (restoring it, the server turns WAL on again).
    const copy = new SQLite(out);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    return { pages: progress.totalPages };
  } finally {
    db.close();
  }
}

/**
 * The checks, run on a worker thread (CommonJS, evaluated) so that a server checking its scheduled backup keeps
 * serving while SQLite reads every page of it.
 */
const checkSource = `
const { parentPort, workerData } = require('node:worker_threads');
const { existsSync } = require('node:fs');
const Database = require(workerData.driver);
function check(file, known) {
  if (!existsSync(file)) return ['no file at ' + file];
  let db;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    return ['not a SQLite database: ' + error.message];
  }
  try {
    const problems = [];
    let integrity;
    try {
      integrity = db.pragma('integrity_check', { simple: true }) ?? 'no answer';
    } catch (error) {
      return ['not a SQLite database: ' + error.message];
    }
    if (integrity !== 'ok') problems.push('integrity check failed: ' + integrity);
    const hasMigrations = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
    if (!hasMigrations) return [...problems, 'not a Clubroll database (no migration table)'];
    const applied = db.prepare('select name from kysely_migration order by name').all().map((row) => row.name);
    const unknown = applied.filter((name) => !known.includes(name));
    if (unknown.length > 0) problems.push('made by a newer Clubroll (unknown migrations: ' + unknown.join(', ') + ')');
    const count = (query) => db.prepare(query).get().n;
    const oversold = count('select count(*) as n from offerings where seats_taken > capacity');
    if (oversold > 0) problems.push(oversold + ' offerings hold more children than seats');
    // An ended term keeps its seat counts when a child is erased or its records are purged, so only terms
    // still running must have one enrolled row per seat taken.
    const drift = count("select count(*) as n from offerings o join terms t on t.id = o.term_id where t.last_day >= date('now') and o.seats_taken <> (select count(*) from enrollments e where e.offering_id = o.id and e.status = 'enrolled')");
    if (drift > 0) problems.push(drift + ' offerings whose seat count differs from their enrolled children');
    const gaps = count("select count(*) as n from (select offering_id, count(*) as c, max(waitlist_position) as m from enrollments where status = 'waitlisted' group by offering_id) where c <> m");
    if (gaps > 0) problems.push(gaps + ' waitlists with gaps');
    return problems;
  } finally {
    db.close();
  }
}
try {
  parentPort.postMessage(check(workerData.file, workerData.known));
} catch (error) {
  parentPort.postMessage(['cannot be checked: ' + error.message]);
}
`;

/** What is wrong with a backup file, in plain words; an empty list means it can be restored. */
export function checkBackup(file: string): Promise<string[]> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(checkSource, { eval: true, workerData: { file, driver, known: Object.keys(migrations) } });
    let answer: string[] | undefined;
    worker.once('message', (problems: string[]) => (answer = problems));
    worker.once('error', reject);
    worker.once('exit', (code) => (answer ? resolve(answer) : reject(new Error(`the backup check stopped (exit code ${code})`))));
  });
}

/** A time as it can appear in a file name: 2026-12-04T14-00-00-000Z. */
export function fileTime(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

/**
 * Puts a checked backup in place of the database at `target` (the caller holds its lock: the server is stopped).
 * The database it replaces is kept beside it as `<target>.before-restore-<time>`.
 */
export async function restoreSqlite(file: string, target: string, now: Date): Promise<{ keptAs: string | null }> {
  const problems = await checkBackup(file);
  if (problems.length > 0) throw new Error(`the backup cannot be restored: ${problems.join('; ')}`);
  mkdirSync(dirname(target), { recursive: true });
  let keptAs: string | null = null;
  if (existsSync(target)) {
    // Fold the write-ahead log into the old file first, so what is kept is whole.
    const old = new SQLite(target);
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    keptAs = `${target}.before-restore-${fileTime(now)}`;
    renameSync(target, keptAs);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
  const staging = `${target}.restoring`;
  copyFileSync(file, staging);
  renameSync(staging, target);
  return { keptAs };
}

/**
 * Before migrations change the schema of a SQLite database that already has one, a backup of it beside the file
 * (`<file>.before-migrations-<time>`); returns its path, or null when nothing was due (a fresh file, or a schema
 * already up to date).
 */
export async function backupBeforeMigrating(db: Kysely<any>, path: string, now: Date): Promise<string | null> {
  const known = await createMigrator(db).getMigrations();
  const applied = known.filter((migration) => migration.executedAt !== undefined);
  if (applied.length === 0 || applied.length === known.length) return null;
  const out = `${path}.before-migrations-${fileTime(now)}`;
  await backupSqlite(path, out);
  return out;
}
