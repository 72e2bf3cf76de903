// The lottery draw, exactly as published (algorithm version 1), so anyone can recompute it from the export:
//
//   commitment   = SHA-256(seed)                                   published when the window opens
//   entriesHash  = SHA-256(UTF-8 bytes of the frozen export text)  published when the window closes
//   key          = SHA-256(seed ‖ entriesHash ‖ UTF-8(publicValue)) at the draw (public value named in advance)
//   stream       = HMAC-SHA-256(key, counter as 8-byte big-endian), counter 0, 1, 2 …; read as big-endian uint32s
//   below(n)     = rejection sampling: draw u until u < ⌊2³² / n⌋·n, answer u mod n
//   order        = Fisher–Yates over the entries sorted by entry number: for i = n−1 … 1, swap(i, below(i + 1))
//   allocation   = random serial dictatorship in rounds: in each round every entry, in order, takes its
//                  highest-ranked remaining choice that still has a seat, does not overlap in time with what it
//                  already has, while it is under its limit; a choice that is full or clashes is dropped for
//                  good. Rounds repeat until a round allocates nothing.
//   waitlists    = then, in draw order, each entry joins the waitlists of the choices it did not get, in rank
//                  order, under the rules of enrolling: no overlap with what it holds or awaits, and no more
//                  offerings held or awaited than its limit.
//
// Pure: bytes and data in, a result out. No clock, no database.
import { createHash, createHmac } from 'node:crypto';
import { type WeeklySlot, slotsOverlap } from '../kernel/slots.ts';

export const ALGORITHM_VERSION = 1;

export interface DrawOffering {
  code: string;
  seats: number;
  slots: WeeklySlot[];
}

export interface DrawEntry {
  /** Anonymous, public: 1, 2, 3 … in the order entries were first made. */
  entry: number;
  /** Offering codes, first choice first. */
  choices: string[];
  /** How many more offerings this child may have this term. */
  limit: number;
  /** Weekly slots the child already has this term (nothing may overlap them). */
  busy: WeeklySlot[];
}

export interface DrawResult {
  /** Entry numbers in draw order. */
  order: number[];
  /** Per offering code: entry numbers given a seat, in the order they took it. */
  seats: Record<string, number[]>;
  /** Per offering code: entry numbers waitlisted, in draw order. */
  waitlists: Record<string, number[]>;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** What the school publishes when the window opens. */
export function commitmentOf(seedHex: string): string {
  return sha256Hex(Buffer.from(seedHex, 'hex'));
}

export function drawKey(seedHex: string, entriesHashHex: string, publicValue: string): Buffer {
  return createHash('sha256')
    .update(Buffer.from(seedHex, 'hex'))
    .update(Buffer.from(entriesHashHex, 'hex'))
    .update(Buffer.from(normalisePublicValue(publicValue), 'utf8'))
    .digest();
}

/** Trimmed, inner whitespace collapsed, Unicode NFC: the same value typed twice gives the same key. */
export function normalisePublicValue(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** A deterministic stream of uniform integers from a key. */
export function randomStream(key: Buffer) {
  let counter = 0n;
  let block = Buffer.alloc(0);
  let offset = 0;
  function nextUint32(): number {
    if (offset + 4 > block.length) {
      const counterBytes = Buffer.alloc(8);
      counterBytes.writeBigUInt64BE(counter++);
      block = createHmac('sha256', key).update(counterBytes).digest();
      offset = 0;
    }
    const value = block.readUInt32BE(offset);
    offset += 4;
    return value;
  }
  return {
    nextUint32,
    /** A uniform integer in [0, n), without modulo bias. */
    below(n: number): number {
      if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`below(${n})`);
      const limit = Math.floor(2 ** 32 / n) * n;
      for (;;) {
        const value = nextUint32();
        if (value < limit) return value % n;
      }
    },
  };
}

/** Fisher–Yates with the stream: a uniformly random permutation of the items. */
export function shuffle<T>(items: readonly T[], key: Buffer): T[] {
  const stream = randomStream(key);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = stream.below(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Random serial dictatorship in rounds over a fixed order (see the top of this file). */
export function allocate(offerings: readonly DrawOffering[], entries: readonly DrawEntry[], order: readonly number[]): Omit<DrawResult, 'order'> {
  const byCode = new Map(offerings.map((offering) => [offering.code, offering]));
  const left = new Map(offerings.map((offering) => [offering.code, offering.seats]));
  const byEntry = new Map(entries.map((entry) => [entry.entry, entry]));
  const state = new Map(
    entries.map((entry) => [entry.entry, { remaining: entry.choices.filter((code) => byCode.has(code)), got: [] as string[], busy: [...entry.busy] }]),
  );
  const seats: Record<string, number[]> = Object.fromEntries(offerings.map((offering) => [offering.code, []]));
  const clashes = (busy: readonly WeeklySlot[], code: string) => byCode.get(code)!.slots.some((slot) => busy.some((taken) => slotsOverlap(taken, slot)));

  for (let allocated = true; allocated; ) {
    allocated = false;
    for (const number of order) {
      const entry = byEntry.get(number)!;
      const child = state.get(number)!;
      if (child.got.length >= entry.limit) continue;
      while (child.remaining.length > 0) {
        const code = child.remaining.shift()!;
        if (left.get(code)! <= 0 || clashes(child.busy, code)) continue; // full or clashing: dropped for good
        left.set(code, left.get(code)! - 1);
        child.got.push(code);
        child.busy.push(...byCode.get(code)!.slots);
        seats[code]!.push(number);
        allocated = true;
        break;
      }
    }
  }

  // The rest join waitlists under the same rules as enrolling later would: in rank order, no overlap with what
  // they have or wait for, and no more offerings (held or awaited) than their limit.
  const waitlists: Record<string, number[]> = Object.fromEntries(offerings.map((offering) => [offering.code, []]));
  for (const number of order) {
    const entry = byEntry.get(number)!;
    const child = state.get(number)!;
    let held = child.got.length;
    for (const code of entry.choices) {
      if (held >= entry.limit) break;
      if (!byCode.has(code) || child.got.includes(code) || clashes(child.busy, code)) continue;
      waitlists[code]!.push(number);
      child.busy.push(...byCode.get(code)!.slots);
      held += 1;
    }
  }
  return { seats, waitlists };
}

/** The whole draw from the published inputs. */
export function runDraw(input: { seed: string; entriesHash: string; publicValue: string; offerings: readonly DrawOffering[]; entries: readonly DrawEntry[] }): DrawResult {
  const key = drawKey(input.seed, input.entriesHash, input.publicValue);
  const sorted = [...input.entries].sort((a, b) => a.entry - b.entry).map((entry) => entry.entry);
  const order = shuffle(sorted, key);
  return { order, ...allocate(input.offerings, input.entries, order) };
}
