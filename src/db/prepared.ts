// Queries of a fixed shape, built and compiled by Kysely once per dialect and then run with new parameters
// through Kysely's executor (so its `log` option and plugins see them like any other query).
// Building and compiling a query costs more than SQLite takes to run a small one, so the enrolment hot path
// (session, child, offering, seat claim, insert, audit) uses these. See docs/decisions/0013-enrolment-hot-path.md.
import { type Compilable, type Kysely, type QueryResult, RawNode, createQueryId } from 'kysely';
import type { Database } from './schema.ts';
import { isPostgres } from './dialect.ts';
import { prepareOnPostgres } from './postgres-statements.ts';

/** Stands in for the n-th argument while the query is compiled; replaced by the real value at each run. */
class Slot {
  constructor(readonly index: number) {}
}

interface Compiled {
  sql: string;
  /** What CompiledQuery.raw(sql) would make, made once. */
  node: RawNode;
  /** Per parameter: the argument it takes (a number) or the constant the builder put there. */
  parameters: ({ arg: number } | { constant: unknown })[];
}

/**
 * `build` must give the same SQL whatever the arguments are: it may pass them as values (`where('id', '=', id)`,
 * `values({ child_id })`) but never branch on them, spread them into lists or use them as identifiers. A build
 * that reads an argument's value gets a placeholder object and fails loudly, so a misuse shows in the first test.
 */
export function preparedQuery<Args extends unknown[], Row>(arity: Args['length'], build: (db: Kysely<Database>, ...args: Args) => Compilable<Row>) {
  const byDialect = new Map<'postgres' | 'sqlite', Compiled>();

  function compile(db: Kysely<Database>): Compiled {
    const dialect = isPostgres(db) ? 'postgres' : 'sqlite';
    let compiled = byDialect.get(dialect);
    if (!compiled) {
      const slots = Array.from({ length: arity }, (_, index) => new Slot(index)) as unknown as Args;
      const query = build(db, ...slots).compile();
      compiled = {
        sql: query.sql,
        node: RawNode.createWithSql(query.sql),
        parameters: query.parameters.map((value) => (value instanceof Slot ? { arg: value.index } : { constant: value })),
      };
      const used = new Set(compiled.parameters.flatMap((parameter) => ('arg' in parameter ? [parameter.arg] : [])));
      if (used.size !== arity) throw new Error(`preparedQuery: ${arity} arguments declared, ${used.size} used in ${query.sql}`);
      if (dialect === 'postgres') prepareOnPostgres(compiled.sql);
      byDialect.set(dialect, compiled);
    }
    return compiled;
  }

  return async function run(db: Kysely<Database>, ...args: Args): Promise<QueryResult<Row>> {
    const { sql, node, parameters } = compile(db);
    const values = parameters.map((parameter) => ('arg' in parameter ? args[parameter.arg] : parameter.constant));
    return db.executeQuery<Row>({ sql, query: node, parameters: values, queryId: createQueryId() });
  };
}
