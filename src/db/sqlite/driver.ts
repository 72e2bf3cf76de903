// The SQLite driver: one writer connection behind a FIFO queue, a reader for reads outside transactions,
// commit groups in savepoints, and a statement cache per connection.
import SQLite from 'better-sqlite3';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  IdentifierNode,
  RawNode,
  SqliteAdapter,
  SqliteIntrospector,
  createQueryId,
  SqliteQueryCompiler,
} from 'kysely';

/**
 * One better-sqlite3 connection and its prepared statements. Preparing is most of a small query's cost and the
 * app's queries are a few hundred distinct texts, so a bounded map from SQL text to statement (oldest out first)
 * keeps them; a hit allocates nothing.
 */
export class CachedConnection {
  readonly #statements = new Map<string, SQLite.Statement>();

  constructor(
    readonly database: SQLite.Database,
    readonly size = 1000,
  ) {}

  prepare(text: string): SQLite.Statement {
    let statement = this.#statements.get(text);
    if (statement) return statement;
    statement = this.database.prepare(text);
    if (this.#statements.size >= this.size) this.#statements.delete(this.#statements.keys().next().value!);
    this.#statements.set(text, statement);
    return statement;
  }

  /** How many statements are kept now. */
  get cached(): number {
    return this.#statements.size;
  }

  get inTransaction(): boolean {
    return this.database.inTransaction;
  }

  close(): void {
    this.#statements.clear();
    this.database.close();
  }
}

/** A FIFO lock: each release hands the writer to the next in line (Kysely's own wakes every waiter). */
export class WriterQueue {
  #held = false;
  readonly #waiting: { wake: () => void; transaction: boolean }[] = [];

  /** Whether a transaction or a lone write has the writer now. */
  get held(): boolean {
    return this.#held;
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  /** Whether the next in line is a transaction (which may join the commit group in progress). */
  get transactionNext(): boolean {
    return this.#waiting[0]?.transaction === true;
  }

  acquire(transaction: boolean): Promise<void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve();
    }
    return new Promise((wake) => this.#waiting.push({ wake, transaction }));
  }

  release(): void {
    const next = this.#waiting.shift();
    if (next) next.wake();
    else this.#held = false;
  }
}

type Rows = QueryResult<unknown>;

function run(statement: SQLite.Statement, parameters: readonly unknown[]): Rows {
  if (statement.reader) return { rows: statement.all(parameters) };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

/**
 * A read-only statement ready to run outside a transaction, or null for a write. It runs on the writer when no
 * transaction holds it (the writer's page cache stays valid; the reader's is dropped whenever another connection
 * commits), else on the reader, which never waits.
 */
function readOnly(sqlite: SqliteConnections, sql: string): SQLite.Statement | null {
  const { writer, reader, queue } = sqlite;
  const statement = writer.prepare(sql);
  if (!statement.readonly) return null;
  if (!queue.held) return statement;
  return reader ? reader.prepare(sql) : null; // in memory there is no reader: wait for the writer
}

/**
 * One request's use of the database. Inside a transaction every statement runs on the writer, which the
 * transaction holds from BEGIN IMMEDIATE to COMMIT. Outside one, a statement that only reads runs at once
 * (see readOnly; WAL, so it sees every committed write and waits for no transaction); any other statement
 * queues for the writer and commits on its own.
 */
class RoutedConnection implements DatabaseConnection {
  holdsWriter = false;

  constructor(private readonly sqlite: SqliteConnections) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { writer, reader, queue } = this.sqlite;
    if (this.holdsWriter) return run(writer.prepare(query.sql), query.parameters) as QueryResult<R>;
    const read = readOnly(this.sqlite, query.sql);
    if (read) return run(read, query.parameters) as QueryResult<R>;
    await queue.acquire(false);
    try {
      return run(writer.prepare(query.sql), query.parameters) as QueryResult<R>;
    } finally {
      queue.release();
    }
  }

  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    yield await this.executeQuery<R>(query);
  }
}

export interface SqliteConnections {
  writer: CachedConnection;
  /** Null for an in-memory database, which a second connection would not see. */
  reader: CachedConnection | null;
  queue: WriterQueue;
  /** The writer's open SQLite transaction and the transactions grouped in it, until its COMMIT. */
  group: CommitGroup | null;
  /** See ConnectOptions. */
  transactionsComing: () => boolean;
}

