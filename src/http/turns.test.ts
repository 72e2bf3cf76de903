import { describe, expect, it } from 'vitest';
import { createTurns } from './turns.ts';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('request turns', () => {
  it('runs a request at once while the turn has time, without a wait', async () => {
    const turns = createTurns({ now: () => 0 });
    const waits: number[] = [];
    const answers = ['a', 'b'].map((name) => turns.run((queuedMs) => (waits.push(queuedMs), name)));
    expect(waits).toEqual([0, 0]); // both started before anything was awaited
    expect(await Promise.all(answers)).toEqual(['a', 'b']);
  });

  it('makes later arrivals wait for the next turns, in arrival order, and says how long they waited', async () => {
    let clock = 0;
    const turns = createTurns({ turnMs: 1, now: () => clock });
    const started: string[] = [];
    const waits: number[] = [];
    const work = (name: string) => (queuedMs: number) => {
      started.push(name);
      waits.push(queuedMs);
      clock += 0.6;
      return name;
    };
    const runs = ['a', 'b', 'c', 'd', 'e'].map((name) => turns.run(work(name)));
    expect(started).toEqual(['a', 'b']); // 0.6 ms, then 1.2 ms: the turn has used its time
    await nextTurn();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    await nextTurn();
    expect(started).toEqual(['a', 'b', 'c', 'd', 'e']);
    // c, d and e arrived at 1.2 ms and started at 1.2, 1.8 and 2.4 ms.
    expect(waits.map((ms) => Math.round(ms * 10) / 10)).toEqual([0, 0, 0, 0.6, 1.2]);
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('keeps turns short while connections are being accepted, and long again once they stop', async () => {
    let clock = 0;
    const turns = createTurns({ turnMs: 2, acceptingTurnMs: 0.5, now: () => clock });
    const started: string[] = [];
    const work = (name: string) => () => {
      started.push(name);
      clock += 0.6;
      return name;
    };
    const arrive = (names: string[]) => names.map((name) => turns.run(work(name)));
    turns.connected();
    const runs = arrive(['a', 'b', 'c']);
    expect(started).toEqual(['a']); // 0.6 ms used the short turn up
    await nextTurn();
    expect(started).toEqual(['a', 'b']); // accepted in the turn before: still short
    await nextTurn();
    expect(started).toEqual(['a', 'b', 'c']);
    await nextTurn(); // a turn with no new connection
    runs.push(...arrive(['d', 'e', 'f', 'g']));
    expect(started).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']); // 2 ms turns again: all four at once
    expect(await Promise.all(runs)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  });

  it('says connections are arriving in the turn one was accepted and the next, and not after, even with no requests', async () => {
    const turns = createTurns();
    expect(turns.accepting()).toBe(false);
    turns.connected();
    expect(turns.accepting()).toBe(true);
    await nextTurn();
    expect(turns.accepting()).toBe(true);
    await nextTurn();
    expect(turns.accepting()).toBe(false);
    await nextTurn();
    expect(turns.accepting()).toBe(false);
  });

  it("counts the work after a request's first await in its turn, and lets one still waiting hold nothing up", async () => {
    let clock = 0;
    const turns = createTurns({ turnMs: 1, now: () => clock });
    const started: string[] = [];
    let finishBody!: () => void;
    const slow = turns.run(async () => {
      started.push('slow');
      await new Promise<void>((resolve) => (finishBody = resolve)); // a body still arriving
      return 'slow';
    });
    clock += 1; // the slow request's synchronous start used the turn up
    const quick = ['a', 'b', 'c'].map((name) =>
      turns.run(async () => {
        started.push(name);
        await Promise.resolve();
        clock += 0.7; // the work after the first await
        return name;
      }),
    );
    expect(started).toEqual(['slow']);
    await nextTurn();
    expect(started).toEqual(['slow', 'a', 'b']); // a's work left time for b; b's used the turn up
    await nextTurn();
    expect(started).toEqual(['slow', 'a', 'b', 'c']);
    finishBody();
    expect(await slow).toBe('slow');
    expect(await Promise.all(quick)).toEqual(['a', 'b', 'c']);
  });

  it('fails only the request whose work threw, and the next ones still run', async () => {
    let clock = 0;
    const turns = createTurns({ now: () => clock });
    const failing = turns.run(() => {
      clock += 5;
      throw new Error('broken');
    });
    const waitedThenThrew = turns.run(() => {
      throw new Error('broken too');
    });
    const rejected = turns.run(() => Promise.reject(new Error('refused')));
    const fine = turns.run(() => 'ok');
    await expect(failing).rejects.toThrow('broken');
    await expect(waitedThenThrew).rejects.toThrow('broken too');
    await expect(rejected).rejects.toThrow('refused');
    expect(await fine).toBe('ok');
  });

  it('runs a request queued from inside another one after it', async () => {
    let clock = 0;
    const turns = createTurns({ now: () => clock });
    const order: string[] = [];
    const inner: Promise<string>[] = [];
    const outer = turns.run(() => {
      order.push('outer');
      clock += 5;
      inner.push(turns.run(() => (order.push('inner'), 'inner')));
      return 'outer';
    });
    expect(await outer).toBe('outer');
    expect(await inner[0]).toBe('inner');
    expect(order).toEqual(['outer', 'inner']);
  });
});
