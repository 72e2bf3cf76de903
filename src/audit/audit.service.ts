// The audit log: who did what to whom, written inside the transaction that made the change, and read by admins.
import type { Kysely } from 'kysely';
import type { Actor } from '../kernel/roles.ts';
import { addDays, instantInZone } from '../kernel/calendar.ts';
import type { Database } from '../db/schema.ts';
import type { AuditAction, AuditSubject } from './audit-vocabulary.messages.ts';
import { actionFamilies, auditEvents, insertAuditEvent } from './audit.repository.ts';

export interface AuditEvent {
  actorId: number | null;
  /** One of the kinds the audit log has words for (audit-vocabulary.messages.ts). */
  action: AuditAction;
  subjectType: AuditSubject;
  subjectId: string | number;
  schoolId?: number | null;
  detail?: Record<string, unknown>;
}

/** Takes the caller's transaction (or db) so the event stands or falls with the change it records. */
export async function recordAudit(executor: Kysely<Database>, event: AuditEvent, at: Date): Promise<void> {
  await insertAuditEvent(executor, event.actorId, event.action, event.subjectType, String(event.subjectId), event.schoolId ?? null, JSON.stringify(event.detail ?? {}), at.toISOString());
}

/** The audit log as admins read it: a school admin sees their school's events, the district admin all. */
export function createAuditLogService(deps: { db: Kysely<Database>; timeZone: string }) {
  const { db, timeZone } = deps;
  return {
    async page(actor: Actor, filter: { action?: string; subjectType?: string; subjectId?: string; fromDay?: string; toDay?: string; beforeId?: number }, size = 100) {
      if (actor.role !== 'school_admin' && actor.role !== 'district_admin') return null;
      const schoolId = actor.role === 'school_admin' ? (actor.schoolId ?? -1) : undefined;
      const [events, families] = await Promise.all([
        auditEvents(
          db,
          {
            schoolId,
            action: filter.action,
            subjectType: filter.subjectType,
            subjectId: filter.subjectId,
            from: filter.fromDay ? instantInZone(filter.fromDay, '00:00', timeZone).toISOString() : undefined,
            to: filter.toDay ? instantInZone(addDays(filter.toDay, 1), '00:00', timeZone).toISOString() : undefined,
            beforeId: filter.beforeId,
          },
          size + 1,
        ),
        actionFamilies(db, schoolId),
      ]);
      return { events: events.slice(0, size), more: events.length > size ? events[size - 1]!.id : null, families };
    },
  };
}

export type AuditLogService = ReturnType<typeof createAuditLogService>;

/**
 * A staff page showed named children (a roster, a roll, a search, a report's list): one event per page view, not
 * per child, with how many children it showed. Views that showed no child are not a read and write nothing.
 */
export async function recordChildRecordsRead(
  executor: Kysely<Database>,
  read: { actor: Actor; view: string; subjectType: 'offering' | 'meeting' | 'term' | 'school'; subjectId: number; schoolId: number | null; count: number },
  at: Date,
): Promise<void> {
  if (read.count === 0) return;
  await recordAudit(
    executor,
    { actorId: read.actor.id, action: 'child_records.read', subjectType: read.subjectType, subjectId: read.subjectId, schoolId: read.schoolId, detail: { view: read.view, children: read.count } },
    at,
  );
}
