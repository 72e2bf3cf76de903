// Rules for what a teacher or school may write to families: the text's length and characters, who may send and
// who may read past announcements. Pure: data in, decision out.
import type { Rejection } from '../kernel/rejection.ts';
import { type Actor, staffsOffering } from '../kernel/roles.ts';

/** The most characters an announcement or a message to one child's guardians may have, after trimming. */
export const MAX_MESSAGE_CHARS = 1000;

// Control characters other than the line break (tab included: a phone keyboard never types one).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

/** The text as it will be sent (line breaks made \n, trimmed), or why it is refused. Linear in the text. */
export function messageText(raw: string): { ok: true; text: string } | { ok: false; rejection: Rejection } {
  const text = raw.replace(/\r\n?/g, '\n').trim();
  if (text === '') return { ok: false, rejection: { key: 'announce.error.required' } };
  // Counted in characters as a person sees them (a surrogate pair is one), like the textarea's maxlength.
  let length = 0;
  for (const _ of text) if (++length > MAX_MESSAGE_CHARS) return { ok: false, rejection: { key: 'announce.error.tooLong', params: { max: MAX_MESSAGE_CHARS } } };
  if (CONTROL.test(text)) return { ok: false, rejection: { key: 'announce.error.control' } };
  return { ok: true, text };
}

/**
 * Who may write to an offering's families: its teacher and its school's admins (and the district's). Anyone else on
 * the staff is refused outright (403); a parent is answered as if there were no such roster (404), like the roster.
 */
export function sendDecision(actor: Actor, offering: { teacherId: number | null; schoolId: number }): 'allowed' | 'forbidden' | 'not_found' {
  if (staffsOffering(actor, offering)) return 'allowed';
  return actor.role === 'parent' ? 'not_found' : 'forbidden';
}

/** Past announcements are for the offering's staff and its families (guardians of enrolled or waitlisted children). */
export function mayReadAnnouncements(actor: Actor | null, offering: { teacherId: number | null; schoolId: number }, isFamily: boolean): boolean {
  if (!actor) return false;
  return staffsOffering(actor, offering) || (actor.role === 'parent' && isFamily);
}
