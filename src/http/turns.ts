// Paces how much request work one event-loop turn does. Node 20's libuv accepts one new connection per turn;
// when one turn handled every request that hundreds of busy keep-alive connections had ready, new connections
// waited in the kernel for seconds (a 500-connection overload saw 3.5 s at p99 while the app itself answered
// in under 10 ms). A request that arrives while the turn still has time starts at once, as before; later
// ones wait, in arrival order, for the following turns, so the loop comes round and accepts every couple of
// milliseconds; while connections keep arriving, every half millisecond. See docs/decisions/0015-request-turns.md.

export interface Turns {
  /** Runs `start` now or in a later turn; `queuedMs` is how long the request waited for it. */
  run<T>(start: (queuedMs: number) => T | PromiseLike<T>): Promise<T>;
  /** The server accepted a connection: more may be waiting in the kernel, so turns are short until they stop. */
  connected(): void;
  /** Whether the server accepted a connection in this turn or the one before (more may be coming). */
  accepting(): boolean;
}

interface Waiting {
  start: (queuedMs: number) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  at: number;
}

/**
 * `turnMs`: the request work one turn takes on before later arrivals wait (at least one request always runs).
 * `acceptingTurnMs`: the same while the server is accepting connections (one was accepted in this turn or the
 * one before): libuv takes one per turn, so short turns let a crowd of new connections in sooner.
 * A request's work mostly runs in the promise continuations after its synchronous start, before the loop
 * moves on, so it counts in the turn it started in.
 */
export function createTurns(options: { turnMs?: number; acceptingTurnMs?: number; now?: () => number } = {}): Turns {
  const turnMs = options.turnMs ?? 2;
  const acceptingTurnMs = options.acceptingTurnMs ?? 0.5;
  /** Whether a connection was accepted in this turn or the one before. */
  let acceptedNow = false;
  let acceptedBefore = false;
  const now = options.now ?? (() => performance.now());
  let queue: (Waiting | undefined)[] = [];
  let head = 0;
  /** When this turn's request work began (null: none yet); the check phase at the turn's end clears it. */
  let turnStarted: number | null = null;
  let ticking = false;

  const waiting = () => head < queue.length;
  const accepting = () => acceptedNow || acceptedBefore;
  const hasTime = () => turnStarted === null || now() - turnStarted < (accepting() ? acceptingTurnMs : turnMs);

  function beginTurn(): void {
    if (turnStarted !== null) return;
    turnStarted = now();
    if (!ticking) {
      ticking = true;
      setImmediate(tick);
    }
  }

  /** The end of a turn (setImmediate: the loop's check phase): the next turn starts with the oldest waiting. */
  function tick(): void {
    ticking = false;
    turnStarted = null;
    acceptedBefore = acceptedNow;
    acceptedNow = false;
    if (waiting()) {
      beginTurn();
      startNext();
    } else if (acceptedBefore) {
      // Nothing to run, but the next turn's end must still see whether connections stopped arriving.
      ticking = true;
      setImmediate(tick);
    }
  }

  /**
   * Starts the oldest waiting request; when it settles and the turn has time left, the next. A request still
   * waiting on I/O (a body in transit, PostgreSQL) holds nothing up: the next turn starts the next one.
   */
  function startNext(): void {
    const next = shift();
    if (!next) return;
    const settled = (outcome: () => void) => {
      outcome();
      if (hasTime()) startNext();
    };
    try {
      Promise.resolve(next.start(now() - next.at)).then(
        (value) => settled(() => next.resolve(value)),
        (error: unknown) => settled(() => next.reject(error)),
      );
    } catch (error) {
      settled(() => next.reject(error));
    }
  }

  function shift(): Waiting | undefined {
    if (!waiting()) return undefined;
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

  return {
    connected(): void {
      acceptedNow = true;
      beginTurn();
    },
    accepting,
    run<T>(start: (queuedMs: number) => T | PromiseLike<T>): Promise<T> {
      if (!waiting() && hasTime()) {
        beginTurn();
        try {
          return Promise.resolve(start(0));
        } catch (error) {
          return Promise.reject(error);
        }
      }
      return new Promise<T>((resolve, reject) => {
        queue.push({ start, resolve: resolve as (value: unknown) => void, reject, at: now() });
        beginTurn();
      });
    },
  };
}
