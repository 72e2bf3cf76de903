// Kysely queries for children's data duties: everything held about one child (for the export and the erasure),
// deletion requests, anonymous attendance tallies, and the personal data of terms past their retention.
import { type Expression, type Kysely, type SqlBool, type Transaction, sql } from 'kysely';
import { isPostgres } from '../db/dialect.ts';
import type { AttendanceMark, Database, Day } from '../db/schema.ts';

const CHUNK = 500;

/** `column`'s JSON field `key` equals the number `value` (jsonb on PostgreSQL, JSON text on SQLite). */
export function jsonNumberEquals(db: Kysely<Database>, column: string, key: string, value: number): Expression<SqlBool> {
  return isPostgres(db)
    ? sql<SqlBool>`(${sql.ref(column)} ->> ${sql.lit(key)}) = ${String(value)}`
    : sql<SqlBool>`json_extract(${sql.ref(column)}, ${sql.lit(`$.${key}`)}) = ${value}`;
}

/** `column`'s JSON field `key` is one of the numbers `values`. */
function jsonNumberIn(db: Kysely<Database>, column: string, key: string, values: readonly number[]): Expression<SqlBool> {
  return isPostgres(db)
    ? sql<SqlBool>`(${sql.ref(column)} ->> ${sql.lit(key)}) in (${sql.join(values.map(String))})`
    : sql<SqlBool>`json_extract(${sql.ref(column)}, ${sql.lit(`$.${key}`)}) in (${sql.join(values)})`;
}

/** The child with its school and, when bound, the pupil of the school's list it is bound to. */
export function childWithSchool(db: Kysely<Database>, childId: number) {
  return db
    .selectFrom('children')
    .innerJoin('schools', 'schools.id', 'children.school_id')
    .leftJoin('pupils', 'pupils.id', 'children.pupil_id')
    .selectAll('children')
    .select(['schools.slug as school_slug', 'schools.name_zh as school_name_zh', 'schools.name_en as school_name_en'])
    .select(['pupils.number as pupil_number', 'pupils.name as pupil_name', 'pupils.grade as pupil_grade', 'pupils.class_name as pupil_class_name'])
    .where('children.id', '=', childId)
    .executeTakeFirst();
}

/** The child's guardians with the contacts the platform holds for them. */
export function guardiansWithContacts(db: Kysely<Database>, childId: number) {
  return db
    .selectFrom('guardianships')
    .innerJoin('users', 'users.id', 'guardianships.user_id')
    .select(['users.id as user_id', 'users.name', 'users.email', 'users.phone', 'users.lang', 'guardianships.created_at as guardian_since'])
    .where('guardianships.child_id', '=', childId)
    .orderBy('guardianships.created_at')
    .orderBy('users.id')
    .execute();
}

export function consentsOf(db: Kysely<Database>, childId: number) {
  return db.selectFrom('child_consents').select(['user_id', 'version', 'given_at']).where('child_id', '=', childId).orderBy('given_at').orderBy('id').execute();
}

export function enrollmentsOf(db: Kysely<Database>, childId: number) {
  return db
    .selectFrom('enrollments')
    .innerJoin('offerings', 'offerings.id', 'enrollments.offering_id')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .select([
      'enrollments.id',
      'enrollments.offering_id',
      'offerings.code as offering_code',
      'offerings.title_zh as offering_title_zh',
      'offerings.title_en as offering_title_en',
      'terms.id as term_id',
      'terms.name_zh as term_name_zh',
      'terms.name_en as term_name_en',
      'terms.last_day as term_last_day',
      'enrollments.status',
      'enrollments.waitlist_position',
      'enrollments.choice_rank',
      'enrollments.created_at',
      'enrollments.updated_at',
    ])
    .where('enrollments.child_id', '=', childId)
    .orderBy('terms.first_day')
    .orderBy('enrollments.id')
    .execute();
}

export function lotteryEntriesOf(db: Kysely<Database>, childId: number) {
  return db
    .selectFrom('lottery_entries')
    .innerJoin('terms', 'terms.id', 'lottery_entries.term_id')
    .select(['lottery_entries.term_id', 'terms.name_zh as term_name_zh', 'terms.name_en as term_name_en', 'lottery_entries.entry_number', 'lottery_entries.created_at'])
    .where('lottery_entries.child_id', '=', childId)
    .orderBy('lottery_entries.term_id')
    .execute();
}

