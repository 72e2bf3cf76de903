import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseLockedError, lockDatabase, lockFileOf } from './lock.ts';

const folder = mkdtempSync(join(tmpdir(), 'clubroll-lock-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The id of a process that has already ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('the lock file beside a SQLite database', () => {
  it('is taken by one holder at a time, names it to the next, and is gone once released', () => {
    const database = join(folder, 'one.db');
    const lock = lockDatabase(database, 'the Clubroll server');
    expect(JSON.parse(readFileSync(lockFileOf(database), 'utf8'))).toMatchObject({ pid: process.pid, holder: 'the Clubroll server' });
    lock.release();
    expect(existsSync(lockFileOf(database))).toBe(false);
  });

  it('refuses while a living process holds it, and changes nothing', () => {
    const database = join(folder, 'held.db');
    const held = JSON.stringify({ pid: process.ppid, holder: 'the Clubroll server', since: '2026-12-04T08:00:00.000Z' });
    writeFileSync(lockFileOf(database), held);
    expect(() => lockDatabase(database, 'npm run restore')).toThrow(DatabaseLockedError);
    expect(() => lockDatabase(database, 'npm run restore')).toThrow(
      `${database} is in use by the Clubroll server (process ${process.ppid}, since 2026-12-04T08:00:00.000Z); stop it first`,
    );
    expect(readFileSync(lockFileOf(database), 'utf8')).toBe(held);
  });

  it('takes over the lock of a process that no longer exists (killed, or a power cut), and a bare or torn one', () => {
    for (const [name, content] of [
      ['stale.db', JSON.stringify({ pid: deadPid(), holder: 'the Clubroll server', since: '2026-12-04T08:00:00.000Z' })],
      ['bare.db', String(deadPid())],
      ['torn.db', '{"pid":'],
    ] as const) {
      const database = join(folder, name);
      writeFileSync(lockFileOf(database), content);
      const lock = lockDatabase(database, 'npm run restore');
      expect(JSON.parse(readFileSync(lockFileOf(database), 'utf8')).pid, name).toBe(process.pid);
      lock.release();
    }
  });

  it('leaves a lock that another process took meanwhile alone when it releases its own', () => {
    const database = join(folder, 'taken.db');
    const lock = lockDatabase(database, 'npm run seed');
    writeFileSync(lockFileOf(database), JSON.stringify({ pid: process.ppid, holder: 'someone else', since: '?' }));
    lock.release();
    expect(existsSync(lockFileOf(database))).toBe(true);
  });
});
