import { describe, expect, it } from 'vitest';
import { nextYearNotice } from './nextYear';

const years = [
  { year: 2026, provisional: false },
  { year: 2027, provisional: true },
];

describe('next year still provisional (the State Council notice not yet entered)', () => {
  it('says nothing before November', () => {
    expect(nextYearNotice('2026-10-31', years)).toBeNull();
  });

  it('from 1 November says next year is provisional, or missing altogether', () => {
    expect(nextYearNotice('2026-11-01', years)).toEqual({ year: 2027, state: 'provisional' });
    expect(nextYearNotice('2027-12-31', years)).toEqual({ year: 2028, state: 'missing' });
  });

  it('says nothing once the notice is entered', () => {
    expect(nextYearNotice('2026-11-20', [...years.slice(0, 1), { year: 2027, provisional: false }])).toBeNull();
  });
});
