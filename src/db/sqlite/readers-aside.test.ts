// Reader threads: the same rows as the server's own connection, many queries at once, and a clear failure.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from './open.ts';
import { startReadersAside } from './readers-aside.ts';

describe('reader threads', () => {
  const folder = mkdtempSync(join(tmpdir(), 'clubroll-readers-'));
  const path = join(folder, 'readers.db');
  const handle = openSqlite(path, { readersAside: 2 });
  beforeAll(async () => {
    await sql`create table numbers (n integer primary key, word text not null)`.execute(handle.db);
    await sql`insert into numbers (n, word) with recursive s(n) as (select 1 union all select n + 1 from s where n < 1000) select n, 'n' || n from s`.execute(handle.db);
  });
  afterAll(async () => {
    await handle.close();
    rmSync(folder, { recursive: true, force: true });
  });
  const db = handle.db as unknown as Kysely<{ numbers: { n: number; word: string }; no_such_table: { n: number } }>;
  const numbers = () => db.selectFrom('numbers');

  it('answers queries with the rows the server thread would read, several at once', async () => {
    const queries = [1, 10, 100, 1000].map((upTo) => numbers().select(['n', 'word']).where('n', '<=', upTo).orderBy('n'));
    const aside = await Promise.all(queries.map((query) => handle.readAside.all(query)));
    const here = await Promise.all(queries.map((query) => query.execute()));
    expect(aside).toEqual(here);
    expect(aside.map((rows) => rows.length)).toEqual([1, 10, 100, 1000]);
  });

  it('fails a query with the database error, and the next query is answered', async () => {
    await expect(handle.readAside.all(db.selectFrom('no_such_table').selectAll())).rejects.toThrow(/no such table/);
    expect(await handle.readAside.all(numbers().select('n').where('n', '=', 7))).toEqual([{ n: 7 }]);
  });

  it('fails every query when the file cannot be opened, without starting threads for ever', async () => {
    const readers = startReadersAside(join(folder, 'missing.db'), 2);
    await expect(readers.all(numbers().select('n'))).rejects.toThrow(/reader thread stopped/);
    await expect(readers.all(numbers().select('n'))).rejects.toThrow(/reader thread stopped/);
    await readers.stop();
  });
});
