// Starts requests a few at a time per event-loop turn, in arrival order. Node 20's libuv accepts one new
// connection per turn; when one turn handled every request that hundreds of busy keep-alive connections had
// ready, new connections waited in the kernel for seconds (a 500-connection overload saw 3.5 s at p99 while
// the app itself answered in under 10 ms). Bounding each turn's work lets the loop come round, and accept,
// every millisecond or so. See docs/decisions/0015-request-turns.md.

export interface Turns {
  /** Runs `start` in its turn; `queuedMs` is how long the request waited for it. */
  run<T>(start: (queuedMs: number) => T | PromiseLike<T>): Promise<T>;
}

interface Waiting {
  start: (queuedMs: number) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  at: number;
}

/**
 * `turnMs`: how long a turn keeps starting queued requests, one after the other has settled, before it yields
 * to the loop (at least one always starts).
 */
export function createTurns(options: { turnMs?: number; now?: () => number } = {}): Turns {
  const turnMs = options.turnMs ?? 1;
  const now = options.now ?? (() => performance.now());
  let queue: (Waiting | undefined)[] = [];
  let head = 0;
  let scheduled = false;

  function take(): void {
    scheduled = false;
    const until = now() + turnMs;
    // A request's work is mostly in the promise continuations after its synchronous start, which run before
    // the loop moves on; so the next one starts when the last has settled, while the turn has time left. A
    // request still waiting (a body in transit, PostgreSQL) holds nothing up: the next turn starts the next.
    const startNext = (): void => {
      const next = shift();
      if (!next) return;
      const settled = (outcome: () => void) => {
        outcome();
        if (now() < until) startNext();
      };
      try {
        Promise.resolve(next.start(now() - next.at)).then(
          (value) => settled(() => next.resolve(value)),
          (error: unknown) => settled(() => next.reject(error)),
        );
      } catch (error) {
        settled(() => next.reject(error));
      }
    };
    startNext();
    if (head < queue.length) schedule();
  }

  function shift(): Waiting | undefined {
    if (head >= queue.length) return undefined;
    const next = queue[head];
    queue[head++] = undefined;
    // Under steady load the queue may never run empty: drop the started part now and then, so it holds only
    // requests still waiting.
    if (head === queue.length) {
      queue = [];
      head = 0;
    } else if (head >= 1024 && head * 2 >= queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
    return next;
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    setImmediate(take);
  }

  return {
    run<T>(start: (queuedMs: number) => T | PromiseLike<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ start, resolve: resolve as (value: unknown) => void, reject, at: now() });
        schedule();
      });
    },
  };
}
