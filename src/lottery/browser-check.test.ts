// The in-page verifier (static/lottery-check.js, WebCrypto) and `npm run lottery:verify` (verifyExport, node:crypto)
// give the same verdict on the same export: a true draw, a tampered result, a wrong seed, a changed entry list.
import { readFileSync } from 'node:fs';
import { webcrypto } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commitmentOf, runDraw, sha256Hex, type DrawEntry, type DrawOffering } from './draw.policy.ts';
import { type LotteryExport, frozenEntriesText, resultsByOffering, verifyExport, withoutSkipped } from './export.ts';

type BrowserVerdict = { ok: boolean; problem?: string; offerings?: { code: string; matches: boolean; expected?: unknown; published?: unknown }[]; inconsistencies?: { kind: string }[] };

function loadBrowserCheck(): (text: string, seed: string) => Promise<BrowserVerdict> {
  const source = readFileSync(new URL('../../static/lottery-check.js', import.meta.url), 'utf8');
  // Node's WebCrypto checks its arguments against this realm's buffer types, so the script sees them too.
  const sandbox: Record<string, unknown> = { TextEncoder, Map, Set, ArrayBuffer, DataView, Uint8Array };
  sandbox.globalThis = sandbox;
  runInNewContext(source, sandbox);
  const check = sandbox.ClubrollLotteryCheck as { verify(text: string, seed: string, subtle: unknown): Promise<BrowserVerdict> };
  return (text, seed) => check.verify(text, seed, webcrypto.subtle);
}

const browserVerify = loadBrowserCheck();

const SEED = 'a1'.repeat(32);
const OTHER_SEED = 'b2'.repeat(32);
const PUBLIC_VALUE = '05 11 17 23 29 33 12';

function makeExport(offerings: DrawOffering[], entries: DrawEntry[], options: { skipped?: number[]; publicValue?: string } = {}): LotteryExport {
  const commitment = commitmentOf(SEED);
  const text = frozenEntriesText({ school: 'hazel', termId: 1, commitment, publicValueSource: { zh: '双色球', en: 'Double Colour Ball' }, offerings: offerings.map((offering) => ({ ...offering, title: `课程 ${offering.code}` })), entries });
  const entriesHash = sha256Hex(text);
  const publicValue = options.publicValue ?? PUBLIC_VALUE;
  const frozen = JSON.parse(text) as { offerings: DrawOffering[]; entries: DrawEntry[] };
  const drawn = runDraw({ seed: SEED, entriesHash, publicValue, offerings: frozen.offerings, entries: frozen.entries });
  const skipped = options.skipped ?? [];
  return { format: 'clubroll-lottery-export', algorithmVersion: 1, commitment, entries: text, entriesHash, publicValue, results: withoutSkipped(resultsByOffering(drawn), skipped), skippedEntries: skipped };
}

const monday = (startsAt: string, endsAt: string) => ({ weekday: 1, startsAt, endsAt });
const OFFERINGS: DrawOffering[] = [
  { code: 'ROB', seats: 2, slots: [monday('16:00', '17:00')] },
  { code: 'SCR', seats: 1, slots: [monday('16:30', '17:30')] },
  { code: 'CUBE', seats: 3, slots: [{ weekday: 3, startsAt: '16:00', endsAt: '17:00' }] },
];
const ENTRIES: DrawEntry[] = Array.from({ length: 12 }, (_, index) => ({
  entry: index + 1,
  choices: [['ROB', 'SCR', 'CUBE'], ['SCR', 'CUBE'], ['CUBE', 'ROB'], ['ROB']][index % 4]!,
  limit: 1 + (index % 2),
  busy: index === 5 ? [monday('16:15', '16:45')] : [],
}));

/** The CLI's verdict reduced to what both report. */
function summary(verdict: ReturnType<typeof verifyExport> | BrowserVerdict) {
  const offerings = 'offerings' in verdict && verdict.offerings ? verdict.offerings.map((offering) => ({ code: offering.code, matches: offering.matches, ...('expected' in offering && !verdict.ok ? { expected: offering.expected, published: offering.published } : {}) })) : undefined;
  const inconsistent = 'inconsistencies' in verdict && verdict.inconsistencies ? verdict.inconsistencies.length : undefined;
  return { ok: verdict.ok, problem: 'problem' in verdict ? verdict.problem : undefined, offerings, inconsistent };
}

