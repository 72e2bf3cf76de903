// The server's SQLite file is checkpointed on a worker thread: committed pages reach the database file without
// the server's thread copying them, and the write-ahead log does not grow without end under steady writes.
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type DatabaseHandle, openSqlite } from '../../src/db/connect.ts';

let folder: string;
let path: string;
let handle: DatabaseHandle;

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'clubroll-checkpoint-'));
  path = join(folder, 'clubroll.db');
});
afterEach(async () => {
  await handle?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function open(backgroundCheckpoints: boolean) {
  handle = openSqlite(path, { backgroundCheckpoints });
  await sql`create table notes (id integer primary key, body text not null)`.execute(handle.db);
}

async function commitNotes(count: number) {
  for (let i = 0; i < count; i++) {
    await handle.db.transaction().execute((trx) => sql`insert into notes (body) values (${'x'.repeat(600)})`.execute(trx));
  }
}

/** Rows the database file holds on its own, without its log: what checkpoints have copied so far. */
function rowsInFileAlone(): number {
  const copy = join(folder, `file-alone-${Math.random()}.db`);
  copyFileSync(path, copy);
  const reader = new SQLite(copy, { readonly: true });
  try {
    const table = reader.prepare("select count(*) as n from sqlite_master where name = 'notes'").get() as { n: number };
    return table.n === 0 ? 0 : (reader.prepare('select count(*) as n from notes').get() as { n: number }).n;
  } finally {
    reader.close();
  }
}

async function eventually(check: () => boolean, ms = 5000) {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  return check();
}

it('copies committed pages into the database file in the background', async () => {
  await open(true);
  await commitNotes(300); // a few hundred log frames, far below the writer's own automatic checkpoint
  expect(await eventually(() => rowsInFileAlone() === 300)).toBe(true);
});

it('leaves the log alone when the server checkpoints nothing itself (scripts, tests)', async () => {
  await open(false);
  await commitNotes(300); // below SQLite's default automatic checkpoint of 1,000 pages
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(rowsInFileAlone()).toBe(0);
});

it('starts the log over under steady writes instead of letting it grow', async () => {
  await open(true);
  // Another connection commits back to back with no pause and no checkpoints of its own, so passive checkpoints
  // alone would never catch the log's end: it would hold every one of the 8,000 commits' pages.
  const writer = new SQLite(path, { timeout: 5000 });
  writer.pragma('wal_autocheckpoint = 0');
  writer.pragma(`journal_size_limit = ${4000 * 4096}`);
  const insert = writer.prepare('insert into notes (body) values (?)');
  const commit = writer.transaction(() => insert.run('x'.repeat(600)));
  const started = Date.now();
  let commits = 0;
  while (commits < 8000 || Date.now() - started < 1000) {
    commit();
    commits++;
  }
  writer.close();
  const logBytes = statSync(`${path}-wal`).size;
  console.log(`log after ${commits} back-to-back commits: ${(logBytes / 1e6).toFixed(1)} MB`);
  expect(logBytes).toBeLessThan(4000 * 4096 * 1.5);
  expect(await eventually(() => rowsInFileAlone() === commits)).toBe(true);
});

it('closes its worker with the database, so the log is folded in and removed', async () => {
  await open(true);
  await commitNotes(50);
  await handle.close();
  expect(() => statSync(`${path}-wal`)).toThrow();
  handle = openSqlite(path);
  expect(rowsInFileAlone()).toBe(50);
});
