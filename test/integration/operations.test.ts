// Operations that cannot lose data, run as a school's IT person runs them against a real server process: the
// database lock against restore, a stale lock after SIGKILL, scheduled backups, the backup before a migration,
// and restore --check.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createMigrator } from '../../src/db/migrate.ts';
import { openSqlite } from '../../src/db/sqlite/open.ts';
import { type RunningServer, runToEnd, startServer } from '../support/server.ts';

const folder = mkdtempSync(join(tmpdir(), 'clubroll-ops-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const PASSWORD = 'a-real-parent-9';

async function register(server: RunningServer, login: string): Promise<number> {
  const response = await fetch(`${server.url}/register`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ name: '家长', login, password: PASSWORD }),
  });
  return response.status;
}

async function logIn(server: RunningServer, login: string): Promise<number> {
  const response = await fetch(`${server.url}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login, password: PASSWORD }),
  });
  return response.status;
}

/** `npm run backup -- <folder>/<name>` while the server serves; returns the backup's path. */
async function backUp(env: Record<string, string>, name: string): Promise<string> {
  const file = join(folder, name);
  const backup = await runToEnd('src/ops/backup-cli.ts', env, 60_000, [file]);
  expect(backup.code, backup.stderr).toBe(0);
  return file;
}

function accounts(file: string): string[] {
  const db = new SQLite(file, { readonly: true });
  try {
    return (db.prepare('select phone from users where phone is not null order by id').all() as { phone: string }[]).map((row) => row.phone);
  } finally {
    db.close();
  }
}

describe('the database lock', () => {
  it('refuses a restore while the server runs, changes nothing, and the server’s next write survives a restart', async () => {
    const database = join(folder, 'live.db');
    const env = { DATABASE_URL: `sqlite:${database}`, SEED_DEMO: '0' };
    let server = await startServer(env);
    try {
      expect(await register(server, '13800000001')).toBe(303);
      await backUp(env, 'live-backup.db');
      expect(await register(server, '13800000002')).toBe(303);

      const restore = await runToEnd('src/ops/restore-cli.ts', env, 60_000, [join(folder, 'live-backup.db')]);
      expect(restore.code).toBe(1);
      expect(restore.stdout).toBe('');
      expect(restore.stderr).toMatch(
        new RegExp(`^clubroll: not restored: ${database.replace(/[.]/g, '\\.')} is in use by the Clubroll server \\(process ${server.process.pid}, since [^)]+\\); stop it first .*\n$`),
      );
      expect(readdirSync(folder).filter((name) => name.includes('before-restore'))).toEqual([]);

      // The other scripts that delete or rewrite data are turned away the same way; a dry run only reads.
      for (const [script, args, refusal] of [
        ['src/seed/cli.ts', ['--replace'], 'not replaced'],
        ['src/seed/cli.ts', [], 'not seeded'],
        ['src/ops/purge-cli.ts', [], 'nothing purged'],
      ] as const) {
        const refused = await runToEnd(script, env, 60_000, args);
        expect(refused.code, `${script} ${args.join(' ')}`).toBe(1);
        expect(refused.stderr).toMatch(new RegExp(`^clubroll: ${refusal}: .*live\\.db is in use by the Clubroll server \\(process ${server.process.pid}, [^\n]*\n$`));
      }
      const dryRun = await runToEnd('src/ops/purge-cli.ts', env, 60_000, ['--dry-run']);
      expect(dryRun.code, dryRun.stderr).toBe(0);
      expect(dryRun.stdout).toContain('Would purge');

      // A second server on the same file is turned away the same way.
      const second = await runToEnd('src/main.ts', { ...env, PORT: '0' });
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/^clubroll: .*live\.db is in use by the Clubroll server \(process \d+/);

      expect(await register(server, '13800000003')).toBe(303);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    expect(existsSync(`${database}.lock`)).toBe(false);
    server = await startServer(env);
    try {
      for (const login of ['13800000001', '13800000002', '13800000003']) expect(await logIn(server, login), login).toBe(303);
    } finally {
      await server.stop();
    }
  }, 180_000);

  it('takes over the lock a SIGKILLed server left behind, so a later restore runs', async () => {
    const database = join(folder, 'killed.db');
    const env = { DATABASE_URL: `sqlite:${database}`, SEED_DEMO: '0' };
    const server = await startServer(env);
    expect(await register(server, '13800000011')).toBe(303);
    await backUp(env, 'killed-backup.db');
    expect(await register(server, '13800000012')).toBe(303);
    const exited = new Promise((resolve) => server.process.once('exit', resolve));
    server.process.kill('SIGKILL');
    await exited;
    const stale = JSON.parse(readFileSync(`${database}.lock`, 'utf8')) as { pid: number };
    expect(stale.pid).toBe(server.process.pid);

    const restore = await runToEnd('src/ops/restore-cli.ts', env, 60_000, [join(folder, 'killed-backup.db')]);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/^Restored .*killed-backup\.db to .*killed\.db; the previous database is kept as .*killed\.db\.before-restore-/);
    expect(existsSync(`${database}.lock`)).toBe(false);
    expect(accounts(database)).toEqual(['13800000011']);
  }, 120_000);
});

describe('scheduled backups (BACKUP_DIR)', () => {
  it('appear every BACKUP_EVERY_HOURS, the newest BACKUP_KEEP are kept, each restores, and /healthz tells their age', async () => {
    const database = join(folder, 'scheduled.db');
    const dir = join(folder, 'backups');
    // 0.0003 hours: a backup about every second.
    const server = await startServer({ DATABASE_URL: `sqlite:${database}`, SEED_DEMO: '1', BACKUP_DIR: dir, BACKUP_EVERY_HOURS: '0.0003', BACKUP_KEEP: '2' });
    try {
      expect(await register(server, '13800000021')).toBe(303);
      const deadline = Date.now() + 30_000;
      while ((server.output().match(/^Backed up /gm) ?? []).length < 4 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      const lines = server.output().match(/^Backed up .*$/gm) ?? [];
      expect(lines.length).toBeGreaterThanOrEqual(4);
      expect(lines[0]).toMatch(/^Backed up .*scheduled\.db to .*clubroll-[\dT-]+Z\.db \(\d+ pages, checked\); none removed$/);
      expect(lines.slice(2).every((line) => line.endsWith('removed 1 older'))).toBe(true);
      const health = (await (await fetch(`${server.url}/healthz`)).json()) as { backup: { newest: string; ageSeconds: number } };
      expect(health.backup.ageSeconds).toBeLessThan(60);
      expect(Date.parse(health.backup.newest)).toBeGreaterThan(Date.now() - 60_000);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const kept = readdirSync(dir).filter((name) => !/\.partial/.test(name));
    expect(kept).toHaveLength(2);
    expect(readdirSync(dir)).toEqual(kept);
    for (const [index, name] of kept.entries()) {
      const check = await runToEnd('src/ops/restore-cli.ts', {}, 60_000, ['--check', join(dir, name)]);
      expect(check.code, check.stderr).toBe(0);
      const target = join(folder, `from-schedule-${index}.db`);
      const restore = await runToEnd('src/ops/restore-cli.ts', { DATABASE_URL: `sqlite:${target}` }, 60_000, [join(dir, name)]);
      expect(restore.code, restore.stderr).toBe(0);
      expect(accounts(target)).toContain('13800000021');
    }
  }, 180_000);
});

describe('before migrating', () => {
  it('backs up a database with an older schema beside it, names the copy in the start-up output, and the copy restores', async () => {
    const database = join(folder, 'older.db');
    const older = openSqlite(database);
    const migrator = createMigrator(older.db);
    const names = (await migrator.getMigrations()).map((migration) => migration.name);
    const { error } = await migrator.migrateTo(names.at(-2)!);
    expect(error).toBeUndefined();
    const now = new Date().toISOString();
    await older.db
      .insertInto('users')
      .values({ name: '家长', phone: '13800000031', email: null, password_hash: 'x', role: 'parent', school_id: null, created_at: now, password_changed_at: now })
      .execute();
    await older.close();

    const server = await startServer({ DATABASE_URL: `sqlite:${database}` });
    let copy: string;
    try {
      const applied = /^Applied 1 migration\(s\) to SQLite .*older\.db; the database as it was before them is kept at (.+)$/m.exec(server.output());
      expect(applied, server.output()).not.toBeNull();
      copy = applied![1]!;
      expect(copy).toMatch(/older\.db\.before-migrations-[\dT-]+Z$/);
      expect(statSync(copy).size).toBeGreaterThan(0);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const check = await runToEnd('src/ops/restore-cli.ts', {}, 60_000, ['--check', copy]);
    expect(check.code, check.stderr).toBe(0);
    const target = join(folder, 'older-restored.db');
    const restore = await runToEnd('src/ops/restore-cli.ts', { DATABASE_URL: `sqlite:${target}` }, 60_000, [copy]);
    expect(restore.code, restore.stderr).toBe(0);
    expect(accounts(target)).toEqual(['13800000031']);
    const restored = new SQLite(target, { readonly: true });
    expect(restored.prepare('select count(*) as n from kysely_migration').get()).toEqual({ n: names.length - 1 });
    restored.close();

    // A database already up to date is not copied again.
    const again = await startServer({ DATABASE_URL: `sqlite:${database}` });
    await again.stop();
    expect(again.output()).not.toContain('before-migrations');
  }, 120_000);
});

describe('npm run restore -- --check', () => {
  it('verifies a backup without touching the live database, and names what is wrong with a bad one', async () => {
    const database = join(folder, 'checked.db');
    const env = { DATABASE_URL: `sqlite:${database}`, SEED_DEMO: '0' };
    const server = await startServer(env);
    try {
      expect(await register(server, '13800000041')).toBe(303);
      await backUp(env, 'checked-backup.db');
      const before = statSync(database).mtimeMs;
      // While the server runs: a check needs no lock.
      const good = await runToEnd('src/ops/restore-cli.ts', env, 60_000, ['--check', join(folder, 'checked-backup.db')]);
      expect(good.code, good.stderr).toBe(0);
      expect(good.stdout).toMatch(/checked-backup\.db can be restored: intact, a Clubroll database with known migrations only/);
      writeFileSync(join(folder, 'junk.db'), 'not a database at all'.repeat(100));
      const junk = await runToEnd('src/ops/restore-cli.ts', env, 60_000, ['--check', join(folder, 'junk.db')]);
      expect(junk.code).toBe(1);
      expect(junk.stderr).toMatch(/^clubroll: .*junk\.db cannot be restored: not a SQLite database/);
      const newer = new SQLite(join(folder, 'checked-backup.db'));
      newer.prepare(`insert into kysely_migration (name, timestamp) values ('2099-01-01T0000_future', '2099-01-01')`).run();
      newer.close();
      const future = await runToEnd('src/ops/restore-cli.ts', env, 60_000, ['--check', join(folder, 'checked-backup.db')]);
      expect(future.code).toBe(1);
      expect(future.stderr).toMatch(/made by a newer Clubroll \(unknown migrations: 2099-01-01T0000_future\)/);
      expect(statSync(database).mtimeMs).toBe(before);
      expect(await logIn(server, '13800000041')).toBe(303);
    } finally {
      await server.stop();
    }
  }, 120_000);
});
