// npm run purge [-- --dry-run]: anonymises the personal data of terms that ended more than RETENTION_DAYS ago
// (see docs/decisions/0012-childrens-data.md), and the unbound pupils no school has confirmed for as long.
// --dry-run prints what would go and changes nothing.
import { systemClock } from '../kernel/clock.ts';
import { purgeExpiredPersonalData } from '../privacy/purge.service.ts';
import { runOnDatabase } from './database-command.ts';

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== '--dry-run');
if (unknown.length > 0) {
  console.error(`clubroll: unknown argument ${unknown.join(' ')} (usage: npm run purge [-- --dry-run])`);
  process.exit(1);
}
const dryRun = args.includes('--dry-run');

// Anonymising rewrites rows: not while the server (or another script) has the SQLite database; a dry run only reads.
await runOnDatabase(async (handle, config) => {
  const report = await purgeExpiredPersonalData(handle.db, { clock: systemClock, timeZone: config.timeZone, retentionDays: config.retentionDays, dryRun });
  const { counts } = report;
  console.log(`${dryRun ? 'Would purge' : 'Purged'} personal data of terms that ended before ${report.cutoff} (RETENTION_DAYS=${config.retentionDays}) in ${handle.description}:`);
  for (const term of report.terms) console.log(`  term ${term.id} (school ${term.schoolId}) ${term.nameZh}, ended ${term.lastDay}`);
  if (report.terms.length === 0) console.log('  no term is past its retention');
  console.log(
    `  attendance marks → anonymous tallies: ${counts.marks}; enrollments: ${counts.enrollments}; lottery entries: ${counts.lotteryEntries}; notifications: ${counts.notifications}; expired invitations: ${counts.invites}; pupils who left (unbound, unconfirmed since the cutoff): ${counts.pupils}`,
  );
}, { lock: dryRun ? undefined : { holder: 'npm run purge', refusal: 'nothing purged' } });
