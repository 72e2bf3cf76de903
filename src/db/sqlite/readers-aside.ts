// Read-only connections to an SQLite file on worker threads, answering whole queries: a long aggregate runs there
// while the server's thread goes on serving, and several run at once on as many cores.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Compilable } from 'kysely';
import type { ReadAside } from '../read-aside.ts';

/** Runs on each worker (CommonJS, evaluated): one read-only connection, a statement cache, one query at a time. */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -8192');
const statements = new Map();
parentPort.on('message', ({ sql, parameters }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      if (statements.size >= 100) statements.delete(statements.keys().next().value);
      statements.set(sql, statement);
    }
    parentPort.postMessage({ rows: statement.all(parameters) });
  } catch (error) {
    parentPort.postMessage({ error: { message: error.message, code: error.code } });
  }
});
`;

interface Job {
  sql: string;
  parameters: readonly unknown[];
  resolve(rows: unknown[]): void;
  reject(error: Error): void;
}

export interface ReadersAside extends ReadAside {
  /** Ends the workers (a query still waiting is refused); resolves once they have exited. */
  stop(): Promise<void>;
}

/**
 * `count` workers, started at the first query. Queries wait in one line and each goes to the first worker free, so
 * a long one never holds up the others while another worker is idle. A worker that dies fails its query; when
 * none is left, the next query starts them again.
 */
export function startReadersAside(path: string, count: number): ReadersAside {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const waiting: Job[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Job>();
  const workers = new Set<Worker>();
  let stopped = false;

  const give = (worker: Worker) => {
    const job = waiting.shift();
    if (!job) {
      worker.unref();
      idle.push(worker);
      return;
    }
    busy.set(worker, job);
    worker.ref();
    worker.postMessage({ sql: job.sql, parameters: job.parameters });
  };

  const spawn = () => {
    const worker = new Worker(workerSource, { eval: true, workerData: { path, driver } });
    workers.add(worker);
    worker.on('message', (answer: { rows: unknown[] } | { error: { message: string; code?: string } }) => {
      const job = busy.get(worker)!;
      busy.delete(worker);
      if ('rows' in answer) job.resolve(answer.rows);
      else job.reject(Object.assign(new Error(answer.error.message), { code: answer.error.code }));
      give(worker);
    });
    let failure: Error | null = null;
    worker.on('error', (error) => {
      failure = error;
    });
    worker.on('exit', () => {
      workers.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      const lost = new Error(`a reader thread stopped${failure ? `: ${failure.message}` : ''}`);
      busy.get(worker)?.reject(lost);
      busy.delete(worker);
      // With no worker left, nothing would answer the line: it fails, and the next query starts them again.
      if (workers.size === 0) for (const job of waiting.splice(0)) job.reject(lost);
    });
    return worker;
  };

  return {
    all<R>(query: Compilable<R>): Promise<R[]> {
      if (stopped) return Promise.reject(new Error('the readers have stopped'));
      const { sql, parameters } = query.compile();
      const answer = new Promise<R[]>((resolve, reject) => waiting.push({ sql, parameters, resolve: resolve as (rows: unknown[]) => void, reject }));
      if (workers.size === 0) for (let i = 0; i < count; i += 1) give(spawn());
      else if (idle.length > 0) give(idle.pop()!);
      return answer;
    },
    async stop() {
      stopped = true;
      for (const job of waiting.splice(0)) job.reject(new Error('the readers have stopped'));
      await Promise.all([...workers].map((worker) => worker.terminate()));
    },
  };
}
