// Kysely queries for children, the guardians who look after them, their invitations and calendar feeds, and their week.
import type { Kysely, Transaction } from 'kysely';
import { isPostgres } from '../db/dialect.ts';
import { preparedQuery } from '../db/prepared.ts';
import type { Database, Day } from '../db/schema.ts';
import { parseId } from '../kernel/ids.ts';

export function childrenOfGuardian(db: Kysely<Database>, userId: number) {
  return db
    .selectFrom('guardianships')
    .innerJoin('children', 'children.id', 'guardianships.child_id')
    .innerJoin('schools', 'schools.id', 'children.school_id')
    .leftJoin('pupils', 'pupils.id', 'children.pupil_id')
    .selectAll('children')
    .select(['schools.name_zh as school_name_zh', 'schools.name_en as school_name_en', 'schools.slug as school_slug', 'schools.child_check as school_child_check', 'pupils.number as pupil_number'])
    .where('guardianships.user_id', '=', userId)
    .orderBy('children.created_at')
    .orderBy('children.id')
    .execute();
}

/** How many children this user is a guardian of. */
export async function childCountOfGuardian(db: Kysely<Database> | Transaction<Database>, userId: number): Promise<number> {
  const row = await db.selectFrom('guardianships').select((eb) => eb.fn.countAll<number>().as('count')).where('user_id', '=', userId).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** PostgreSQL: holds the guardian's row until commit, so two children added at once are counted one after the other. */
export async function lockGuardian(trx: Transaction<Database>, userId: number) {
  if (isPostgres(trx)) await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
}

/**
 * The child, only if this user is one of its guardians, with how its school checks children.
 */
const childOfGuardianQuery = preparedQuery(2, (db, userId: number, childId: number) =>
  db
    .selectFrom('guardianships')
    .innerJoin('children', 'children.id', 'guardianships.child_id')
    .innerJoin('schools', 'schools.id', 'children.school_id')
    .selectAll('children')
    .select('schools.child_check as school_child_check')
    .where('guardianships.user_id', '=', userId)
    .where('children.id', '=', childId),
);

/** The child, if this user is one of its guardians. */
export async function childOfGuardian(db: Kysely<Database>, userId: number, childId: number) {
  return (await childOfGuardianQuery(db, userId, childId)).rows[0];
}

export function childById(db: Kysely<Database>, childId: number) {
  return db.selectFrom('children').select(['id', 'name', 'school_id']).where('id', '=', childId).executeTakeFirst();
}

export function schoolByIdOrSlug(db: Kysely<Database>, text: string) {
  const query = db.selectFrom('schools').selectAll();
  const id = parseId(text);
  return (id !== null ? query.where('id', '=', id) : query.where('slug', '=', text)).executeTakeFirst();
}

/** Everyone who looks after the child, first guardian first. */
export function guardiansOf(db: Kysely<Database>, childId: number) {
  return db
    .selectFrom('guardianships')
    .innerJoin('users', 'users.id', 'guardianships.user_id')
    .select(['users.id', 'users.name', 'guardianships.created_at'])
    .where('guardianships.child_id', '=', childId)
    .orderBy('guardianships.created_at')
    .orderBy('users.id')
    .execute();
}

export async function guardianCount(db: Kysely<Database>, childId: number): Promise<number> {
  const row = await db
    .selectFrom('guardianships')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('child_id', '=', childId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** PostgreSQL: holds the child's row until commit, so two guardians removing each other queue up. SQLite writers are serial already. */
export async function lockChild(trx: Transaction<Database>, childId: number) {
  if (isPostgres(trx)) await trx.selectFrom('children').select('id').where('id', '=', childId).forUpdate().execute();
}

export function inviteByCodeHash(db: Kysely<Database>, codeHash: string) {
  return db
    .selectFrom('guardian_invites')
    .innerJoin('children', 'children.id', 'guardian_invites.child_id')
    .selectAll('guardian_invites')
    .select(['children.name as child_name', 'children.school_id'])
    .where('guardian_invites.code_hash', '=', codeHash)
    .executeTakeFirst();
}

/** Unused invitations this guardian made for the child: a new one replaces them. */
export async function deleteUnusedInvites(trx: Transaction<Database>, childId: number, createdBy: number) {
  await trx.deleteFrom('guardian_invites').where('child_id', '=', childId).where('created_by', '=', createdBy).where('used_at', 'is', null).execute();
}

/** Marks the invitation used, only if it still is usable: two parents racing for one code, one wins. */
export async function claimInvite(trx: Transaction<Database>, inviteId: number, userId: number, now: string): Promise<boolean> {
  const result = await trx
    .updateTable('guardian_invites')
    .set({ used_by: userId, used_at: now })
    .where('id', '=', inviteId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function feedOf(db: Kysely<Database>, childId: number, userId: number) {
  return db.selectFrom('calendar_feeds').selectAll().where('child_id', '=', childId).where('user_id', '=', userId).executeTakeFirst();
}

export async function deleteFeed(db: Kysely<Database>, childId: number, userId: number) {
  const result = await db.deleteFrom('calendar_feeds').where('child_id', '=', childId).where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The feed behind a token, only while its owner is still one of the child's guardians; with the owner's language. */
export function feedByToken(db: Kysely<Database>, token: string) {
  return db
    .selectFrom('calendar_feeds')
    .innerJoin('guardianships', (join) => join.onRef('guardianships.child_id', '=', 'calendar_feeds.child_id').onRef('guardianships.user_id', '=', 'calendar_feeds.user_id'))
    .innerJoin('users', 'users.id', 'calendar_feeds.user_id')
    .select(['calendar_feeds.child_id', 'calendar_feeds.user_id', 'users.lang'])
    .where('calendar_feeds.token', '=', token)
    .executeTakeFirst();
}

/** The school's current term: the earliest one that has not ended by `today`. */
export function currentTermOfSchool(db: Kysely<Database>, schoolId: number, today: Day) {
  return db
    .selectFrom('terms')
    .select(['id', 'name_zh', 'name_en', 'first_day', 'last_day'])
    .where('school_id', '=', schoolId)
    .where('last_day', '>=', today)
    .orderBy('first_day')
    .limit(1)
    .executeTakeFirst();
}

/** The child's enrolled and waitlisted offerings in terms that have not ended by `today` (or in one term). */
export function activeEnrollmentsOf(db: Kysely<Database>, childId: number, scope: { today: Day } | { termId: number }) {
  let query = db
    .selectFrom('enrollments')
    .innerJoin('offerings', 'offerings.id', 'enrollments.offering_id')
    .innerJoin('terms', 'terms.id', 'offerings.term_id')
    .select([
      'enrollments.id as enrollment_id',
      'enrollments.status',
      'enrollments.waitlist_position',
      'offerings.id as offering_id',
      'offerings.title_zh',
      'offerings.title_en',
      'offerings.room',
      'terms.id as term_id',
      'terms.first_day',
    ])
    .where('enrollments.child_id', '=', childId)
    .where('enrollments.status', 'in', ['enrolled', 'waitlisted'])
    .orderBy('terms.first_day')
    .orderBy('offerings.title_zh')
    .orderBy('offerings.id');
  query = 'termId' in scope ? query.where('terms.id', '=', scope.termId) : query.where('terms.last_day', '>=', scope.today);
  return query.execute();
}

/** A set of offerings' weekly slots (the catalogue's query). */

export function meetingsOfOfferings(db: Kysely<Database>, offeringIds: readonly number[]) {
  if (offeringIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('meetings')
    .select(['id', 'offering_id', 'day', 'starts_at', 'ends_at', 'room', 'status', 'reason', 'moved_to_day'])
    .where('offering_id', 'in', offeringIds)
    .orderBy('id')
    .execute();
}

type ChildRow = { name: string; schoolId: number; grade: number; className: string | null; pupilId: number | null };

/** A new child's row (bound to its pupil at a school that keeps a pupil list); its id. */
export async function insertChild(trx: Transaction<Database>, child: ChildRow, at: string): Promise<number> {
  const row = await trx
    .insertInto('children')
    .values({ name: child.name, school_id: child.schoolId, grade: child.grade, class_name: child.className, pupil_id: child.pupilId, created_at: at, updated_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateChild(trx: Transaction<Database>, childId: number, child: ChildRow, at: string) {
  await trx
    .updateTable('children')
    .set({ name: child.name, school_id: child.schoolId, grade: child.grade, class_name: child.className, pupil_id: child.pupilId, updated_at: at })
    .where('id', '=', childId)
    .execute();
}

/** Makes the user one of the child's guardians (nothing changes when they already are). */
export async function addGuardianship(trx: Transaction<Database>, userId: number, childId: number, at: string) {
  await trx
    .insertInto('guardianships')
    .values({ user_id: userId, child_id: childId, created_at: at })
    .onConflict((conflict) => conflict.columns(['user_id', 'child_id']).doNothing())
    .execute();
}

/** Removes the guardianship; how many rows went (0 or 1). */
export async function deleteGuardianship(trx: Transaction<Database>, userId: number, childId: number): Promise<number> {
  const result = await trx.deleteFrom('guardianships').where('user_id', '=', userId).where('child_id', '=', childId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The guardian's consent to a version of the privacy text for the child (kept once per version). */
export async function recordConsent(trx: Transaction<Database>, childId: number, userId: number, version: string, at: string) {
  await trx
    .insertInto('child_consents')
    .values({ child_id: childId, user_id: userId, version, given_at: at })
    .onConflict((conflict) => conflict.columns(['child_id', 'user_id', 'version']).doNothing())
    .execute();
}

/** A new invitation (only the code's hash is kept); its id. */
export async function insertInvite(trx: Transaction<Database>, invite: { childId: number; codeHash: string; createdBy: number; at: string; expiresAt: string }): Promise<number> {
  const row = await trx
    .insertInto('guardian_invites')
    .values({ child_id: invite.childId, code_hash: invite.codeHash, created_by: invite.createdBy, created_at: invite.at, expires_at: invite.expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertFeed(trx: Transaction<Database>, feed: { token: string; childId: number; userId: number; at: string }) {
  await trx.insertInto('calendar_feeds').values({ token: feed.token, child_id: feed.childId, user_id: feed.userId, created_at: feed.at }).execute();
}
