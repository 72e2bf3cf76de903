import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slotsOverlap } from '../kernel/slots.ts';
import { type DrawEntry, type DrawOffering, allocate, commitmentOf, drawKey, normalisePublicValue, randomStream, runDraw, sha256Hex, shuffle } from './draw.policy.ts';

// Fixed vectors, cross-checked with an independent Python implementation (hashlib + hmac) of the same construction.
const SEED = `${'00'.repeat(31)}01`;
const ENTRIES_HASH = sha256Hex('[]');
const PUBLIC_VALUE = '2026-12-15 双色球 03 07 12 19 25 31 + 09';

describe('the published construction', () => {
  it('commits to the seed with SHA-256', () => {
    expect(commitmentOf(SEED)).toBe('ec4916dd28fc4c10d78e287ca5d9cc51ee1ae73cbfde08c6b37324cbfaac8bc5');
  });

  it('derives the key from seed, entry-list hash and public value', () => {
    expect(drawKey(SEED, ENTRIES_HASH, PUBLIC_VALUE).toString('hex')).toBe('d98e5502294e3137cbad4d0b828e4977b80bea13d8f73f02cd6025f47c043fdf');
    // Typing the public value with extra spaces gives the same key.
    expect(drawKey(SEED, ENTRIES_HASH, `  ${PUBLIC_VALUE.replace(/ /g, '  ')} `).equals(drawKey(SEED, ENTRIES_HASH, PUBLIC_VALUE))).toBe(true);
    expect(normalisePublicValue(' a \t b ')).toBe('a b');
  });

  it('streams HMAC-SHA-256 counter blocks as big-endian uint32s', () => {
    const stream = randomStream(drawKey(SEED, ENTRIES_HASH, PUBLIC_VALUE));
    expect([stream.nextUint32(), stream.nextUint32(), stream.nextUint32()]).toEqual([765652898, 872143673, 3658113850]);
  });

  it('shuffles with Fisher–Yates and rejection sampling', () => {
    expect(shuffle([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], drawKey(SEED, ENTRIES_HASH, PUBLIC_VALUE))).toEqual([10, 7, 1, 8, 4, 5, 2, 3, 6, 9]);
  });

  it('gives a different order for a different public value', () => {
    const key = drawKey(SEED, ENTRIES_HASH, '2026-12-15 双色球 03 07 12 19 25 31 + 10');
    expect(shuffle([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], key)).not.toEqual([10, 7, 1, 8, 4, 5, 2, 3, 6, 9]);
  });
});

const monday = (startsAt: string, endsAt: string) => ({ weekday: 1, startsAt, endsAt });

