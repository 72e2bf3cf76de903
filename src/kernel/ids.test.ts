import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseId } from './ids.ts';

describe('reading an id', () => {
  it('reads every positive 32-bit integer written in decimal, with or without leading zeros', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_147_483_647 }), fc.nat({ max: 3 }), (id, zeros) => {
        expect(parseId(String(id))).toBe(id);
        const padded = '0'.repeat(zeros) + String(id);
        if (padded.length <= 10) expect(parseId(padded)).toBe(id);
      }),
    );
  });

  it('refuses zero, overflow, signs, spaces, exponents, decimals and empty text', () => {
    for (const text of ['0', '000', '2147483648', '99999999999', '-1', '+1', ' 1', '1 ', '1e3', '1.0', '0x1', '', '١٢']) {
      expect(parseId(text), text).toBeNull();
    }
    expect(parseId(undefined)).toBeNull();
  });
});
