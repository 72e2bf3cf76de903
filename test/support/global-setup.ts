// Runs once before all test files: the server's build (which the start-up and browser tests run, see server.ts),
// and a migrated template database per dialect, copied per test file later.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '../../src/db/connect.ts';
import { openSqlite } from '../../src/db/sqlite/open.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import { SERVER_ENTRY, bundle } from '../../src/ops/build.ts';
import { SQLITE_DRIVER } from './sqlite-driver.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    sqliteTemplate: string;
    postgresTemplate: string | null;
  }
}

export function databaseUrlWith(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export default async function setup(project: TestProject) {
  await bundle(SERVER_ENTRY);
  // Watch mode: each rerun tests the source as it is now.
  project.onTestsRerun(() => bundle(SERVER_ENTRY));
  const folder = mkdtempSync(join(tmpdir(), 'clubroll-test-'));
  const sqliteTemplate = join(folder, 'template.db');
  const sqlite = openSqlite(sqliteTemplate, { sqliteDriver: SQLITE_DRIVER });
  await migrateToLatest(sqlite.db);
  await sqlite.close();
  project.provide('sqliteTemplate', sqliteTemplate);

  // CI's second pass (.ci/run: SQLITE_DRIVER=stock) says so with TEST_SQLITE_ONLY=1: the PostgreSQL variants
  // ran in the first pass, and this one must not be handed a PostgreSQL URL it would ignore.
  const sqliteOnly = process.env.TEST_SQLITE_ONLY === '1';
  const url = process.env.TEST_DATABASE_URL;
  if (sqliteOnly && url) throw new Error('TEST_SQLITE_ONLY=1 but TEST_DATABASE_URL is set: unset one of them');
  if (!url && process.env.CI === 'true' && !sqliteOnly) {
    throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL suites must run in CI, not be skipped');
  }
  console.log(`SQLite driver under test: ${SQLITE_DRIVER}${sqliteOnly ? ' (SQLite only: the PostgreSQL variants run in the first pass)' : ''}`);
  let postgresTemplate: string | null = null;
  if (url) {
    postgresTemplate = `clubroll_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${postgresTemplate}`);
    await admin.query(`create database ${postgresTemplate}`);
    await admin.end();
    const template = await openPostgres(databaseUrlWith(url, postgresTemplate));
    await migrateToLatest(template.db);
    await template.close();
  } else if (!sqliteOnly) {
    console.warn('TEST_DATABASE_URL is not set: the PostgreSQL variants of the suites are skipped (they run in CI).');
  }
  project.provide('postgresTemplate', postgresTemplate);

  return async () => {
    rmSync(folder, { recursive: true, force: true });
    if (url && postgresTemplate) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const leftovers = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname ~ $1 or datname = $2`,
        [`^clubroll_t_${process.pid}_[0-9a-f]{12}$`, postgresTemplate],
      );
      for (const row of leftovers.rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
      await admin.end();
    }
  };
}
