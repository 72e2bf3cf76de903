import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.ts';
import { openSqlite } from '../db/sqlite/open.ts';
import { backupStatus, listBackups, scheduleBackups } from './backup-schedule.ts';

const folder = mkdtempSync(join(tmpdir(), 'clubroll-schedule-'));
const template = join(folder, 'template.db');
beforeAll(async () => {
  const handle = openSqlite(template);
  await migrateToLatest(handle.db);
  await handle.close();
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function until(condition: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if (!condition()) return;
      clearInterval(poll);
      resolve();
    }, 20);
  });
}

describe('scheduled backups', () => {
  it('log a failed backup and try again, never throwing, and succeed once the database is there', async () => {
    const source = join(folder, 'late.db');
    const dir = join(folder, 'late-backups');
    const lines: string[] = [];
    const errors: string[] = [];
    const scheduler = scheduleBackups({ source, settings: { dir, everyMs: 100, keep: 3 }, now: () => new Date(), log: (line) => lines.push(line), logError: (line) => errors.push(line) });
    await until(() => errors.length >= 2);
    expect(errors[0]).toMatch(/^clubroll: backup to .*late-backups failed \(no database at .*late\.db\); trying again in 0 s$/);
    expect(lines).toEqual([]);
    copyFileSync(template, source);
    await until(() => lines.length >= 1);
    await scheduler.stop();
    expect(lines[0]).toMatch(/^Backed up .*late\.db to .*clubroll-[\dT-]+Z\.db \(\d+ pages, checked\); none removed$/);
    // Failed tries leave nothing behind; the good copy is a single file.
    expect(readdirSync(dir).every((name) => /^clubroll-[\dT-]+Z\.db$/.test(name))).toBe(true);
  });

  it('keep the newest BACKUP_KEEP, and report the newest one’s age', async () => {
    const dir = join(folder, 'kept');
    let clock = Date.parse('2026-12-04T02:00:00.000Z');
    const scheduler = scheduleBackups({ source: template, settings: { dir, everyMs: 50, keep: 2 }, now: () => new Date((clock += 60_000)), log: () => {}, logError: (line) => expect.fail(line) });
    await until(() => listBackups(dir).length === 2 && listBackups(dir)[0]!.takenAt.getTime() >= Date.parse('2026-12-04T02:04:00.000Z'));
    await scheduler.stop();
    const kept = listBackups(dir);
    expect(kept).toHaveLength(2);
    expect(kept[0]!.takenAt.getTime()).toBeGreaterThan(kept[1]!.takenAt.getTime());
    expect(backupStatus(dir, new Date(kept[0]!.takenAt.getTime() + 90_000))).toEqual({ newest: kept[0]!.takenAt.toISOString(), ageSeconds: 90 });
    expect(backupStatus(join(folder, 'none'), new Date())).toEqual({ newest: null, ageSeconds: null });
  });
});
