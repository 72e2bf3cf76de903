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
 * `turnMs`: how long a turn keeps starting queued requests before it yields to the loop (at least one always
 * starts). A request's own awaits (the database's, a body still arriving) continue in later turns as usual.
 */
export function createTurns(options: { turnMs?: number; now?: () => number } = {}): Turns {
  const turnMs = options.turnMs ?? 1;
  const now = options.now ?? (() => performance.now());
  let queue: Waiting[] = [];
  let head = 0;
  let scheduled = false;

  function take(): void {
    scheduled = false;
    const until = now() + turnMs;
    while (head < queue.length) {
      const next = queue[head++]!;
      if (head === queue.length) {
        queue = [];
        head = 0;
      }
      try {
        Promise.resolve(next.start(now() - next.at)).then(next.resolve, next.reject);
      } catch (error) {
        next.reject(error);
      }
      if (now() >= until) break;
    }
    if (head < queue.length) schedule();
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
