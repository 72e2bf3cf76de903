// `npm run purge`: personal data of terms whose last day is more than the retention period ago. Their marks
// become anonymous tallies (notes go), their enrollments and lottery entries are deleted (an offering's seat
// counter keeps the number), leave reports of their meetings and notifications about their offerings are deleted,
// and so are long-expired invites.
// Children, guardians and accounts stay: they are the family's, and only a deletion request removes a child.
// Pupils of a school's list that no family has bound and no import, edit or promotion has confirmed since the
// cutoff have left the school: they are deleted (a bound pupil stays while its child does).
// Idempotent: a second run finds nothing left to purge.
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit.service.ts';
import { dayInZone, instantInZone } from '../kernel/calendar.ts';
import type { Clock } from '../kernel/clock.ts';
import type { Database, Day } from '../db/schema.ts';
import { inTransaction } from '../db/transaction.ts';
import { removeUnconfirmedPupils, unconfirmedPupilCount } from '../pupils/pupils.service.ts';
import { purgeEnrollments } from '../seats/seats.ts';
import { purgeCutoff } from './privacy.policy.ts';
import * as privacy from './privacy.repository.ts';

export interface PurgeCounts {
  marks: number;
  enrollments: number;
  lotteryEntries: number;
  notifications: number;
  invites: number;
  /** Unbound pupils no import, edit or promotion confirmed since the cutoff. */
  pupils: number;
}

export interface PurgeReport {
  cutoff: Day;
  dryRun: boolean;
  terms: { id: number; schoolId: number; nameZh: string; lastDay: Day }[];
  counts: PurgeCounts;
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
    const enrollmentIds = await privacy.enrollmentIdsOfOfferings(trx, offeringIds);
    const lotteryEntries = await privacy.lotteryEntryCount(trx, termIds);
    const notificationIds = (await privacy.notificationIdsAbout(trx, offeringIds, termIds)).map((row) => row.id);
    const invites = await privacy.expiredInviteCount(trx, cutoffInstant);
    const pupils = await unconfirmedPupilCount(trx, cutoffInstant);
    const counts: PurgeCounts = { marks: marks.length, enrollments: enrollmentIds.length, lotteryEntries, notifications: notificationIds.length, invites, pupils };
    const report: PurgeReport = { cutoff, dryRun: options.dryRun, terms: terms.map((term) => ({ id: term.id, schoolId: term.school_id, nameZh: term.name_zh, lastDay: term.last_day })), counts };
    const nothing = Object.values(counts).every((count) => count === 0);
    if (options.dryRun || nothing) return report;

    await privacy.addToTallies(trx, marks);
    await privacy.deleteMarksOfOfferings(trx, offeringIds);
    await privacy.deleteAbsenceReportsOfOfferings(trx, offeringIds);
    await purgeEnrollments(trx, enrollmentIds);
    await privacy.deleteLotteryEntriesOfTerms(trx, termIds);
    await privacy.deleteNotifications(trx, notificationIds);
    await privacy.deleteExpiredInvites(trx, cutoffInstant);
    await removeUnconfirmedPupils(trx, cutoffInstant);
    // One event for the run, in the district's log; ids and counts only, no names.
    await recordAudit(trx, { actorId: null, action: 'privacy.purged', subjectType: 'term', subjectId: termIds.join(',') || '-', schoolId: null, detail: { cutoff, terms: termIds, ...counts } }, now);
    return report;
  });
}
