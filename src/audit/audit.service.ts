// The audit log: who did what to whom, written inside the transaction that made the change.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface AuditEvent {
  actorId: number | null;
  action: string;
  subjectType: string;
  subjectId: string | number;
  schoolId?: number | null;
  detail?: Record<string, unknown>;
}

/** Takes the caller's transaction (or db) so the event stands or falls with the change it records. */
export async function recordAudit(executor: Kysely<Database>, event: AuditEvent, at: Date): Promise<void> {
  await executor
    .insertInto('audit_events')
    .values({
      actor_id: event.actorId,
      action: event.action,
      subject_type: event.subjectType,
      subject_id: String(event.subjectId),
      school_id: event.schoolId ?? null,
      detail: JSON.stringify(event.detail ?? {}),
      at: at.toISOString(),
    })
    .execute();
}