describe('random serial dictatorship in rounds', () => {
  const offerings: DrawOffering[] = [
    { code: 'A', seats: 1, slots: [monday('16:00', '17:00')] },
    { code: 'B', seats: 2, slots: [monday('16:30', '17:30')] }, // overlaps A
    { code: 'C', seats: 2, slots: [{ weekday: 3, startsAt: '16:00', endsAt: '17:00' }] },
  ];

  it('lets each entry in order take its best available choice, one per round, and waitlists the rest', () => {
    const entries: DrawEntry[] = [
      { entry: 1, choices: ['A', 'C'], limit: 2, busy: [] },
      { entry: 2, choices: ['A', 'B', 'C'], limit: 2, busy: [] },
      { entry: 3, choices: ['C'], limit: 1, busy: [] },
    ];
    const result = allocate(offerings, entries, [2, 1, 3]);
    // Round 1: 2 takes A; 1 finds A full and takes C; 3 takes C (last seat). Round 2: 2 skips B (clashes with A)
    // and finds C full; 1 has nothing left. 1 waits for A; 2 waits for C (B clashes).
    expect(result.seats).toEqual({ A: [2], B: [], C: [1, 3] });
    expect(result.waitlists).toEqual({ A: [1], B: [], C: [2] });
  });

  it('respects what a child already has and its limit', () => {
    const entries: DrawEntry[] = [{ entry: 1, choices: ['A', 'B', 'C'], limit: 1, busy: [monday('16:45', '18:00')] }];
    expect(allocate(offerings, entries, [1]).seats).toEqual({ A: [], B: [], C: [1] });
  });

  const slot = fc.record({ weekday: fc.integer({ min: 1, max: 2 }), start: fc.integer({ min: 15, max: 17 }) }).map(({ weekday, start }) => ({ weekday, startsAt: `${start}:00`, endsAt: `${start + 1}:00` }));
  const scenario = fc
    .record({
      offerings: fc.array(fc.record({ seats: fc.integer({ min: 0, max: 4 }), slots: fc.array(slot, { minLength: 1, maxLength: 2 }) }), { minLength: 1, maxLength: 6 }),
      entries: fc.array(
        fc.record({ choices: fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 4 }), limit: fc.integer({ min: 1, max: 3 }), busy: fc.array(slot, { maxLength: 1 }) }),
        { maxLength: 25 },
      ),
      seed: fc.uint8Array({ minLength: 32, maxLength: 32 }),
    })
    .map(({ offerings: made, entries: wanted, seed }) => {
      const offerings = made.map((offering, index) => ({ code: `O${index}`, ...offering }));
      const entries = wanted.map((entry, index) => ({
        entry: index + 1,
        choices: [...new Set(entry.choices.filter((choice) => choice < offerings.length).map((choice) => `O${choice}`))],
        limit: entry.limit,
        busy: entry.busy,
      }));
      return { offerings, entries, seed: Buffer.from(seed).toString('hex') };
    });

  it('never breaks capacity, time clashes or limits, and seats go only to those who asked', () => {
    fc.assert(
      fc.property(scenario, ({ offerings, entries, seed }) => {
        const result = runDraw({ seed, entriesHash: ENTRIES_HASH, publicValue: 'x', offerings, entries });
        expect([...result.order].sort((a, b) => a - b)).toEqual(entries.map((entry) => entry.entry));
        for (const offering of offerings) {
          expect(result.seats[offering.code]!.length).toBeLessThanOrEqual(offering.seats);
          expect(new Set(result.waitlists[offering.code]).size).toBe(result.waitlists[offering.code]!.length);
          // Nobody waits for a seat that was left free.
          if (result.seats[offering.code]!.length < offering.seats) expect(result.waitlists[offering.code]).toEqual([]);
        }
        for (const entry of entries) {
          const got = offerings.filter((offering) => result.seats[offering.code]!.includes(entry.entry));
          const waits = offerings.filter((offering) => result.waitlists[offering.code]!.includes(entry.entry));
          expect(got.length + waits.length).toBeLessThanOrEqual(entry.limit);
          for (const offering of [...got, ...waits]) expect(entry.choices).toContain(offering.code);
          const slots = [...entry.busy, ...[...got, ...waits].flatMap((offering) => offering.slots)];
          for (let i = 0; i < slots.length; i++) for (let j = i + 1; j < slots.length; j++) {
            const sameOffering = [...got, ...waits].some((offering) => offering.slots.includes(slots[i]!) && offering.slots.includes(slots[j]!));
            if (!sameOffering) expect(slotsOverlap(slots[i]!, slots[j]!)).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same inputs give the same result', () => {
    fc.assert(
      fc.property(scenario, ({ offerings, entries, seed }) => {
        const input = { seed, entriesHash: ENTRIES_HASH, publicValue: 'x', offerings, entries };
        expect(runDraw(input)).toEqual(runDraw(input));
      }),
      { numRuns: 50 },
    );
  });

  it('is fair: with identical preferences every child gets its first choice equally often (10,000 draws)', () => {
    const children = 8;
    const offerings: DrawOffering[] = [
      { code: 'HOT', seats: 2, slots: [monday('16:00', '17:00')] },
      { code: 'WARM', seats: 3, slots: [{ weekday: 2, startsAt: '16:00', endsAt: '17:00' }] },
    ];
    const entries = Array.from({ length: children }, (_, index) => ({ entry: index + 1, choices: ['HOT', 'WARM'], limit: 1, busy: [] }));
    const firsts = new Array<number>(children + 1).fill(0);
    const draws = 10_000;
    for (let draw = 0; draw < draws; draw++) {
      const seed = sha256Hex(`fairness-${draw}`);
      for (const winner of runDraw({ seed, entriesHash: ENTRIES_HASH, publicValue: 'x', offerings, entries }).seats.HOT!) firsts[winner]! += 1;
    }
    const chances = firsts.slice(1).map((count) => count / draws);
    const expected = 2 / children;
    for (const chance of chances) expect(Math.abs(chance - expected)).toBeLessThan(0.02);
    expect(Math.max(...chances) - Math.min(...chances)).toBeLessThan(0.02);
  });
});
