import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRejection, nameProblem, normaliseText, parseLogin, passwordProblem } from './credentials.policy.ts';

describe('a login is a mainland mobile number or an e-mail', () => {
  it('accepts mobile numbers however they are written', () => {
    for (const written of ['13800138000', '+86 138 0013 8000', '0086-138-0013-8000', ' 199 1234 5678 ']) {
      const login = parseLogin(written);
      expect(isRejection(login) ? null : login.kind).toBe('phone');
    }
    expect(parseLogin('+86 138 0013 8000')).toEqual({ kind: 'phone', value: '13800138000' });
  });

  it('refuses numbers that are not mainland mobiles, naming the phone problem', () => {
    for (const written of ['1380013800', '23800138000', '12800138000', '138001380001']) {
      expect(parseLogin(written)).toEqual({ key: 'auth.error.phoneInvalid' });
    }
  });

  it('lower-cases e-mails and refuses malformed ones', () => {
    expect(parseLogin('Ma.Li@School.EDU.cn')).toEqual({ kind: 'email', value: 'ma.li@school.edu.cn' });
    for (const written of ['a@b', '@example.com', 'a b@example.com', 'x@<script>.com']) {
      expect(parseLogin(written)).toEqual({ key: 'auth.error.emailInvalid' });
    }
    expect(parseLogin('hello')).toEqual({ key: 'auth.error.loginInvalid' });
  });

  it('reads full-width digits and letters as the plain ones, so one login has one spelling', () => {
    expect(parseLogin('１３８ ００１３ ８０００')).toEqual({ kind: 'phone', value: '13800138000' });
    expect(parseLogin('ＰＡＲＥＮＴ＠ｅｘａｍｐｌｅ．ｃｏｍ')).toEqual({ kind: 'email', value: 'parent@example.com' });
  });

  it('refuses look-alike letters in an e-mail and invisible characters in any login, with their own message', () => {
    expect(parseLogin('p\u0430rent@example.com')).toEqual({ key: 'auth.error.emailAscii' });
    expect(parseLogin('parent\u200b@example.com')).toEqual({ key: 'auth.error.loginInvisible' });
    expect(parseLogin('138\u202e00138000')).toEqual({ key: 'auth.error.loginInvisible' });
  });

  it('never throws, whatever is typed', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (text) => {
      const login = parseLogin(text);
      expect(isRejection(login) || login.value.length > 0).toBe(true);
    }));
  });
});

describe('passwords', () => {
  it('needs at least 8 and at most 128 characters', () => {
    expect(passwordProblem('short')).toEqual({ key: 'auth.error.passwordTooShort', params: { min: 8 } });
    expect(passwordProblem('x'.repeat(129) + 'y')).toEqual({ key: 'auth.error.passwordTooLong', params: { max: 128 } });
    expect(passwordProblem('rainbow-bridge')).toBeNull();
  });

  it('refuses the passwords everybody tries first', () => {
    for (const common of ['12345678', 'Password', 'woaini1314', 'aaaaaaaaaa', 'QWERTYUIOP']) {
      expect(passwordProblem(common)?.key).toBe('auth.error.passwordCommon');
    }
  });

  it('refuses a password built from the phone number, e-mail or name', () => {
    expect(passwordProblem('13800138000', { login: '13800138000' })?.key).toBe('auth.error.passwordPersonal');
    expect(passwordProblem('zhangwei2026', { login: 'zhangwei@example.com' })?.key).toBe('auth.error.passwordPersonal');
  });
});

describe('names', () => {
  it('must be present, at most 40 characters, and free of markup', () => {
    expect(nameProblem('  ')).toEqual({ key: 'form.required' });
    expect(nameProblem('欧阳'.repeat(20))).toBeNull();
    expect(nameProblem('欧阳'.repeat(20) + '娜')).toEqual({ key: 'auth.error.nameTooLong', params: { max: 40 } });
    expect(nameProblem('<b>王</b>')).toEqual({ key: 'auth.error.nameInvalid' });
  });
});

describe('names are kept normalised and visible', () => {
  it('normalises with NFKC and trims', () => {
    expect(normaliseText('  Ｌｉｎ　晓 ')).toBe('Lin 晓');
  });

  it.each([
    ['a right-to-left override', '林\u202e晓'],
    ['a zero-width space', '林\u200b晓'],
    ['a zero-width joiner', '林\u200d晓'],
    ['a left-to-right isolate', '\u2066林晓\u2069'],
  ])('refuses %s with a message that says so', (_, name) => {
    expect(nameProblem(name)).toEqual({ key: 'auth.error.nameInvisible' });
  });
});
