import { describe, expect, it } from 'vitest';
import { PERIOD_KINDS } from '../core/periods';
import { court } from '../test/cli';

const deadline = (...args: string[]) => court('deadline', ...args);

describe('court deadline', { timeout: 120_000 }, () => {
  it('answers for every kind of the table with due, basis and rolledFrom', async () => {
    for (const kind of PERIOD_KINDS) {
      const { code, stdout } = await deadline('--kind', kind, '--from', '2026-09-16', '--json');
      expect(code, kind).toBe(0);
      const out = JSON.parse(stdout);
      expect(out.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(out.basis.length).toBeGreaterThan(4);
      expect(out).toHaveProperty('rolledFrom');
    }
  });

  it('rolls the fee payment period over National Day 2026 and counts only suspended days after the start', async () => {
    expect(JSON.parse((await deadline('--kind', 'fee-payment', '--from', '2026-09-28', '--json')).stdout)).toMatchObject({
      due: '2026-10-08',
      rolledFrom: '2026-10-05',
      basis: '《诉讼费用交纳办法》第二十二条',
    });
    const r = await deadline(
      '--kind',
      'confirmation-objection',
      '--from',
      '2026-11-01',
      '--suspend',
      '2026-10-01..2026-10-10',
      '--suspend',
      '2026-11-05..2026-11-06',
      '--json',
    );
    expect(JSON.parse(r.stdout)).toMatchObject({ due: '2026-11-18', rolledFrom: null });
  });

  it('refuses an unknown kind or a bad date with exit 2, naming the argument', async () => {
    const bad: [string[], string][] = [
      [['--kind', 'appeal', '--from', '2026-11-01'], '--kind'],
      [['--kind', 'fee-payment', '--from', '2026-02-30'], '--from'],
      [['--kind', 'fee-payment', '--from', '20261101'], '--from'],
      [['--kind', 'fee-payment', '--from', '2026-11-01', '--suspend', '2026-11-05'], '--suspend'],
    ];
    for (const [args, option] of bad) {
      const r = await deadline(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`错误：${option}`);
      expect(r.stdout).toBe('');
    }
  });
});
