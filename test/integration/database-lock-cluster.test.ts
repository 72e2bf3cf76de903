// The database lock with WORKERS=2 (node:cluster): the primary holds it for its workers, a restore is refused
// while they serve, and Ctrl-C (SIGINT) on the primary releases it.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runToEnd, startServer } from '../support/server.ts';

const folder = mkdtempSync(join(tmpdir(), 'clubroll-lock-cluster-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the database lock with WORKERS=2', () => {
  it('is held by the primary while its workers serve, refuses a restore, and is gone after SIGINT', async () => {
    const database = join(folder, 'cluster.db');
    const env = { DATABASE_URL: `sqlite:${database}`, SEED_DEMO: '0', WORKERS: '2' };
    const server = await startServer(env);
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', resolve));
    try {
      expect(server.output()).toContain('2 worker processes');
      const owner = JSON.parse(readFileSync(`${database}.lock`, 'utf8')) as { pid: number; holder: string };
      expect(owner).toMatchObject({ pid: server.process.pid, holder: 'the Clubroll server' });

      const backup = await runToEnd('src/ops/backup-cli.ts', env, 60_000, [join(folder, 'cluster-backup.db')]);
      expect(backup.code, backup.stderr).toBe(0);
      const restore = await runToEnd('src/ops/restore-cli.ts', env, 60_000, [join(folder, 'cluster-backup.db')]);
      expect(restore.code).toBe(1);
      expect(restore.stderr).toMatch(new RegExp(`^clubroll: not restored: .*cluster\\.db is in use by the Clubroll server \\(process ${server.process.pid}, `));
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      server.process.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(existsSync(`${database}.lock`)).toBe(false);
  }, 90_000);
});
