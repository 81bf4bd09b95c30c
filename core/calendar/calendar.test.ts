import { describe, expect, it } from 'vitest';
import { addCalendarMonths, shippedCalendar } from './calendar';

const cal = shippedCalendar();

describe('working days', () => {
  it.each([
    ['2026-02-16', false, '春节'],
    ['2026-02-14', true, '调休上班的周六'],
    ['2026-02-28', true, '调休上班的周六'],
    ['2026-02-24', true, '节后周二'],
    ['2026-10-10', true, '国庆调休周六'],
    ['2026-10-05', false, '国庆'],
    ['2026-11-21', false, '普通周六'],
    ['2026-11-23', true, '普通周一'],
    ['2025-01-26', true, '2025 春节前调休周日'],
    ['2024-05-03', false, '2024 劳动节'],
  ])('%s working=%s (%s)', (date, working) => {
    expect(cal.isWorkingDay(date)).toBe(working);
  });
});

describe('periods in days (starting day not counted, roll forward)', () => {
  it.each([
    ['2026-11-01', 15, '2026-11-16', 'ordinary: ends on a Monday'],
    ['2026-11-06', 15, '2026-11-23', 'ends Saturday 11-21 → Monday 11-23'],
    ['2026-02-01', 15, '2026-02-24', 'ends 02-16 in the Spring Festival → first working day 02-24'],
    ['2026-01-30', 15, '2026-02-14', 'ends on the make-up working Saturday 02-14: stays'],
    ['2026-09-16', 15, '2026-10-08', 'ends 10-01 (National Day) → 10-08'],
    ['2026-12-17', 15, '2027-01-04', 'ends 2027-01-01 (元旦, Friday) → Monday 01-04'],
    ['2026-11-23', 30, '2026-12-23', '30-day review period'],
    ['2026-02-27', 1, '2026-02-28', 'one day ending on the make-up Saturday'],
  ])('%s + %i days → %s (%s)', (start, days, end) => {
    expect(cal.addDays(start, days)).toBe(end);
  });

  it('does not roll forward when the policy flag is off', () => {
    expect(cal.addDays('2026-11-06', 15, { rollForward: false })).toBe('2026-11-21');
  });

  it('adds suspended spans (e.g. a 10-day appraisal) to the period', () => {
    expect(cal.addDays('2026-11-01', 15, { suspended: [{ from: '2026-11-05', to: '2026-11-14' }] })).toBe('2026-11-26');
    // overlapping spans count once
    expect(
      cal.addDays('2026-11-01', 15, {
        suspended: [
          { from: '2026-11-05', to: '2026-11-10' },
          { from: '2026-11-08', to: '2026-11-14' },
        ],
      }),
    ).toBe('2026-11-26');
  });
});

describe('periods in months', () => {
  it.each([
    ['2026-11-30', 3, '2027-03-01', '→ 2027-02-28 (month end) is a Sunday → Monday 03-01'],
    ['2026-08-31', 6, '2027-03-01', '→ 2027-02-28 (Sunday) → 03-01'],
    ['2027-08-31', 6, '2028-02-29', 'leap year: 2028-02-29 (Tuesday)'],
    ['2026-11-23', 3, '2027-02-23', 'simplified procedure: 3 months'],
    ['2026-11-23', 2, '2027-01-25', 'small claims: 2 months → 01-23 Saturday → Monday 01-25'],
    ['2026-04-15', 6, '2026-10-15', 'ordinary procedure: 6 months'],
    ['2026-08-07', 2, '2026-10-08', '→ 10-07 (National Day) → 10-08'],
  ])('%s + %i months → %s (%s)', (start, months, end) => {
    expect(cal.addMonths(start, months)).toBe(end);
  });

  it('computes the raw month end without rolling', () => {
    expect(addCalendarMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2027-12-15', 2)).toBe('2028-02-15');
  });
});

describe('working-day periods', () => {
  it.each([
    ['2026-11-20', 3, '2026-11-25', 'Friday + 3 working days skips the weekend'],
    ['2026-02-12', 3, '2026-02-24', 'across the Spring Festival, counting the make-up Saturday 02-14'],
    ['2026-09-29', 3, '2026-10-09', 'across National Day: 09-30, 10-08, 10-09'],
  ])('%s + %i working days → %s (%s)', (start, n, end) => {
    expect(cal.addWorkingDays(start, n)).toBe(end);
  });

  it('counts working days between two dates', () => {
    expect(cal.workingDaysBetween('2026-11-20', '2026-11-25')).toBe(3);
    expect(cal.workingDaysBetween('2026-11-25', '2026-11-20')).toBe(-3);
  });

  it('reports which years still need the State Council notice', () => {
    expect(cal.coverage()).toEqual({ years: [2024, 2025, 2026, 2027], provisional: [2027] });
  });
});