export function marksOf(db: Kysely<Database>, childId: number) {
  return db
    .selectFrom('attendance_marks')
    .innerJoin('meetings', 'meetings.id', 'attendance_marks.meeting_id')
    .innerJoin('offerings', 'offerings.id', 'meetings.offering_id')
    .select([
      'attendance_marks.meeting_id',
      'meetings.offering_id',
      'offerings.title_zh as offering_title_zh',
      'offerings.title_en as offering_title_en',
      'meetings.day',
      'meetings.starts_at',
      'attendance_marks.mark',
      'attendance_marks.note',
      'attendance_marks.marked_by',
      'attendance_marks.marked_at',
      'attendance_marks.alert_state',
    ])
    .where('attendance_marks.child_id', '=', childId)
    .orderBy('meetings.day')
    .orderBy('meetings.starts_at')
    .execute();
}

/** The child's leave reports (请假) with their meetings' days. */
export function absenceReportsOf(db: Kysely<Database>, childId: number) {
  return db
    .selectFrom('absence_reports')
    .innerJoin('meetings', 'meetings.id', 'absence_reports.meeting_id')
    .select(['absence_reports.id', 'absence_reports.meeting_id', 'meetings.day', 'absence_reports.reason', 'absence_reports.reported_by', 'absence_reports.created_at'])
    .where('absence_reports.child_id', '=', childId)
    .orderBy('meetings.day')
    .orderBy('absence_reports.id')
    .execute();
}

/** Who the guardians allow to collect the child, and its emergency note. */
export function collectorsOf(db: Kysely<Database>, childId: number) {
  return db.selectFrom('child_collectors').select(['id', 'name', 'relation', 'phone', 'added_by', 'created_at']).where('child_id', '=', childId).orderBy('id').execute();
}

export function careNotesOf(db: Kysely<Database>, childId: number) {
  return db.selectFrom('child_care_notes').select(['note', 'updated_by', 'updated_at']).where('child_id', '=', childId).execute();
}

/** Every notification about the child, whoever it went to (a guardian removed since included). */
export function notificationsAbout(db: Kysely<Database>, childId: number) {
  return db
    .selectFrom('notifications')
    .select(['id', 'recipient_id', 'kind', 'payload', 'created_at', 'read_at'])
    .where(jsonNumberEquals(db, 'notifications.payload', 'childId', childId))
    .orderBy('id')
    .execute();
}

/** Invitations for a second guardian; the code's hash is a secret and stays out. */
export function invitesOf(db: Kysely<Database>, childId: number) {
  return db.selectFrom('guardian_invites').select(['id', 'created_by', 'created_at', 'expires_at', 'used_by', 'used_at']).where('child_id', '=', childId).orderBy('id').execute();
}

/** Calendar feeds; the token is a secret link and stays out. */
export function feedsOf(db: Kysely<Database>, childId: number) {
  return db.selectFrom('calendar_feeds').select(['user_id', 'created_at']).where('child_id', '=', childId).orderBy('created_at').execute();
}

export function deletionRequestsOf(db: Kysely<Database>, childId: number) {
  return db.selectFrom('deletion_requests').select(['id', 'requested_by', 'reason', 'requested_at', 'status', 'done_at']).where('child_id', '=', childId).orderBy('id').execute();
}

/** Audit events whose subject is the child, or whose detail names it. */
export function auditEventsAbout(db: Kysely<Database>, childId: number) {
  return db
    .selectFrom('audit_events')
    .select(['id', 'actor_id', 'action', 'subject_type', 'subject_id', 'detail', 'at'])
    .where((eb) => eb.or([eb.and([eb('subject_type', '=', 'child'), eb('subject_id', '=', String(childId))]), jsonNumberEquals(db, 'audit_events.detail', 'childId', childId)]))
    .orderBy('id')
    .execute();
}

export function pendingRequestOf(db: Kysely<Database>, childId: number) {
  return db.selectFrom('deletion_requests').selectAll().where('child_id', '=', childId).where('status', '=', 'pending').executeTakeFirst();
}

/** Pending requests, oldest first, of one school (a school admin) or all (the district admin), with the child's places in live terms. */
export function pendingRequests(db: Kysely<Database>, schoolId: number | undefined, today: Day) {
  let query = db
    .selectFrom('deletion_requests')
    .innerJoin('children', 'children.id', 'deletion_requests.child_id')
    .innerJoin('schools', 'schools.id', 'deletion_requests.school_id')
    .select([
      'deletion_requests.id',
      'deletion_requests.child_id',
      'deletion_requests.reason',
      'deletion_requests.requested_at',
      'deletion_requests.school_id',
      'children.name as child_name',
      'children.grade',
      'children.class_name',
      'schools.name_zh as school_name_zh',
      'schools.name_en as school_name_en',
      (eb) =>
        eb
          .selectFrom('enrollments')
          .innerJoin('offerings', 'offerings.id', 'enrollments.offering_id')
          .innerJoin('terms', 'terms.id', 'offerings.term_id')
          .whereRef('enrollments.child_id', '=', 'children.id')
          .where('enrollments.status', 'in', ['enrolled', 'waitlisted', 'requested'])
          .where('terms.last_day', '>=', today)
          .select((inner) => inner.fn.countAll<number>().as('count'))
          .as('active_enrollments'),
    ])
    .where('deletion_requests.status', '=', 'pending');
  if (schoolId !== undefined) query = query.where('deletion_requests.school_id', '=', schoolId);
  return query.orderBy('deletion_requests.requested_at').orderBy('deletion_requests.id').execute();
}

