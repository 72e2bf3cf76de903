// npm run lottery:verify -- <exported.json> <seed>: recomputes a published draw and says, offering by offering,
// whether the school's result is the one the seed, the frozen entries and the public value give.
import { readFileSync } from 'node:fs';
import { verifyExport } from './export.ts';

const [file, seed] = process.argv.slice(2);
if (!file || !seed) {
  console.error('usage: npm run lottery:verify -- <exported.json> <seed (64 hex digits, shown on the lottery page after the draw)>');
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  console.error(`cannot read ${file}: ${(error as Error).message}`);
  process.exit(2);
}
const verdict = verifyExport(text, seed.trim().toLowerCase());
const problems = {
  format: 'this is not a Clubroll lottery export',
  commitment: 'the seed does not match the commitment published when the window opened',
  entries_hash: 'the entry list does not match the hash published when the window closed',
  not_drawn: 'the draw has not been run yet (no public value and no results in this export)',
  mismatch: 'the published result differs from the recomputed draw',
  inconsistent: 'the published result does not fit the frozen list (seats beyond those frozen, or unknown entries)',
};
if (verdict.ok) {
  for (const offering of verdict.offerings) console.log(`✓ ${offering.code}: matches`);
  console.log('✓ every offering seats no more than its frozen seats');
  console.log(`OK: all ${verdict.offerings.length} offerings match the recomputed draw.`);
  process.exit(0);
}
if (verdict.problem === 'inconsistent') for (const problem of verdict.inconsistencies) console.log(`✗ ${problem}`);
for (const offering of 'offerings' in verdict ? (verdict.offerings ?? []) : []) {
  if (offering.matches) console.log(`✓ ${offering.code}: matches`);
  else console.log(`✗ ${offering.code}: published ${JSON.stringify(offering.published)}, recomputed ${JSON.stringify(offering.expected)}`);
}
console.log(`NOT VERIFIED: ${problems[verdict.problem]}.`);
process.exit(1);
