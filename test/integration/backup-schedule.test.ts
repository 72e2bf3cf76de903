// The server's scheduled backups when the backup folder cannot be used: the failure is logged and tried again,
// the server keeps serving, and the backups start once the folder can be written.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runToEnd, startServer } from '../support/server.ts';

const folder = mkdtempSync(join(tmpdir(), 'clubroll-backup-schedule-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
}

describe('a scheduled backup that fails', () => {
  it('is logged and tried again while the server keeps serving, and backups begin once the folder can be made', async () => {
    // A file where the backup folder's parent should be: the folder cannot be created (ENOTDIR).
    const blocker = join(folder, 'not-a-folder');
    writeFileSync(blocker, 'a file, not a folder');
    const dir = join(blocker, 'backups');
    const database = join(folder, 'live.db');
    // 0.0003 hours: a try about every second.
    const server = await startServer({ DATABASE_URL: `sqlite:${database}`, SEED_DEMO: '0', BACKUP_DIR: dir, BACKUP_EVERY_HOURS: '0.0003' });
    try {
      const failed = /^clubroll: backup to .*not-a-folder\/backups failed \(.+\); trying again in \d+ s$/gm;
      await until(() => (server.output().match(failed) ?? []).length >= 2 || server.process.exitCode !== null, 20_000);
      expect(server.process.exitCode, server.output()).toBeNull();
      expect((server.output().match(failed) ?? []).length, server.output()).toBeGreaterThanOrEqual(2);

      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', backup: { newest: null, ageSeconds: null } });
      const registered = await fetch(`${server.url}/register`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ name: '家长', login: '13800000051', password: 'a-real-parent-9' }),
      });
      expect(registered.status).toBe(303);

      // The operator clears the way: the next try succeeds, without a restart.
      rmSync(blocker);
      await until(() => /^Backed up /m.test(server.output()), 20_000);
      expect(server.output()).toMatch(/^Backed up .*live\.db to .*not-a-folder\/backups\/clubroll-[\dT-]+Z\.db \(\d+ pages, checked\)/m);
    } finally {
      expect(await server.stop()).toBe(0);
    }
    const [backup] = readdirSync(dir).filter((name) => name.endsWith('Z.db'));
    expect(backup).toBeDefined();
    const check = await runToEnd('src/ops/restore-cli.ts', {}, 60_000, ['--check', join(dir, backup!)]);
    expect(check.code, check.stderr).toBe(0);
  }, 90_000);
});
