// Writes down when sessions were last used (for the idle limits), batched: the uses a process notes within
// `delayMs` go to the database in one transaction, so signed-in traffic costs one small write per process
// every few seconds instead of one per request. A use noted just before a crash is lost, which only makes
// that session look idle a few seconds longer.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { touchSession } from './auth.repository.ts';

export interface SessionUseRecorder {
  /** Notes a use; with no delay it is written before this resolves. */
  note(sessionId: string, at: Date): Promise<void>;
  /** Writes what is pending now (at shutdown). */
  flush(): Promise<void>;
}

export function createSessionUseRecorder(deps: { db: Kysely<Database>; delayMs: number; onError?: (error: unknown) => void }): SessionUseRecorder {
  const { db, delayMs } = deps;
  const pending = new Map<string, Date>();
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();

  async function write(): Promise<void> {
    timer = null;
    if (pending.size === 0) return;
    const batch = [...pending];
    pending.clear();
    await db.transaction().execute(async (trx) => {
      for (const [sessionId, at] of batch) await touchSession(trx, sessionId, at);
    });
  }

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    writing = writing.then(write).catch((error) => deps.onError?.(error));
    return writing;
  }

  return {
    async note(sessionId, at) {
      pending.set(sessionId, at);
      if (delayMs === 0) return flush();
      timer ??= setTimeout(flush, delayMs).unref();
    },
    flush,
  };
}
