// Moves committed pages from an SQLite file's write-ahead log into the database file on a worker thread, so the
// server's thread never waits for a checkpoint's copying and fsync. See docs/decisions/0014-background-checkpoints.md.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Runs on the worker (CommonJS, evaluated): its own connection, a PASSIVE checkpoint every tick. */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
db.pragma('cache_size = -512');
const tick = setInterval(() => {
  try {
    const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)');
    // Under steady writes a passive checkpoint never catches the log's end, and only then can SQLite start the
    // log over. Past the limit, RESTART waits for the current transaction, copies the few frames left and
    // holds new writers until the log restarts: one short pause instead of a log that grows without end.
    if (log > workerData.restartFrames) db.pragma('wal_checkpoint(RESTART)');
  } catch { /* busy or closing: the next tick tries again */ }
}, workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(tick);
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  /** Stops the worker and closes its connection; resolves once it has exited. */
  stop(): Promise<void>;
}

/**
 * Starts checkpointing `path` every `intervalMs` on a worker thread. PASSIVE checkpoints never block the
 * writer or readers; SQLite restarts the log from its beginning once a checkpoint has caught up, and a log
 * longer than `restartFrames` is made to (see the worker's source). The writer keeps a high automatic
 * checkpoint as a safety net (see openSqlite), and `onFailure` hands the job back to it if the worker cannot
 * run.
 */
export function startCheckpointer(path: string, restartFrames: number, onFailure: (error: Error) => void, intervalMs = 200): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { path, driver, intervalMs, restartFrames },
    // A small isolate: it runs one pragma in a loop.
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 1 },
  });
  worker.unref();
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', (error) => {
    if (!stopping) onFailure(error);
  });
  worker.once('exit', (code) => {
    if (!stopping) onFailure(new Error(`the checkpoint worker exited with code ${code}`));
  });
  return {
    async stop() {
      stopping = true;
      worker.ref(); // keep the process alive until the worker has closed its connection
      worker.postMessage('stop');
      await exited;
    },
  };
}
