import { describe, expect, it } from 'vitest';
import { formatDays, parseDays } from './holidayDays';

describe('holiday days typed from the State Council notice', () => {
  it('expands a range across a month end, both ends included, with single days beside it', () => {
    expect(parseDays('2027-01-30至2027-02-02、2027-02-20')).toEqual({
      days: ['2027-01-30', '2027-01-31', '2027-02-01', '2027-02-02', '2027-02-20'],
      error: null,
    });
  });

  it('refuses what is not a date (a 30 February, a reversed range), saying which part', () => {
    expect(parseDays('2027-02-30').error).toContain('2027-02-30');
    expect(parseDays('2027-02-11至2027-02-05').error).toContain('结束日早于开始日');
  });

  it('shows the entered days back as ranges', () => {
    expect(formatDays(['2027-02-07', '2027-02-05', '2027-02-06', '2027-02-20'])).toBe('2027-02-05至2027-02-07、2027-02-20');
    expect(parseDays(formatDays(['2027-10-01', '2027-10-02', '2027-10-08'])).days).toEqual(['2027-10-01', '2027-10-02', '2027-10-08']);
  });
});
