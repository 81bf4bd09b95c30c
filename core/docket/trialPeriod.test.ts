import { describe, expect, it } from 'vitest';
import { shippedCalendar } from '../calendar/calendar';
import { trialPeriod, type TrialPeriodInput } from './trialPeriod';

const cal = shippedCalendar();
const period = (p: Partial<TrialPeriodInput> & Pick<TrialPeriodInput, 'procedure' | 'filedOn'>) =>
  trialPeriod(cal, { suspensions: [], extensionMonths: 0, today: p.filedOn, ...p });

describe('trial periods (审限) from the legal periods table', () => {
  it('small claims: two months from filing; a last day in the Spring Festival rolls to the first working day', () => {
    const p = period({ procedure: 'small-claims', filedOn: '2025-12-16' });
    expect(p.kind).toBe('trial-small-claims');
    expect(p.rolledFrom).toBe('2026-02-16');
    expect(p.due).toBe('2026-02-24');
    expect(p.basis).toContain('第一百六十八条');
  });

  it('simplified: three months; a last day in the Qingming holiday rolls forward', () => {
    const p = period({ procedure: 'simplified', filedOn: '2026-01-05' });
    expect(p.due).toBe('2026-04-07');
    expect(p.basis).toContain('第一百六十四条');
  });

  it('a suspension wholly before the filing date changes nothing', () => {
    const p = period({ procedure: 'simplified', filedOn: '2026-03-02', suspensions: [{ from: '2026-02-01', to: '2026-02-10' }] });
    expect(p.due).toBe('2026-06-02');
    expect(p.suspendedDays).toBe(0);
  });

  it('a suspension across the filing date counts only its days after it', () => {
    const p = period({ procedure: 'simplified', filedOn: '2026-03-02', suspensions: [{ from: '2026-02-25', to: '2026-03-05' }] });
    expect(p.suspendedDays).toBe(3);
    expect(p.due).toBe('2026-06-05');
  });

  it('an appraisal inside the period lengthens it by its days; overlapping spans count once', () => {
    const p = period({
      procedure: 'simplified',
      filedOn: '2026-03-02',
      suspensions: [
        { from: '2026-04-01', to: '2026-04-30' },
        { from: '2026-04-20', to: '2026-04-25' },
      ],
    });
    expect(p.suspendedDays).toBe(30);
    expect(p.due).toBe('2026-07-02');
  });

  it('a running suspension lasts up to today and shows the period as stopped', () => {
    const p = period({
      procedure: 'simplified',
      filedOn: '2026-03-02',
      suspensions: [{ from: '2026-04-01', to: null }],
      today: '2026-04-10',
    });
    expect(p.suspendedNow).toBe(true);
    expect(p.suspendedDays).toBe(10);
    expect(p.due).toBe('2026-06-12');
  });

  it('an approved extension adds its months before the roll-forward (simplified: four months in all)', () => {
    const p = period({ procedure: 'simplified', filedOn: '2026-03-02', extensionMonths: 1 });
    expect(p.due).toBe('2026-07-02');
    // small claims + 1 month: 2026-08-03 + 3 months = 2026-11-03
    expect(period({ procedure: 'small-claims', filedOn: '2026-08-03', extensionMonths: 1 }).due).toBe('2026-11-03');
  });

  it('a small claim whose second month ends in the National Day holiday rolls past it', () => {
    const p = period({ procedure: 'small-claims', filedOn: '2026-08-03' });
    expect(p.rolledFrom).toBe('2026-10-03');
    expect(cal.isWorkingDay(p.due)).toBe(true);
    expect(p.due > '2026-10-07').toBe(true);
  });

  it('conversion to ordinary keeps the filing date: six months from it, not from the conversion', () => {
    expect(period({ procedure: 'ordinary', filedOn: '2026-03-02', today: '2026-04-20' }).due).toBe('2026-09-02');
  });

  it('warning tiers: two thirds used, 30 days left, 5 days left, overdue', () => {
    const at = (today: string) => period({ procedure: 'ordinary', filedOn: '2026-03-02', today }).tier;
    expect(at('2026-06-01')).toBe('none');
    expect(at('2026-07-03')).toBe('two-thirds');
    expect(at('2026-08-03')).toBe('thirty-days');
    expect(at('2026-08-28')).toBe('five-days');
    expect(at('2026-09-02')).toBe('five-days');
    expect(at('2026-09-03')).toBe('overdue');
  });
});