export function requestById(db: Kysely<Database>, requestId: number) {
  return db.selectFrom('deletion_requests').selectAll().where('id', '=', requestId).executeTakeFirst();
}

/** PostgreSQL: holds the row until commit, so a second execution queues up. SQLite writers are serial already. */
export async function lockRows(trx: Transaction<Database>, table: 'children' | 'deletion_requests', id: number) {
  if (isPostgres(trx)) await trx.selectFrom(table).select('id').where('id', '=', id).forUpdate().execute();
}

/** Adds marks to the anonymous per-meeting tallies (the attendance report counts them alongside named marks). */
export async function addToTallies(trx: Transaction<Database>, marks: readonly { meeting_id: number; mark: AttendanceMark }[]) {
  const counts = new Map<string, { meeting_id: number; mark: AttendanceMark; count: number }>();
  for (const one of marks) {
    const key = `${one.meeting_id}:${one.mark}`;
    const entry = counts.get(key) ?? { meeting_id: one.meeting_id, mark: one.mark, count: 0 };
    entry.count += 1;
    counts.set(key, entry);
  }
  for (const row of counts.values()) {
    await trx
      .insertInto('attendance_tallies')
      .values(row)
      .onConflict((conflict) => conflict.columns(['meeting_id', 'mark']).doUpdateSet({ count: sql`attendance_tallies.count + ${row.count}` }))
      .execute();
  }
}

/** Terms whose last day is before `cutoff`: their retention is over. */
export function termsEndedBefore(db: Kysely<Database>, cutoff: Day) {
  return db.selectFrom('terms').select(['id', 'school_id', 'name_zh', 'name_en', 'last_day']).where('last_day', '<', cutoff).orderBy('last_day').orderBy('id').execute();
}

