// npm run backup takes a consistent copy while the server serves an enrolment rush; npm run restore checks
// it and puts it in place; a damaged or foreign file is refused.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBackup } from '../../src/db/sqlite/backup.ts';
import { fireRush, prepareRush } from '../support/rush.ts';
import { type RunningServer, runToEnd, startServer } from '../support/server.ts';

describe('backups of the SQLite database', () => {
  let folder: string;
  let server: RunningServer;
  let database: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'clubroll-backup-'));
    database = join(folder, 'live.db');
    server = await startServer({ DATABASE_URL: `sqlite:${database}`, SEED_DEMO: '1' });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('takes a consistent backup during an enrolment rush, and restores it', async () => {
    const requests = prepareRush(database, 'xinghu-primary', 300);
    const rush = fireRush(server.url, requests, 16);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const backup = await runToEnd('src/ops/backup-cli.ts', { DATABASE_URL: `sqlite:${database}` }, 60_000, [join(folder, 'backup.db')]);
    const answers = await rush;
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Backed up .* \(\d+ pages, checked\)/);
    expect(answers.filter((answer) => answer.status >= 500 || answer.status === 0)).toEqual([]);
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThan(50);

    // The copy is whole and keeps every invariant even though writes went on while it was taken.
    expect(await checkBackup(join(folder, 'backup.db'))).toEqual([]);

    const target = join(folder, 'restored.db');
    const restored = await runToEnd('src/ops/restore-cli.ts', { DATABASE_URL: `sqlite:${target}` }, 60_000, [join(folder, 'backup.db')]);
    expect(restored.code, restored.stderr).toBe(0);
    const copy = new SQLite(target, { readonly: true });
    const live = new SQLite(database, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const count = (db: SQLite.Database) => (db.prepare(`select count(*) as n from enrollments where status in ('enrolled', 'waitlisted')`).get() as { n: number }).n;
      expect(count(copy)).toBeGreaterThan(0);
      expect(count(copy)).toBeLessThanOrEqual(count(live));
    } finally {
      copy.close();
      live.close();
    }
    // Restoring over an existing database keeps the old one beside it.
    const again = await runToEnd('src/ops/restore-cli.ts', { DATABASE_URL: `sqlite:${target}` }, 60_000, [join(folder, 'backup.db')]);
    expect(again.stdout).toContain('the previous database is kept as');
  });

  it('refuses to restore a damaged file or one that is not a Clubroll database, and changes nothing', async () => {
    writeFileSync(join(folder, 'junk.db'), 'not a database at all'.repeat(100));
    const junk = await runToEnd('src/ops/restore-cli.ts', { DATABASE_URL: `sqlite:${join(folder, 'untouched.db')}` }, 60_000, [join(folder, 'junk.db')]);
    expect(junk.code).toBe(1);
    expect(junk.stderr).toMatch(/cannot be restored: not a SQLite database/);
    const foreign = new SQLite(join(folder, 'foreign.db'));
    foreign.exec('create table notes (text)');
    foreign.close();
    expect(await checkBackup(join(folder, 'foreign.db'))).toEqual(['not a Clubroll database (no migration table)']);
    const missing = await runToEnd('src/ops/restore-cli.ts', { DATABASE_URL: `sqlite:${join(folder, 'untouched.db')}` }, 60_000, []);
    expect(missing.code).toBe(2);
  });

  it('accepts an ended term whose records were purged, and still refuses drift in a running term', async () => {
    const copy = join(folder, 'purged.db');
    await new SQLite(database, { readonly: true }).backup(copy);
    const db = new SQLite(copy);
    const offering = db.prepare("select id, term_id from offerings where seats_taken > 0 order by id limit 1").get() as { id: number; term_id: number };
    db.prepare("delete from enrollments where offering_id = ? and status = 'enrolled'").run(offering.id);
    db.close();
    expect(await checkBackup(copy)).toEqual(['1 offerings whose seat count differs from their enrolled children']);
    const ended = new SQLite(copy);
    ended.prepare("update terms set first_day = '2019-09-01', last_day = '2020-01-15' where id = ?").run(offering.term_id);
    ended.close();
    expect(await checkBackup(copy)).toEqual([]);
  });
});
