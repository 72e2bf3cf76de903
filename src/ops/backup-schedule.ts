// The server's own backups (BACKUP_DIR): a consistent online copy every BACKUP_EVERY_HOURS, checked before it takes
// its name, then the oldest beyond BACKUP_KEEP removed. A failure is logged and tried again later, never fatal.
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { backupSqlite, checkBackup, fileTime } from '../db/sqlite/backup.ts';

export interface BackupSettings {
  readonly dir: string;
  readonly everyMs: number;
  readonly keep: number;
}

export interface BackupFile {
  file: string;
  takenAt: Date;
}

const BACKUP_NAME = /^clubroll-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.db$/;
/** After a failed backup the next try comes this soon (or at the usual interval, if that is sooner). */
const RETRY_MS = 15 * 60_000;

/** The checked backups in `dir`, newest first (a file only takes this name once it has passed its checks). */
function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export function listBackups(dir: string): BackupFile[] {
  const names = safeList(dir);
  const backups: BackupFile[] = [];
  for (const name of names) {
    const match = BACKUP_NAME.exec(name);
    if (!match) continue;
    const [, day, hours, minutes, seconds, millis] = match;
    backups.push({ file: join(dir, name), takenAt: new Date(`${day}T${hours}:${minutes}:${seconds}.${millis}Z`) });
  }
  return backups.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

/** What /healthz and /metrics say about the newest good backup. */
export function backupStatus(dir: string, now: Date): { newest: string | null; ageSeconds: number | null } {
  const newest = listBackups(dir)[0];
  if (!newest) return { newest: null, ageSeconds: null };
  return { newest: newest.takenAt.toISOString(), ageSeconds: Math.max(0, Math.round((now.getTime() - newest.takenAt.getTime()) / 1000)) };
}

/**
 * Removes a half-made copy; a failure to do so (the folder unusable: gone, not a folder, no permission) is part
 * of the backup's failure, already being reported, and must not become an error of its own.
 */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true });
  } catch {
    // reported with the backup's failure
  }
}

export interface BackupScheduler {
  /** Stops the timer and waits for a backup in progress to finish. */
  stop(): Promise<void>;
}

export function scheduleBackups(options: {
  source: string;
  settings: BackupSettings;
  now: () => Date;
  log: (line: string) => void;
  logError: (line: string) => void;
}): BackupScheduler {
  const { source, settings, now } = options;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const after = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = takeOne().finally(() => (running = undefined));
    }, Math.max(0, ms));
    timer.unref();
  };

  async function takeOne(): Promise<void> {
    const started = now();
    const out = join(settings.dir, `clubroll-${fileTime(started)}.db`);
    const partial = `${out}.partial`;
    try {
      const { pages } = await backupSqlite(source, partial);
      const problems = await checkBackup(partial);
      if (problems.length > 0) throw new Error(`the copy failed its checks: ${problems.join('; ')}`);
      renameSync(partial, out);
      const removed = listBackups(settings.dir).slice(settings.keep);
      for (const old of removed) rmSync(old.file, { force: true });
      options.log(`Backed up ${source} to ${out} (${pages} pages, checked); ${removed.length > 0 ? `removed ${removed.length} older` : 'none removed'}`);
      after(settings.everyMs);
    } catch (error) {
      removeQuietly(partial);
      const retryMs = Math.min(settings.everyMs, RETRY_MS);
      options.logError(`clubroll: backup to ${settings.dir} failed (${(error as Error).message}); trying again in ${Math.round(retryMs / 1000)} s`);
      after(retryMs);
    }
  }

  // A copy cut short by a crash never took a backup's name; clear it away.
  for (const name of safeList(settings.dir)) if (name.includes('.db.partial')) removeQuietly(join(settings.dir, name));
  // The first backup is due an interval after the newest one already there (at once when there is none).
  const newest = listBackups(settings.dir)[0];
  after(newest ? newest.takenAt.getTime() + settings.everyMs - now().getTime() : 0);

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