export function offeringIdsOfTerms(db: Kysely<Database>, termIds: readonly number[]) {
  if (termIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('offerings').select('id').where('term_id', 'in', termIds).execute();
}

export function marksOfOfferings(db: Kysely<Database>, offeringIds: readonly number[]) {
  if (offeringIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('attendance_marks')
    .innerJoin('meetings', 'meetings.id', 'attendance_marks.meeting_id')
    .select(['attendance_marks.meeting_id', 'attendance_marks.child_id', 'attendance_marks.mark'])
    .where('meetings.offering_id', 'in', offeringIds)
    .execute();
}

/** Notifications about these offerings (by payload offeringId or fromOfferingId) or these terms (payload termId). */
export function notificationIdsAbout(db: Kysely<Database>, offeringIds: readonly number[], termIds: readonly number[]) {
  const conditions: Expression<SqlBool>[] = [];
  if (offeringIds.length > 0) {
    conditions.push(jsonNumberIn(db, 'notifications.payload', 'offeringId', offeringIds), jsonNumberIn(db, 'notifications.payload', 'fromOfferingId', offeringIds));
  }
  if (termIds.length > 0) conditions.push(jsonNumberIn(db, 'notifications.payload', 'termId', termIds));
  if (conditions.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('notifications')
    .select('id')
    .where((eb) => eb.or(conditions))
    .execute();
}

export function enrollmentById(trx: Transaction<Database>, enrollmentId: number) {
  return trx.selectFrom('enrollments').selectAll().where('id', '=', enrollmentId).executeTakeFirstOrThrow();
}

/** An offering as the seat owner's change context needs it: titles and school. */
export function offeringWithSchool(trx: Transaction<Database>, offeringId: number) {
  return trx
    .selectFrom('offerings')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .select(['offerings.id', 'offerings.title_zh', 'offerings.title_en', 'terms.school_id'])
    .where('offerings.id', '=', offeringId)
    .executeTakeFirstOrThrow();
}

export async function deleteMarksOf(trx: Transaction<Database>, childId: number) {
  await trx.deleteFrom('attendance_marks').where('child_id', '=', childId).execute();
}

export async function deleteNotifications(trx: Transaction<Database>, ids: readonly number[]) {
  for (let start = 0; start < ids.length; start += CHUNK) await trx.deleteFrom('notifications').where('id', 'in', ids.slice(start, start + CHUNK)).execute();
}

/** Replaces an audit event's detail (a redaction). */
export async function rewriteAuditDetail(trx: Transaction<Database>, eventId: number, detail: Record<string, unknown>) {
  await trx.updateTable('audit_events').set({ detail: JSON.stringify(detail) }).where('id', '=', eventId).execute();
}

/**
 * The child's own records other than its places: lottery entries, leave reports, collectors and emergency note,
 * invitations, feeds, consents, guardianships; its deletion requests stay, without it.
 */
export async function deleteChildRecords(trx: Transaction<Database>, childId: number): Promise<{ lotteryEntries: number; guardians: number }> {
  const lotteryEntries = await trx.deleteFrom('lottery_entries').where('child_id', '=', childId).executeTakeFirst();
  await trx.deleteFrom('absence_reports').where('child_id', '=', childId).execute();
  await trx.deleteFrom('child_collectors').where('child_id', '=', childId).execute();
  await trx.deleteFrom('child_care_notes').where('child_id', '=', childId).execute();
  await trx.deleteFrom('guardian_invites').where('child_id', '=', childId).execute();
  await trx.deleteFrom('calendar_feeds').where('child_id', '=', childId).execute();
  await trx.deleteFrom('child_consents').where('child_id', '=', childId).execute();
  const guardians = await trx.deleteFrom('guardianships').where('child_id', '=', childId).executeTakeFirst();
  await trx.updateTable('deletion_requests').set({ child_id: null, reason: null }).where('child_id', '=', childId).execute();
  return { lotteryEntries: Number(lotteryEntries.numDeletedRows), guardians: Number(guardians.numDeletedRows) };
}

/** A guardian's request; its id. */
export async function insertDeletionRequest(trx: Transaction<Database>, request: { childId: number; schoolId: number; requestedBy: number; reason: string | null; at: string }): Promise<number> {
  const row = await trx
    .insertInto('deletion_requests')
    .values({ child_id: request.childId, school_id: request.schoolId, requested_by: request.requestedBy, reason: request.reason, requested_at: request.at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function markRequestDone(trx: Transaction<Database>, requestId: number, doneBy: number, at: string) {
  await trx.updateTable('deletion_requests').set({ status: 'done', done_at: at, done_by: doneBy }).where('id', '=', requestId).execute();
}

// The retention purge.

export async function enrollmentIdsOfOfferings(trx: Transaction<Database>, offeringIds: readonly number[]): Promise<number[]> {
  if (offeringIds.length === 0) return [];
  return (await trx.selectFrom('enrollments').select('id').where('offering_id', 'in', offeringIds).execute()).map((row) => row.id);
}

export async function lotteryEntryCount(trx: Transaction<Database>, termIds: readonly number[]): Promise<number> {
  if (termIds.length === 0) return 0;
  return Number((await trx.selectFrom('lottery_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('term_id', 'in', termIds).executeTakeFirstOrThrow()).n);
}

export async function deleteLotteryEntriesOfTerms(trx: Transaction<Database>, termIds: readonly number[]) {
  if (termIds.length > 0) await trx.deleteFrom('lottery_entries').where('term_id', 'in', termIds).execute();
}

/** Invitations that expired before the instant. */
export async function expiredInviteCount(trx: Transaction<Database>, before: string): Promise<number> {
  return Number((await trx.selectFrom('guardian_invites').select((eb) => eb.fn.countAll<number>().as('n')).where('expires_at', '<', before).executeTakeFirstOrThrow()).n);
}

export async function deleteExpiredInvites(trx: Transaction<Database>, before: string) {
  await trx.deleteFrom('guardian_invites').where('expires_at', '<', before).execute();
}

/** Leave reports (请假) of these offerings' meetings: free text about children, gone with the term's data. */
export async function deleteAbsenceReportsOfOfferings(trx: Transaction<Database>, offeringIds: readonly number[]) {
  for (let start = 0; start < offeringIds.length; start += CHUNK) {
    const chunk = offeringIds.slice(start, start + CHUNK);
    await trx.deleteFrom('absence_reports').where('meeting_id', 'in', trx.selectFrom('meetings').select('id').where('offering_id', 'in', chunk)).execute();
  }
}

export async function deleteMarksOfOfferings(trx: Transaction<Database>, offeringIds: readonly number[]) {
  for (let start = 0; start < offeringIds.length; start += CHUNK) {
    const chunk = offeringIds.slice(start, start + CHUNK);
    await trx.deleteFrom('attendance_marks').where('meeting_id', 'in', trx.selectFrom('meetings').select('id').where('offering_id', 'in', chunk)).execute();
  }
}
