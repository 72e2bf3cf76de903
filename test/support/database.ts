// A fresh database per test file, copied from the migrated template: a file copy for SQLite, CREATE DATABASE … TEMPLATE for PostgreSQL.
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseTarget } from '../../src/config.ts';
import { openPostgres } from '../../src/db/connect.ts';
import type { DatabaseHandle, Dialect } from '../../src/db/handle.ts';
import { openSqlite } from '../../src/db/sqlite/open.ts';
import { databaseUrlWith } from './global-setup.ts';
import { SQLITE_DRIVER } from './sqlite-driver.ts';

/** Every suite runs on SQLite; on PostgreSQL too when TEST_DATABASE_URL is set (always in CI). */
export const DIALECTS: Dialect[] = inject('postgresTemplate') ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDatabase extends DatabaseHandle {
  /** Where it is, for other processes to open it too. */
  target: DatabaseTarget;
  /** Closes and deletes the database. */
  drop(): Promise<void>;
}

/** On SQLite, the driver SQLITE_DRIVER names unless the test asks for one (a test of the Clubroll driver's own behaviour). */
export async function createTestDatabase(dialect: Dialect, options: { sqliteDriver?: 'clubroll' | 'stock' } = {}): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'clubroll-db-'));
    const path = join(folder, 'test.db');
    copyFileSync(inject('sqliteTemplate'), path);
    const handle = openSqlite(path, { sqliteDriver: options.sqliteDriver ?? SQLITE_DRIVER });
    return {
      ...handle,
      target: { dialect: 'sqlite', path },
      drop: async () => {
        await handle.close().catch(() => {});
        rmSync(folder, { recursive: true, force: true });
      },
    };
  }
  const url = process.env.TEST_DATABASE_URL!;
  const template = inject('postgresTemplate')!;
  // Named after this run (the template carries the run's pid), so a run only ever drops its own databases.
  const name = `clubroll_t_${template.replace('clubroll_template_', '')}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // Two files copying the template at the same instant can collide; the loser waits and tries again.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${template}`);
        break;
      } catch (error) {
        if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  const handle = await openPostgres(databaseUrlWith(url, name));
  return {
    ...handle,
    target: { dialect: 'postgres', url: databaseUrlWith(url, name) },
    drop: async () => {
      await handle.close().catch(() => {});
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
