import { describe, expect, it } from 'vitest';
import { CONSENT_VERSION, consentProblem } from './consent.policy.ts';

describe('consent to the privacy text', () => {
  it('is given by naming the version that was shown', () => {
    expect(consentProblem(CONSENT_VERSION)).toBeNull();
  });
  it('is missing when the box was not ticked', () => {
    expect(consentProblem(undefined)).toEqual({ key: 'privacy.consent.required' });
    expect(consentProblem('  ')).toEqual({ key: 'privacy.consent.required' });
  });
  it('to an older or unknown text is not consent to the current one', () => {
    expect(consentProblem('2020-01-01')).toEqual({ key: 'privacy.consent.outdated', params: { version: CONSENT_VERSION } });
    expect(consentProblem('yes')).toEqual({ key: 'privacy.consent.outdated', params: { version: CONSENT_VERSION } });
  });
});