interface CommitGroup {
  readonly opened: number;
  /** Between members: the SQLite transaction is open and nobody uses it. */
  parked: boolean;
  /** Whether a member began in the group during this turn of the event loop. */
  fed: boolean;
  /** Whether the end of this turn will look at the group (see #turnEnded). */
  watched: boolean;
  /** Members whose work is done, each waiting for the COMMIT. */
  readonly done: { committed: () => void; failed: (error: unknown) => void }[];
}

/** The savepoint each member of a commit group runs in; a name the app's own savepoints do not take. */
const MEMBER = 'clubroll_group_member';

/** A group commits once it has this many members or is this old (see ClubrollSqliteDriver). */
const GROUP_MAX_MEMBERS = 32;
const GROUP_MAX_MS = 10;

/**
 * Kysely's SQLite driver has one connection behind a lock, so every query — a catalogue read too — waits for
 * every transaction queued before it, and each release wakes all waiters. This driver keeps the writer for
 * transactions and lone writes (FIFO, transactions start with BEGIN IMMEDIATE so processes sharing the file
 * queue on the busy timeout instead of failing on upgrade), and answers lone reads at once (see readOnly).
 * See docs/decisions/0013-enrolment-hot-path.md.
 *
 * Transactions commit in groups (docs/decisions/0016-group-commit.md). Each runs inside a savepoint of the
 * writer's SQLite transaction. When one ends, the next transaction in line — or one that begins before this turn
 * of the event loop is over, or while connections are arriving in the next — carries on in the same SQLite
 * transaction, and one COMMIT writes the group's pages to the log once. A member's commit resolves only after
 * that COMMIT, so no caller hears of a write that is not in the log; a member that fails rolls back to its
 * savepoint alone; a COMMIT that fails fails every member.
 */
class ClubrollSqliteDriver implements Driver {
  constructor(private readonly sqlite: SqliteConnections) {}

  async init(): Promise<void> {}

  /** Connections not in use (a connection is a flag and a reference: kept, not made anew for every query). */
  readonly #idle: RoutedConnection[] = [];

  async acquireConnection(): Promise<DatabaseConnection> {
    return this.#idle.pop() ?? new RoutedConnection(this.sqlite);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const routed = connection as RoutedConnection;
    const { writer, queue } = this.sqlite;
    const parked = this.sqlite.group?.parked && queue.waiting === 0 ? this.sqlite.group : null;
    if (parked) parked.parked = false;
    else await queue.acquire(true);
    routed.holdsWriter = true;
    try {
      if (!this.sqlite.group) {
        writer.prepare('begin immediate').run();
        this.sqlite.group = { opened: performance.now(), parked: false, fed: false, watched: false, done: [] };
      }
      this.sqlite.group.fed = true;
      writer.prepare(`savepoint ${MEMBER}`).run();
    } catch (error) {
      await this.#leave(routed).catch(() => {});
      throw error;
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    this.sqlite.writer.prepare(`release ${MEMBER}`).run();
    await this.#leave(connection as RoutedConnection);
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    const routed = connection as RoutedConnection;
    if (!routed.holdsWriter) return;
    const { writer } = this.sqlite;
    try {
      if (writer.inTransaction) {
        writer.prepare(`rollback to ${MEMBER}`).run();
        writer.prepare(`release ${MEMBER}`).run();
      }
    } catch {
      // The savepoint is gone with more than this member's work: end the transaction, and with it the group.
      if (writer.inTransaction) writer.prepare('rollback').run();
    } finally {
      // This member's caller gets its own error; a COMMIT that fails reaches the other members.
      await this.#leave(routed).catch(() => {});
    }
  }

  /**
   * A savepoint inside a transaction (`trx.savepoint('x')`): SQLite's own, nested in the member's savepoint, so
   * rolling back to it undoes this member's work since then and nothing of the other members of its group.
   */
  async savepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await this.#savepointCommand(connection, 'savepoint', name, compileQuery);
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await this.#savepointCommand(connection, 'rollback to', name, compileQuery);
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compileQuery: QueryCompiler['compileQuery']): Promise<void> {
    await this.#savepointCommand(connection, 'release', name, compileQuery);
  }

