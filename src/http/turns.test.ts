import { describe, expect, it } from 'vitest';
import { createTurns } from './turns.ts';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('request turns', () => {
  it('starts requests in arrival order and says how long each waited', async () => {
    let clock = 100;
    const turns = createTurns({ now: () => clock });
    const started: string[] = [];
    const waits: number[] = [];
    const runs = ['a', 'b', 'c'].map((name, i) =>
      turns.run(async (queuedMs) => {
        started.push(name);
        waits.push(queuedMs);
        return `${name}${i}`;
      }),
    );
    clock = 130;
    expect(await Promise.all(runs)).toEqual(['a0', 'b1', 'c2']);
    expect(started).toEqual(['a', 'b', 'c']);
    expect(waits).toEqual([30, 30, 30]);
  });

  it('stops starting requests once a turn has used its time, and goes on in the next turns', async () => {
    let clock = 0;
    const turns = createTurns({ turnMs: 1, now: () => clock });
    const started: number[] = [];
    const runs = Array.from({ length: 5 }, (_, i) =>
      turns.run(() => {
        started.push(i);
        clock += 0.6; // each request's synchronous work
        return i;
      }),
    );
    await nextTurn();
    expect(started).toEqual([0, 1]); // 0.6 ms, then 1.2 ms: the turn is over
    await nextTurn();
    expect(started).toEqual([0, 1, 2, 3]);
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
  });

  it('fails only the request whose work threw, and the next ones still run', async () => {
    const turns = createTurns();
    const failing = turns.run(() => {
      throw new Error('broken');
    });
    const rejected = turns.run(() => Promise.reject(new Error('refused')));
    const fine = turns.run(() => 'ok');
    await expect(failing).rejects.toThrow('broken');
    await expect(rejected).rejects.toThrow('refused');
    expect(await fine).toBe('ok');
  });

  it('takes a request queued from inside another one in a later turn', async () => {
    const turns = createTurns();
    const order: string[] = [];
    const inner: Promise<string>[] = [];
    const outer = turns.run(() => {
      order.push('outer');
      inner.push(turns.run(() => (order.push('inner'), 'inner')));
      return 'outer';
    });
    expect(await outer).toBe('outer');
    expect(await inner[0]).toBe('inner');
    expect(order).toEqual(['outer', 'inner']);
  });

  it('counts the work after a request\'s first await in its turn, and lets one still waiting hold nothing up', async () => {
    let clock = 0;
    const turns = createTurns({ turnMs: 1, now: () => clock });
    const started: string[] = [];
    let finishBody!: () => void;
    const slow = turns.run(async () => {
      started.push('slow');
      await new Promise<void>((resolve) => (finishBody = resolve)); // a body still arriving
      return 'slow';
    });
    const quick = ['a', 'b', 'c'].map((name) =>
      turns.run(async () => {
        started.push(name);
        await Promise.resolve();
        clock += 0.7; // the work after the first await
        return name;
      }),
    );
    await nextTurn();
    expect(started).toEqual(['slow']); // still waiting, but the next turn goes on
    await nextTurn();
    expect(started).toEqual(['slow', 'a', 'b']); // a's work left time for b; b's used the turn up
    await nextTurn();
    expect(started).toEqual(['slow', 'a', 'b', 'c']);
    finishBody();
    expect(await slow).toBe('slow');
    expect(await Promise.all(quick)).toEqual(['a', 'b', 'c']);
  });
});
