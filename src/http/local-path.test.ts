import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localHref, safeLocalPath } from './local-path.ts';

describe('redirect targets stay on this site', () => {
  it('keeps a local path with its query', () => {
    expect(safeLocalPath('/family?child=3')).toBe('/family?child=3');
    expect(safeLocalPath('/offerings/7#seats')).toBe('/offerings/7#seats');
  });

  it.each([
    ['a tab the browser drops', '/\t/evil.example'],
    ['a newline', '/\n/evil.example'],
    ['a carriage return (a header splits there)', '/family\r\nSet-Cookie: x=1'],
    ['two slashes', '//evil.example'],
    ['a backslash', '/\\evil.example'],
    ['a scheme', 'https://evil.example/'],
    ['javascript', 'javascript:alert(1)'],
    ['a relative path', 'evil.example'],
  ])('refuses %s', (_, next) => {
    expect(safeLocalPath(next)).toBeUndefined();
  });

  it('turns a path the parser leaves starting with // into a local one', () => {
    expect(safeLocalPath('/.//evil.example')).toBe('/evil.example');
    expect(localHref(new URL('http://localhost//evil.example?lang=en'))).toBe('/evil.example?lang=en');
  });

  it('never yields a target that a browser would resolve to another site, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }).map((tail) => `/${tail}`), (next) => {
        const target = safeLocalPath(next);
        if (target === undefined) return;
        expect(new URL(target, 'https://clubroll.example.cn').origin).toBe('https://clubroll.example.cn');
        expect(target).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      }),
      { numRuns: 2000 },
    );
  });
});