  #savepointCommand(connection: DatabaseConnection, command: string, name: string, compileQuery: QueryCompiler['compileQuery']) {
    if (name === MEMBER) throw new Error(`the savepoint name ${MEMBER} is the driver's own`);
    if (!(connection as RoutedConnection).holdsWriter) throw new Error(`${command} ${name}: no transaction is open on this connection`);
    // Kysely's own way (as its SqliteDriver does), so the name is quoted as an identifier and the query is logged.
    const node = RawNode.createWithChildren([RawNode.createWithSql(`${command} `), IdentifierNode.create(name)]);
    return connection.executeQuery(compileQuery(node, createQueryId()));
  }

  /**
   * The member is done with the writer. A young, small group carries on with the next transaction in line, or
   * parks until this turn of the event loop ends for one to begin; otherwise it commits now.
   */
  #leave(routed: RoutedConnection): Promise<void> {
    routed.holdsWriter = false;
    const { writer, queue } = this.sqlite;
    const group = this.sqlite.group;
    if (!group || !writer.inTransaction || group.done.length + 1 >= GROUP_MAX_MEMBERS || performance.now() - group.opened >= GROUP_MAX_MS) {
      return this.#commit();
    }
    const committed = new Promise<void>((resolve, reject) => group.done.push({ committed: resolve, failed: reject }));
    if (queue.transactionNext) {
      queue.release();
    } else {
      group.parked = true;
      this.#watch(group);
    }
    return committed;
  }

  #watch(group: CommitGroup): void {
    if (group.watched) return;
    group.watched = true;
    setImmediate(() => this.#turnEnded(group));
  }

  /**
   * The end of a turn of the event loop (setImmediate): a parked group commits, or goes on with the transaction
   * next in line. But while more transactions are coming one a turn — a crowd of new connections, which libuv
   * accepts one a turn — a group that one began in during the turn waits a turn for the next (while it is
   * young and no lone write is queued), so that they share a COMMIT too.
   */
  #turnEnded(group: CommitGroup): void {
    group.watched = false;
    if (this.sqlite.group !== group || !group.parked) return; // committed, or a member has it and leaves in turn
    const { queue } = this.sqlite;
    if (group.fed && queue.waiting === 0 && performance.now() - group.opened < GROUP_MAX_MS && this.sqlite.transactionsComing()) {
      group.fed = false;
      this.#watch(group);
      return;
    }
    group.parked = false;
    if (queue.transactionNext) queue.release();
    else this.#commit().catch(() => {}); // the members hear of a failure
  }

  /** Commits the group (if any) and hands the writer on. */
  async #commit(): Promise<void> {
    const { writer, queue } = this.sqlite;
    const group = this.sqlite.group;
    this.sqlite.group = null;
    let failure: unknown;
    if (writer.inTransaction) {
      try {
        writer.prepare('commit').run();
      } catch (error) {
        failure = error;
        if (writer.inTransaction) writer.prepare('rollback').run();
      }
    } else if (group) {
      failure = new Error('SQLite rolled back the transaction after an error in another member of its commit group');
    }
    queue.release();
    for (const member of group?.done ?? []) {
      if (failure === undefined) member.committed();
      else member.failed(failure);
    }
    if (failure !== undefined) throw failure;
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    // A transaction always ends in commit or rollback first; this only guards against a leak.
    const routed = connection as RoutedConnection;
    if (routed.holdsWriter) await this.rollbackTransaction(routed);
    if (this.#idle.length < 64) this.#idle.push(routed);
  }

  async destroy(): Promise<void> {
    if (this.sqlite.group?.parked) await this.#commit().catch(() => {});
    this.sqlite.reader?.close();
    this.sqlite.writer.close();
  }
}

/** Kysely's SQLite SQL, adapter and introspection over the Clubroll driver. */
export class ClubrollSqliteDialect implements Dialect {
  constructor(private readonly sqlite: SqliteConnections) {}

  createDriver(): Driver {
    return new ClubrollSqliteDriver(this.sqlite);
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }

  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
