// Pure rules for names, logins (mainland mobile number or e-mail) and passwords; each rejection is a message key.
import type { Rejection } from '../kernel/rejection.ts';

export type Login = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

export const NAME_MAX = 40;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

/** Mainland mobile numbers: 11 digits starting 13–19, optionally written +86 / 0086 with spaces or dashes. */
const PHONE = /^1[3-9]\d{9}$/;
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

/** Characters that are there but not seen: bidi controls (U+202E…), zero-width spaces and joiners, the BOM (Unicode Cf). */
const INVISIBLE = /\p{Cf}/u;

/**
 * Typed text as it is kept: NFKC (full-width digits and letters, ligatures and compatibility forms become the
 * plain ones, so two spellings of one name or login are one) and trimmed.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').trim();
}

/** A login as it is kept and compared: NFKC, an e-mail in ASCII lower case, a phone number as its 11 digits. */
export function parseLogin(input: string): Login | Rejection {
  const raw = normaliseText(input);
  if (INVISIBLE.test(raw)) return { key: 'auth.error.loginInvisible' };
  if (raw.includes('@')) {
    const value = raw.toLowerCase();
    // Only ASCII: a Cyrillic а in p\u0430rent@… would be another account that looks the same.
    if (!/^[\x20-\x7e]+$/.test(value)) return { key: 'auth.error.emailAscii' };
    return value.length <= 254 && EMAIL.test(value) ? { kind: 'email', value } : { key: 'auth.error.emailInvalid' };
  }
  const digits = raw.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  if (/^\+?\d+$/.test(digits)) return PHONE.test(digits) ? { kind: 'phone', value: digits } : { key: 'auth.error.phoneInvalid' };
  return { key: 'auth.error.loginInvalid' };
}

export function isRejection(value: Login | Rejection): value is Rejection {
  return 'key' in value;
}

/** What is wrong with a name (after normaliseText), or null. */
export function nameProblem(name: string): Rejection | null {
  const trimmed = normaliseText(name);
  if (trimmed === '') return { key: 'form.required' };
  if (INVISIBLE.test(trimmed)) return { key: 'auth.error.nameInvisible' };
  if ([...trimmed].length > NAME_MAX) return { key: 'auth.error.nameTooLong', params: { max: NAME_MAX } };
  // Names are shown everywhere; refuse markup and control characters rather than store surprises.
  if (/[<>{}\\\p{Cc}]/u.test(trimmed)) return { key: 'auth.error.nameInvalid' };
  return null;
}

/**
 * The most used passwords of Chinese and international leak lists (lower-cased). NIST SP 800-63B: refuse
 * known-compromised and trivially guessable values rather than impose composition rules.
 */
const COMMON_PASSWORDS = new Set([
  '12345678', '123456789', '1234567890', '11111111', '00000000', '88888888', '66666666', '12341234',
  '11223344', '87654321', '98765432', '123123123', '5201314520', '52013145', '1314520520', 'a1234567',
  'a12345678', 'abc12345', 'abcd1234', 'abcdefgh', 'qwertyui', 'qwerty123', 'qwertyuiop', 'asdfghjk',
  'zxcvbnm1', '1qaz2wsx', 'password', 'password1', 'passw0rd', 'p@ssw0rd', 'iloveyou', 'woaini1314',
  'woaini520', 'aa123456', 'aa12345678', 'qq123456', 'qq12345678', '1q2w3e4r', '1q2w3e4r5t', 'admin123',
  'admin1234', 'welcome1', 'sunshine', 'princess', 'football', 'baseball', 'dragon12', 'monkey12',
  'zhang123', 'wang1234', 'li123456', 'abc123456', 'a123456789', 'clubroll', 'clubroll1', '1234qwer',
  'q1w2e3r4', 'letmein1', 'changeme', 'computer', 'internet', 'asdf1234', 'zxcv1234', '147258369',
  '159357456', '123654789', '741852963', '999999999', '555555555', '77777777', '99999999', '12121212',
]);

export function passwordProblem(password: string, personal: { login?: string; name?: string } = {}): Rejection | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return { key: 'auth.error.passwordTooShort', params: { min: PASSWORD_MIN } };
  if (length > PASSWORD_MAX) return { key: 'auth.error.passwordTooLong', params: { max: PASSWORD_MAX } };
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(password)) return { key: 'auth.error.passwordCommon' };
  const personalParts = [personal.login, personal.login?.split('@')[0], personal.name]
    .map((part) => part?.trim().toLowerCase() ?? '')
    .filter((part) => [...part].length >= 4);
  if (personalParts.some((part) => lower.includes(part))) return { key: 'auth.error.passwordPersonal' };
  return null;
}
