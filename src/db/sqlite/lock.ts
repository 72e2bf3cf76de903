// Who has a SQLite database open for writing: a lock file beside it (`<file>.lock`, holding the owner's process id),
// taken by the server for as long as it runs and by the scripts that replace or rewrite the database, so neither
// pulls the file from under the other. See docs/decisions/0022-operations-that-keep-data.md.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export interface DatabaseLock {
  readonly file: string;
  /** Removes the lock file if it is still ours; safe to call twice. */
  release(): void;
}

export class DatabaseLockedError extends Error {
  override name = 'DatabaseLockedError';
}

interface LockOwner {
  pid: number;
  holder: string;
  since: string;
}

export function lockFileOf(databasePath: string): string {
  return `${databasePath}.lock`;
}

function readOwner(file: string): LockOwner | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number') return { pid: parsed.pid, holder: String(parsed.holder ?? 'a process'), since: String(parsed.since ?? '?') };
  } catch {
    // A bare process id, or a file cut short by a crash while it was written.
  }
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 ? { pid, holder: 'a process', since: '?' } : { pid: 0, holder: 'nobody (an unreadable lock)', since: '?' };
}

/** Whether a process with this id exists (EPERM: it exists but belongs to someone else). */
function processAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock of the database at `databasePath` for this process, or throws DatabaseLockedError naming the
 * process that holds it. A lock left by a process that no longer exists (killed, or the machine lost power) is
 * taken over. The lock is released when the process exits, however it exits short of SIGKILL: a script passes
 * `exitOnSignal` so that Ctrl-C or SIGTERM releases it too (the server has its own clean shutdown).
 */
export function lockDatabase(databasePath: string, holder: string, options: { exitOnSignal?: boolean } = {}): DatabaseLock {
  const file = lockFileOf(databasePath);
  const owner: LockOwner = { pid: process.pid, holder, since: new Date().toISOString() };
  // A first start on a fresh checkout: ./data does not exist yet.
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = readOwner(file);
      if (current && current.pid !== process.pid && processAlive(current.pid)) {
        throw new DatabaseLockedError(
          `${databasePath} is in use by ${current.holder} (process ${current.pid}, since ${current.since}); stop it first` +
            ` (if no such process is Clubroll's, delete ${file})`,
        );
      }
      // Stale (its process is gone) or vanished meanwhile: remove it, unless another taker already replaced it,
      // and try again; two takers then race on 'wx' and one loses.
      if (attempt >= 3) throw new DatabaseLockedError(`${databasePath}: could not take the lock ${file}; try again`);
      if (current && readOwner(file)?.pid === current.pid) {
        try {
          unlinkSync(file);
        } catch (unlinkError) {
          if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') throw unlinkError;
        }
      }
      continue;
    }
    try {
      writeSync(fd, JSON.stringify(owner));
    } finally {
      closeSync(fd);
    }
    break;
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    if (readOwner(file)?.pid !== process.pid) return;
    try {
      unlinkSync(file);
    } catch {
      // already gone
    }
  };
  process.on('exit', release);
  if (options.exitOnSignal) {
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) process.once(signal, () => process.exit(code));
  }
  return { file, release };
}
