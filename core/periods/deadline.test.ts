import { describe, expect, it } from 'vitest';
import { LegalCalendar } from '../calendar/calendar';
import { computeDeadline, LEGAL_PERIODS, PERIOD_KINDS, type PeriodKind } from '.';

const cal = new LegalCalendar();
const due = (kind: PeriodKind, from: string, suspended: { from: string; to: string }[] = []) =>
  computeDeadline(cal, kind, from, { suspended });

describe('period arithmetic: suspensions count only after the start (民诉法 art. 85; 解释 art. 243)', () => {
  // 2026-11-01 + 15 days = 11-16 (Monday): the hand-computed base of the span cases below
  it('a span wholly before the start changes nothing', () => {
    expect(cal.addDays('2026-11-01', 15, { suspended: [{ from: '2026-10-01', to: '2026-10-10' }] })).toBe('2026-11-16');
  });
  it('a span ending on the start day itself changes nothing (the start is not counted)', () => {
    expect(cal.addDays('2026-11-01', 15, { suspended: [{ from: '2026-10-25', to: '2026-11-01' }] })).toBe('2026-11-16');
  });
  it('a span across the start counts from the day after it: 10-28…11-03 adds 11-02, 11-03', () => {
    // 11-16 + 2 = 11-18 (Wednesday)
    expect(cal.addDays('2026-11-01', 15, { suspended: [{ from: '2026-10-28', to: '2026-11-03' }] })).toBe('2026-11-18');
  });
  it('a span after the start adds all its days: 11-05…11-14 adds 10', () => {
    expect(cal.addDays('2026-11-01', 15, { suspended: [{ from: '2026-11-05', to: '2026-11-14' }] })).toBe('2026-11-26');
  });
  it('overlapping spans are counted once: 11-05…11-10 and 11-08…11-14 add 10, not 13', () => {
    const spans = [
      { from: '2026-11-05', to: '2026-11-10' },
      { from: '2026-11-08', to: '2026-11-14' },
    ];
    expect(cal.addDays('2026-11-01', 15, { suspended: spans })).toBe('2026-11-26');
  });
  it('a span starting after the (extended) end does not lengthen the period', () => {
    expect(cal.addDays('2026-11-01', 15, { suspended: [{ from: '2026-11-20', to: '2026-11-25' }] })).toBe('2026-11-16');
  });
  it('a span starting inside the period extended by an earlier span lengthens it again', () => {
    // 11-16 + 10 (11-05…11-14) = 11-26; 11-20…11-22 lies inside the extended period: + 3 = 11-29 (Sunday) → 11-30
    const spans = [
      { from: '2026-11-05', to: '2026-11-14' },
      { from: '2026-11-20', to: '2026-11-22' },
    ];
    expect(cal.addDays('2026-11-01', 15, { suspended: spans, rollForward: false })).toBe('2026-11-29');
    expect(cal.addDays('2026-11-01', 15, { suspended: spans })).toBe('2026-11-30');
  });
  it("month periods: same-numbered day, or the month's last day, then suspensions and roll-forward", () => {
    expect(cal.addMonths('2026-11-30', 3, { rollForward: false })).toBe('2027-02-28');
    // 08-31 + 2 months = 10-31 (Saturday), 11-01 Sunday → 11-02
    expect(cal.addMonths('2026-08-31', 2)).toBe('2026-11-02');
    // a 10-day appraisal in the middle of a 3-month simplified trial
    expect(cal.addMonths('2026-03-10', 3, { suspended: [{ from: '2026-04-01', to: '2026-04-10' }] })).toBe('2026-06-22');
    // 06-10 + 10 = 06-20 (Saturday; 06-19…06-21 is 端午节) → 06-22 Monday
  });
});

/**
 * One hand-computed case per kind of the table. Each `due` was worked out on a calendar: start not counted,
 * length in the period's unit, last day rolled forward past weekends and the State Council holidays.
 */
