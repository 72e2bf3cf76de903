// `npm run purge`: personal data of terms whose last day is more than the retention period ago. Their marks
// become anonymous tallies (notes go), their enrollments and lottery entries are deleted (an offering's seat
// counter keeps the number), notifications about their offerings are deleted, and so are long-expired invites.
// Children, guardians and accounts stay: they are the family's, and only a deletion request removes a child.
// Idempotent: a second run finds nothing left to purge.
import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.service.ts';
import { dayInZone, instantInZone } from '../kernel/calendar.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Database, Day } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { purgeEnrollments } from '../seats/seats.ts';
import { purgeCutoff } from './privacy.policy.ts';
import * as privacy from './privacy.repository.ts';

export interface PurgeCounts {
  marks: number;
  enrollments: number;
  lotteryEntries: number;
  notifications: number;
  invites: number;
}

export interface PurgeReport {
  cutoff: Day;
  dryRun: boolean;
  terms: { id: number; schoolId: number; nameZh: string; lastDay: Day }[];
  counts: PurgeCounts;
}

const CHUNK = 500;

async function deleteIn(trx: Transaction<Database>, table: 'notifications', ids: readonly number[]) {
  for (let start = 0; start < ids.length; start += CHUNK) await trx.deleteFrom(table).where('id', 'in', ids.slice(start, start + CHUNK)).execute();
}

export async function purgeExpiredPersonalData(db: Kysely<Database>, options: { clock: Clock; timeZone: string; retentionDays: number; dryRun: boolean }): Promise<PurgeReport> {
  const now = options.clock.now();
  const cutoff = purgeCutoff(dayInZone(now, options.timeZone), options.retentionDays);
  const cutoffInstant = instantInZone(cutoff, '00:00', options.timeZone).toISOString();

  return inTransaction(db, async (trx) => {
    const terms = await privacy.termsEndedBefore(trx, cutoff);
    const termIds = terms.map((term) => term.id);
    const offeringIds = (await privacy.offeringIdsOfTerms(trx, termIds)).map((row) => row.id);
    const marks = await privacy.marksOfOfferings(trx, offeringIds);
    const enrollmentIds =
      offeringIds.length === 0 ? [] : (await trx.selectFrom('enrollments').select('id').where('offering_id', 'in', offeringIds).execute()).map((row) => row.id);
    const lotteryEntries = termIds.length === 0 ? 0 : Number((await trx.selectFrom('lottery_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('term_id', 'in', termIds).executeTakeFirstOrThrow()).n);
    const notificationIds = (await privacy.notificationIdsAbout(trx, offeringIds, termIds)).map((row) => row.id);
    const invites = Number((await trx.selectFrom('guardian_invites').select((eb) => eb.fn.countAll<number>().as('n')).where('expires_at', '<', cutoffInstant).executeTakeFirstOrThrow()).n);
    const counts: PurgeCounts = { marks: marks.length, enrollments: enrollmentIds.length, lotteryEntries, notifications: notificationIds.length, invites };
    const report: PurgeReport = { cutoff, dryRun: options.dryRun, terms: terms.map((term) => ({ id: term.id, schoolId: term.school_id, nameZh: term.name_zh, lastDay: term.last_day })), counts };
    const nothing = Object.values(counts).every((count) => count === 0);
    if (options.dryRun || nothing) return report;

    await privacy.addToTallies(trx, marks);
    for (let start = 0; start < offeringIds.length; start += CHUNK) {
      const chunk = offeringIds.slice(start, start + CHUNK);
      await trx.deleteFrom('attendance_marks').where('meeting_id', 'in', trx.selectFrom('meetings').select('id').where('offering_id', 'in', chunk)).execute();
    }
    await purgeEnrollments(trx, enrollmentIds);
    if (termIds.length > 0) await trx.deleteFrom('lottery_entries').where('term_id', 'in', termIds).execute();
    await deleteIn(trx, 'notifications', notificationIds);
    await trx.deleteFrom('guardian_invites').where('expires_at', '<', cutoffInstant).execute();
    // One event for the run, in the district's log; ids and counts only, no names.
    await recordAudit(trx, { actorId: null, action: 'privacy.purged', subjectType: 'term', subjectId: termIds.join(',') || '-', schoolId: null, detail: { cutoff, terms: termIds, ...counts } }, now);
    return report;
  });
}
