// Pure rules of who collects the child and who to call: a collector as typed (name, relation, phone), the limit
// of five, the emergency note, and who on the staff may read them (the offering's teacher, the school's admins).
import type { Actor } from '../kernel/roles.ts';
import type { Rejection } from '../kernel/rejection.ts';

export const MAX_COLLECTORS = 5;
export const MAX_CARE_NOTE = 300;
export const MAX_COLLECTOR_NAME = 40;
export const MAX_COLLECTOR_RELATION = 20;
/** Longer than any phone number written with spaces and dashes: the check's work stays bounded. */
export const MAX_PHONE_TEXT = 30;

export type CollectorField = 'name' | 'relation' | 'phone';
export interface Collector {
  name: string;
  relation: string;
  phone: string;
}

/** Spaces, dashes, dots and brackets people write between a phone number's digits. */
const PHONE_PUNCTUATION = /[\s\-.()（）]/g;

/** The digits to dial (a leading + kept), or null when the text is not a phone number of 5 to 15 digits. */
export function dialable(phone: string): string | null {
  const digits = phone.normalize('NFKC').replace(PHONE_PUNCTUATION, '');
  return /^\+?\d{5,15}$/.test(digits) ? digits : null;
}

/** A collector as the guardian typed it (trimmed, inner spaces collapsed), or a rejection per field. */
export function collectorFrom(input: Record<CollectorField, string>): { ok: true; collector: Collector } | { ok: false; errors: Partial<Record<CollectorField, Rejection>> } {
  const tidy = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ');
  const collector = { name: tidy(input.name), relation: tidy(input.relation), phone: tidy(input.phone) };
  const errors: Partial<Record<CollectorField, Rejection>> = {};
  if (collector.name === '') errors.name = { key: 'form.required' };
  else if ([...collector.name].length > MAX_COLLECTOR_NAME) errors.name = { key: 'form.tooLong', params: { max: MAX_COLLECTOR_NAME } };
  if (collector.relation === '') errors.relation = { key: 'form.required' };
  else if ([...collector.relation].length > MAX_COLLECTOR_RELATION) errors.relation = { key: 'form.tooLong', params: { max: MAX_COLLECTOR_RELATION } };
  if (collector.phone === '') errors.phone = { key: 'form.required' };
  else if (dialable(collector.phone) === null) errors.phone = { key: 'care.error.phone' };
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, collector };
}

/** Null while the child has room for one more collector. */
export function collectorLimitProblem(count: number): Rejection | null {
  return count >= MAX_COLLECTORS ? { key: 'care.error.tooMany', params: { max: MAX_COLLECTORS } } : null;
}

/** The note as kept: trimmed; empty means none. */
export function careNoteFrom(text: string): { ok: true; note: string | null } | { ok: false; error: Rejection } {
  const note = text.normalize('NFC').trim();
  if ([...note].length > MAX_CARE_NOTE) return { ok: false, error: { key: 'form.tooLong', params: { max: MAX_CARE_NOTE } } };
  return { ok: true, note: note === '' ? null : note };
}

/**
 * Who on the staff sees a child's collectors and emergency note: the offering's own teacher and the admins of its
 * school. A district admin, who may open any roll, does not: they do not collect children at the gate.
 */
export function seesCare(actor: Actor, offering: { teacherId: number | null; schoolId: number }): boolean {
  return (actor.role === 'teacher' && offering.teacherId === actor.id) || (actor.role === 'school_admin' && actor.schoolId === offering.schoolId);
}