async function bothSay(exported: LotteryExport | string, seed: string) {
  const text = typeof exported === 'string' ? exported : JSON.stringify(exported);
  const cli = summary(verifyExport(text, seed));
  const page = summary(await browserVerify(text, seed));
  expect(page).toEqual(cli);
  return page;
}

describe('the in-page check agrees with npm run lottery:verify', () => {
  it('says a true draw matches, offering by offering', async () => {
    const said = await bothSay(makeExport(OFFERINGS, ENTRIES), SEED);
    expect(said.ok).toBe(true);
    expect(said.offerings?.map((offering) => offering.code)).toEqual(['CUBE', 'ROB', 'SCR']);
  });

  it('names the offering whose published seats were changed', async () => {
    const exported = makeExport(OFFERINGS, ENTRIES);
    const rob = exported.results!.ROB!;
    const outsider = ENTRIES.map((entry) => entry.entry).find((entry) => !rob.seats.includes(entry))!;
    exported.results!.ROB = { seats: [outsider, ...rob.seats.slice(1)], waitlist: rob.waitlist.filter((entry) => entry !== outsider).concat(rob.seats[0]!) };
    const said = await bothSay(exported, SEED);
    expect(said.problem).toBe('mismatch');
    expect(said.offerings?.filter((offering) => !offering.matches).map((offering) => offering.code)).toEqual(['ROB']);
  });

  it('refuses a wrong seed, a changed entry list, an unknown entry and a file that is not an export', async () => {
    const exported = makeExport(OFFERINGS, ENTRIES);
    expect((await bothSay(exported, OTHER_SEED)).problem).toBe('commitment');
    expect((await bothSay(exported, 'not hex')).problem).toBe('commitment');
    expect((await bothSay({ ...exported, entries: exported.entries.replace('"limit": 1', '"limit": 2') }, SEED)).problem).toBe('entries_hash');
    expect((await bothSay({ ...exported, results: { ...exported.results!, SCR: { seats: [99], waitlist: [] } } }, SEED)).problem).toBe('inconsistent');
    expect((await bothSay({ ...exported, results: { ...exported.results!, CUBE: { seats: [1, 2, 3, 4], waitlist: [] } } }, SEED)).problem).toBe('inconsistent');
    expect((await bothSay({ ...exported, publicValue: null, results: null }, SEED)).problem).toBe('not_drawn');
    expect((await bothSay('{"format":"something else"}', SEED)).problem).toBe('format');
    expect((await bothSay('not json', SEED)).problem).toBe('format');
  });

  it('applies skipped entries the same way', async () => {
    expect((await bothSay(makeExport(OFFERINGS, ENTRIES, { skipped: [2, 7] }), SEED)).ok).toBe(true);
    const unskipped = { ...makeExport(OFFERINGS, ENTRIES, { skipped: [2, 7] }), skippedEntries: [] };
    expect((await bothSay(unskipped, SEED)).ok).toBe(false);
  });

  it('agrees on random lotteries, public values with odd spacing included', async () => {
    const codes = ['A', 'B', 'C', 'D'];
    const slot = fc.record({ weekday: fc.integer({ min: 1, max: 5 }), startsAt: fc.constantFrom('15:00', '16:00', '16:30'), endsAt: fc.constantFrom('17:00', '17:30') });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ seats: fc.integer({ min: 0, max: 4 }), slots: fc.array(slot, { maxLength: 2 }) }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.record({ choices: fc.uniqueArray(fc.constantFrom(...codes), { maxLength: 4 }), limit: fc.integer({ min: 0, max: 3 }), busy: fc.array(slot, { maxLength: 1 }) }), { maxLength: 25 }),
        fc.constantFrom(PUBLIC_VALUE, ` 05  11 17 23 29 33\t12 `),
        async (offerings, entries, publicValue) => {
          const exported = makeExport(
            offerings.map((offering, index) => ({ code: codes[index]!, ...offering })),
            entries.map((entry, index) => ({ entry: index + 1, ...entry })),
            { publicValue },
          );
          expect((await bothSay(exported, SEED)).ok).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });
});
