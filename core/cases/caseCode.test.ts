import { describe, expect, it } from 'vitest';
import { caseCodeForId, formatCaseCode, normaliseCaseCode } from './caseCode';

describe('case code (一案一码)', () => {
  it('is unique, 9 unambiguous characters, and valid', () => {
    const seen = new Set<string>();
    for (let id = 1; id <= 20_000; id++) {
      const code = caseCodeForId(id);
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{9}$/);
      expect(normaliseCaseCode(code)).toBe(code);
      seen.add(code);
    }
    expect(seen.size).toBe(20_000);
    expect(caseCodeForId(1_000_000)).not.toBe(caseCodeForId(1_000_001));
  });

  it('catches every single wrong character and every adjacent swap', () => {
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    for (const id of [1, 77, 123_456, 999_999]) {
      const code = caseCodeForId(id);
      for (let i = 0; i < code.length; i++) {
        for (const c of alphabet) {
          if (c === code[i]) continue;
          expect(normaliseCaseCode(code.slice(0, i) + c + code.slice(i + 1))).toBeNull();
        }
        if (i < code.length - 1 && code[i] !== code[i + 1]) {
          const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
          expect(normaliseCaseCode(swapped)).toBeNull();
        }
      }
    }
  });

  it('reads what a person or scanner types: lower case, dashes, o for 0', () => {
    const code = caseCodeForId(42);
    expect(normaliseCaseCode(formatCaseCode(code).toLowerCase())).toBe(code);
    expect(normaliseCaseCode(code.replace(/0/g, 'O'))).toBe(code);
    expect(normaliseCaseCode('（2026）浙0522民初1号')).toBeNull();
  });
});
