// SQLITE_DRIVER=stock: Kysely's own SqliteDialect over one better-sqlite3 connection, every query in line behind
// Kysely's lock. One change: a transaction begins with BEGIN IMMEDIATE, as on the Clubroll driver, so that
// processes sharing the file (WORKERS > 1, the scripts) queue on the busy timeout instead of failing when a
// transaction that has read turns to write (a deferred BEGIN fails at once then, SQLITE_BUSY_SNAPSHOT).
import type SQLite from 'better-sqlite3';
import { CompiledQuery, type DatabaseConnection, type Driver, SqliteDialect, SqliteDriver } from 'kysely';

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

export class StockSqliteDialect extends SqliteDialect {
  constructor(private readonly database: SQLite.Database) {
    super({ database });
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver({ database: this.database });
  }
}
