import { afterEach, describe, expect, it } from 'vitest';
import { countRows, createHarness, setUpCourt, type Harness } from '../../test/harness';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

describe('calendar operations', () => {
  it('computes a period across the Spring Festival and says why it rolled', async () => {
    h = createHarness();
    const admin = await setUpCourt(h);
    expect(await h.call('calendar.period', { start: '2026-02-01', amount: 15, unit: 'days' }, admin)).toEqual({
      end: '2026-02-24',
      rolledFrom: '2026-02-16',
      holiday: '春节',
      provisionalYear: false,
    });
    expect(await h.call('calendar.period', { start: '2026-11-30', amount: 3, unit: 'months' }, admin)).toMatchObject({
      end: '2027-03-01',
      rolledFrom: '2027-02-28',
      holiday: '休息日',
      provisionalYear: true,
    });
  });

  it('lets an admin enter next year from the State Council notice, and uses it at once', async () => {
    h = createHarness();
    const admin = await setUpCourt(h);
    // a hypothetical 2027 arrangement: 2027-02-04..02-10 off, Saturday 02-20 worked
    const days = ['2027-02-04', '2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10'];
    await h.call(
      'calendar.updateYear',
      { year: 2027, notice: '国务院办公厅关于2027年部分节假日安排的通知', holidays: [{ name: '春节', days }], workdays: ['2027-02-20'] },
      admin,
    );
    const info = await h.call('calendar.info', undefined, admin);
    expect(info.find((y) => y.year === 2027)).toMatchObject({ provisional: false, workdays: ['2027-02-20'] });
    expect((await h.call('calendar.period', { start: '2027-01-20', amount: 15, unit: 'days' }, admin)).end).toBe('2027-02-11');
  });

  it('refuses a make-up workday that is not a weekend, naming the field, and writes nothing', async () => {
    h = createHarness();
    const admin = await setUpCourt(h);
    const before = countRows(h.core, 'audit_log');
    const err = await h.fail(
      'calendar.updateYear',
      { year: 2027, notice: '通知', holidays: [{ name: '元旦', days: ['2027-01-01'] }], workdays: ['2027-01-05'] },
      admin,
    );
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'workdays.0', message: '调休上班日 2027-01-05 不是周六或周日' });
    expect(countRows(h.core, 'audit_log')).toBe(before);
  });
});
