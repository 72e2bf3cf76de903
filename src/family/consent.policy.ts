// The privacy text guardians agree to when they add a child or join as a second guardian: its version, and the
// rule for a form's consent field. A new text gets a new version (and new messages); consent to an older one
// is not consent to the new one.
import type { Rejection } from '../kernel/rejection.ts';

/** The current version of the children's privacy text (privacy.text.* messages), as a day. */
export const CONSENT_VERSION = '2026-12-04';

/** A form's `consent` field must name the version the guardian was shown and ticked. */
export function consentProblem(given: string | undefined): Rejection | null {
  if (given === undefined || given.trim() === '') return { key: 'privacy.consent.required' };
  if (given.trim() !== CONSENT_VERSION) return { key: 'privacy.consent.outdated', params: { version: CONSENT_VERSION } };
  return null;
}
