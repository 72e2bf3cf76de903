// The Clubroll SQLite driver's parts: the statement cache, the writer's FIFO queue, and the savepoint name it
// keeps for itself. (Commit groups, lone reads and savepoints in a group: test/integration/sqlite-transactions
// and savepoints.)
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openSqlite } from './open.ts';
import { CachedConnection, WriterQueue } from './driver.ts';

describe('the statement cache', () => {
  it('prepares a text once, keeps at most its size, and lets the oldest go first', () => {
    const database = new SQLite(':memory:');
    const connection = new CachedConnection(database, 2);
    try {
      const first = connection.prepare('select 1');
      expect(connection.prepare('select 1')).toBe(first);
      connection.prepare('select 2');
      connection.prepare('select 3');
      expect(connection.cached).toBe(2);
      expect(connection.prepare('select 1')).not.toBe(first); // it was the oldest, so it went
      expect(connection.prepare('select 1').get()).toEqual({ 1: 1 });
    } finally {
      connection.close();
    }
    expect(database.open).toBe(false);
  });
});

describe("the writer's queue", () => {
  it('hands the writer on in the order it was asked for, and says whether a transaction is next', async () => {
    const queue = new WriterQueue();
    const order: string[] = [];
    await queue.acquire(true);
    expect(queue.held).toBe(true);
    const lone = queue.acquire(false).then(() => order.push('lone'));
    const transaction = queue.acquire(true).then(() => order.push('transaction'));
    expect([queue.waiting, queue.transactionNext]).toEqual([2, false]);
    queue.release();
    await lone;
    expect([queue.waiting, queue.transactionNext]).toEqual([1, true]);
    queue.release();
    await transaction;
    queue.release();
    expect(order).toEqual(['lone', 'transaction']);
    expect(queue.held).toBe(false);
  });
});

describe('savepoints on the Clubroll driver', () => {
  it("refuses the savepoint name a commit group's member runs in, and the transaction goes on", async () => {
    const handle = openSqlite(':memory:', { sqliteDriver: 'clubroll' });
    try {
      const trx = await handle.db.startTransaction().execute();
      await expect(trx.savepoint('clubroll_group_member').execute()).rejects.toThrow(/the driver's own/);
      const saved = await trx.savepoint('mine').execute();
      await saved.releaseSavepoint('mine').execute();
      await saved.commit().execute();
    } finally {
      await handle.close();
    }
  });
});
