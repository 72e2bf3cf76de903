// The server's SQLite file is checkpointed on a worker thread: committed pages reach the database file without
// the server's thread copying them, and the write-ahead log does not grow without end under steady writes.
import { closeSync, copyFileSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/db/handle.ts';
import { openSqlite } from '../../src/db/sqlite/open.ts';

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

/**
 * Rows the database file holds on its own, without its log: what checkpoints have copied so far. A copy taken
 * while a checkpoint is writing may be torn; that counts as "not yet" (-1) and the caller asks again.
 */
function rowsInFileAlone(): number {
  const copy = join(folder, `file-alone-${Math.random()}.db`);
  copyFileSync(path, copy);
  let reader: SQLite.Database | undefined;
  try {
    reader = new SQLite(copy, { readonly: true });
    const table = reader.prepare("select count(*) as n from sqlite_master where name = 'notes'").get() as { n: number };
    return table.n === 0 ? 0 : (reader.prepare('select count(*) as n from notes').get() as { n: number }).n;
  } catch {
    return -1;
  } finally {
    reader?.close();
    rmSync(copy, { force: true });
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

it('starts the log over while another connection commits back to back', async () => {
  await open(true);
  // No pause between commits and no checkpoints of the writer's own: passive checkpoints alone never catch
  // the log's end, so without the worker's RESTART the log would grow by every commit (315 MB in a second here).
  const writer = new SQLite(path, { timeout: 5000 });
  writer.pragma('wal_autocheckpoint = 0');
  const insert = writer.prepare('insert into notes (body) values (?)');
  const commit = writer.transaction(() => insert.run('x'.repeat(600)));
  commit();
  const firstRestarts = logRestarts();
  const started = Date.now();
  let commits = 1;
  // Until the log has started over at least twice, or 10 s (a slow, busy machine) have passed.
  while (logRestarts() < firstRestarts + 2 && Date.now() - started < 10_000) {
    for (let i = 0; i < 500; i++) commit();
    commits += 500;
  }
  writer.close();
  console.log(`log started over ${logRestarts() - firstRestarts} times in ${commits} back-to-back commits (${Date.now() - started} ms)`);
  expect(logRestarts()).toBeGreaterThanOrEqual(firstRestarts + 2);
  expect(await eventually(() => rowsInFileAlone() === commits, 15_000)).toBe(true);
});

/** The log header's checkpoint sequence number, which SQLite raises each time the log starts over. */
function logRestarts(): number {
  const header = Buffer.alloc(16);
  const fd = openSync(`${path}-wal`, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return header.readUInt32BE(12);
}

it('closes its worker with the database, so the log is folded in and removed', async () => {
  await open(true);
  await commitNotes(50);
  await handle.close();
  expect(() => statSync(`${path}-wal`)).toThrow();
  handle = openSqlite(path);
  expect(rowsInFileAlone()).toBe(50);
});
