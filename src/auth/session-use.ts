// Writes down when sessions were last used (for the idle limits), batched: the uses a process notes within
// `delayMs` go to the database together, so signed-in traffic costs a few writes per process every few
// seconds instead of one per request. A use noted just before a crash is lost, which only makes that session
// look idle a few seconds longer.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { touchSessions } from './auth.repository.ts';

/**
 * Sessions per statement. Each chunk is its own short write, queued with everything else that writes: in an
 * enrolment rush thousands of parents are noted every few seconds, and one transaction for them all held the
 * writer (and the event loop) for tens of milliseconds while every enrolment waited.
 */
const CHUNK = 200;

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
    // Grouped by the second of their use (rounded down: a session may look idle up to a second longer), so a
    // batch is a few statements, not one per session.
    const bySecond = new Map<number, string[]>();
    for (const [sessionId, at] of pending) {
      const second = Math.floor(at.getTime() / 1000) * 1000;
      const ids = bySecond.get(second);
      if (ids) ids.push(sessionId);
      else bySecond.set(second, [sessionId]);
    }
    pending.clear();
    for (const [second, ids] of bySecond) {
      for (let i = 0; i < ids.length; i += CHUNK) await touchSessions(db, ids.slice(i, i + CHUNK), new Date(second));
    }
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
