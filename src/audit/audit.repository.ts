// The audit log's table: one insert (prepared: every enrolment writes one), and the reads: newest first,
// filtered, one page at a time (by id, so paging is stable under writes).
import type { Kysely } from 'kysely';
import { preparedQuery } from '../db/prepared.ts';
import type { Database } from '../db/schema.ts';

export interface AuditFilter {
  /** Only this school's events (a school admin); undefined for every event (the district admin). */
  schoolId?: number | undefined;
  /** An action or an action family such as `enrollment.` */
  action?: string | undefined;
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  /** Instants, inclusive from, exclusive to. */
  from?: string | undefined;
  to?: string | undefined;
  beforeId?: number | undefined;
}

export function auditEvents(db: Kysely<Database>, filter: AuditFilter, limit: number) {
  let query = db
    .selectFrom('audit_events')
    .leftJoin('users', 'users.id', 'audit_events.actor_id')
    .select([
      'audit_events.id',
      'audit_events.at',
      'audit_events.action',
      'audit_events.subject_type',
      'audit_events.subject_id',
      'audit_events.school_id',
      'audit_events.detail',
      'users.name as actor_name',
      'users.role as actor_role',
    ]);
  if (filter.schoolId !== undefined) query = query.where('audit_events.school_id', '=', filter.schoolId);
  if (filter.action) query = filter.action.endsWith('.') ? query.where('audit_events.action', 'like', `${filter.action}%`) : query.where('audit_events.action', '=', filter.action);
  if (filter.subjectType) query = query.where('audit_events.subject_type', '=', filter.subjectType);
  if (filter.subjectId) query = query.where('audit_events.subject_id', '=', filter.subjectId);
  if (filter.from) query = query.where('audit_events.at', '>=', filter.from);
  if (filter.to) query = query.where('audit_events.at', '<', filter.to);
  if (filter.beforeId) query = query.where('audit_events.id', '<', filter.beforeId);
  return query.orderBy('audit_events.id', 'desc').limit(limit).execute();
}

/** The action families present, for the filter's choices. */
export async function actionFamilies(db: Kysely<Database>, schoolId: number | undefined): Promise<string[]> {
  let query = db.selectFrom('audit_events').select('action').distinct();
  if (schoolId !== undefined) query = query.where('school_id', '=', schoolId);
  const rows = await query.execute();
  return [...new Set(rows.map((row) => `${row.action.split('.')[0]}.`))].sort();
}

/** One event, in the caller's transaction (the detail already JSON, the instant already ISO). */
export const insertAuditEvent = preparedQuery(
  7,
  (db, actorId: number | null, action: string, subjectType: string, subjectId: string, schoolId: number | null, detail: string, at: string) =>
    db.insertInto('audit_events').values({ actor_id: actorId, action, subject_type: subjectType, subject_id: subjectId, school_id: schoolId, detail, at }),
);