const CASES: Record<PeriodKind, { from: string; due: string; rolledFrom: string | null; why: string }> = {
  'mediation-delegated': {
    from: '2026-09-08',
    due: '2026-10-08',
    rolledFrom: null,
    why: '09-08 + 30 = 10-08 (Thursday after 国庆节 10-01…10-07): a working day',
  },
  'mediation-entrusted-ordinary': {
    from: '2026-09-16',
    due: '2026-10-08',
    rolledFrom: '2026-10-01',
    why: '09-16 + 15 = 10-01 国庆节 → 10-08',
  },
  'mediation-entrusted-simplified': {
    from: '2026-02-09',
    due: '2026-02-24',
    rolledFrom: '2026-02-16',
    why: '02-09 + 7 = 02-16 春节 (02-15…02-23) → 02-24',
  },
  'mediation-extension': { from: '2026-12-01', due: '2026-12-31', rolledFrom: null, why: '12-01 + 30 = 12-31 (Thursday)' },
  'confirmation-application': { from: '2026-09-01', due: '2026-10-08', rolledFrom: '2026-10-01', why: '09-01 + 30 = 10-01 国庆节 → 10-08' },
  'confirmation-acceptance': { from: '2026-09-30', due: '2026-10-08', rolledFrom: '2026-10-03', why: '09-30 + 3 = 10-03 国庆节 → 10-08' },
  'confirmation-review': { from: '2026-01-20', due: '2026-02-24', rolledFrom: '2026-02-19', why: '01-20 + 30 = 02-19 春节 → 02-24' },
  'confirmation-objection': { from: '2026-11-02', due: '2026-11-17', rolledFrom: null, why: '11-02 + 15 = 11-17 (Tuesday)' },
  'confirmation-objection-third-party': {
    from: '2026-04-04',
    due: '2026-10-08',
    rolledFrom: '2026-10-04',
    why: '04-04 + 6 months = 10-04 国庆节 → 10-08',
  },
  'trial-small-claims': { from: '2026-08-01', due: '2026-10-08', rolledFrom: '2026-10-01', why: '08-01 + 2 months = 10-01 国庆节 → 10-08' },
  'trial-simplified': { from: '2025-11-16', due: '2026-02-24', rolledFrom: '2026-02-16', why: '11-16 + 3 months = 02-16 春节 → 02-24' },
  'trial-ordinary': { from: '2026-03-15', due: '2026-09-15', rolledFrom: null, why: '03-15 + 6 months = 09-15 (Tuesday)' },
  'trial-special': { from: '2026-09-01', due: '2026-10-08', rolledFrom: '2026-10-01', why: '09-01 + 30 = 10-01 国庆节 → 10-08' },
  'fee-payment': { from: '2026-09-28', due: '2026-10-08', rolledFrom: '2026-10-05', why: '09-28 + 7 = 10-05 国庆节 → 10-08' },
  'enforcement-application': {
    from: '2024-10-01',
    due: '2026-10-08',
    rolledFrom: '2026-10-01',
    why: '2024-10-01 + 2 years = 2026-10-01 国庆节 → 10-08',
  },
};

describe('the table of legal periods', () => {
  it('has a hand-computed case for every kind, each with its basis', () => {
    expect(Object.keys(CASES).sort()).toEqual([...PERIOD_KINDS].sort());
    for (const kind of PERIOD_KINDS) {
      const c = CASES[kind];
      const d = due(kind, c.from);
      expect({ kind, due: d.due, rolledFrom: d.rolledFrom }, c.why).toEqual({ kind, due: c.due, rolledFrom: c.rolledFrom });
      expect(d.basis).toMatch(/《[^》]+》|2024意见/);
      expect(d.basis).toBe(LEGAL_PERIODS[kind].basis);
    }
  });

  it('lengths and units as the statutes set them', () => {
    const lengths = Object.fromEntries(PERIOD_KINDS.map((k) => [k, `${LEGAL_PERIODS[k].length} ${LEGAL_PERIODS[k].unit}`]));
    expect(lengths).toMatchObject({
      'mediation-delegated': '30 day',
      'mediation-entrusted-ordinary': '15 day',
      'mediation-entrusted-simplified': '7 day',
      'mediation-extension': '30 day',
      'confirmation-application': '30 day',
      'confirmation-acceptance': '3 day',
      'confirmation-review': '30 day',
      'confirmation-objection': '15 day',
      'trial-small-claims': '2 month',
      'trial-simplified': '3 month',
      'trial-ordinary': '6 month',
      'fee-payment': '7 day',
      'enforcement-application': '2 year',
    });
  });

  it("an approved extension is added in the period's unit before the roll-forward", () => {
    // small claims: 2 months + 1 (民诉法 art. 168) from 2026-07-31 → 10-31 (Saturday) → 11-02
    expect(computeDeadline(cal, 'trial-small-claims', '2026-07-31', { extendBy: 1 }).due).toBe('2026-11-02');
  });

  it("the issue's example: 2026-11-01 + 15 days with a suspension 10-01…10-10 before the start is 11-16", () => {
    expect(
      computeDeadline(cal, 'confirmation-objection', '2026-11-01', { suspended: [{ from: '2026-10-01', to: '2026-10-10' }] }).due,
    ).toBe('2026-11-16');
  });
});
