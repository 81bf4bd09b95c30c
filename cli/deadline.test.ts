import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { PERIOD_KINDS } from '../core/periods';
import { main } from './index';

const ROOT = path.resolve(__dirname, '..');

function deadline(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/index.ts', 'deadline', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('court deadline', { timeout: 120_000 }, () => {
  it('answers for every kind of the table with due, basis and rolledFrom', async () => {
    for (const kind of PERIOD_KINDS) {
      // in-process (the same main() the command runs) to keep fifteen runs quick
      let stdout = '';
      const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
      const code = await main(['deadline', '--kind', kind, '--from', '2026-09-16', '--json']).finally(() => spy.mockRestore());
      expect(code, kind).toBe(0);
      const out = JSON.parse(stdout);
      expect(out.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(out.basis.length).toBeGreaterThan(4);
      expect(out).toHaveProperty('rolledFrom');
    }
  });

  it('rolls the fee payment period over National Day 2026 and counts only suspended days after the start', () => {
    expect(JSON.parse(deadline('--kind', 'fee-payment', '--from', '2026-09-28', '--json').stdout)).toMatchObject({
      due: '2026-10-08',
      rolledFrom: '2026-10-05',
      basis: '《诉讼费用交纳办法》第二十二条',
    });
    const r = deadline('--kind', 'confirmation-objection', '--from', '2026-11-01', '--suspend', '2026-10-01..2026-10-10', '--suspend', '2026-11-05..2026-11-06', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ due: '2026-11-18', rolledFrom: null });
  });

  it('refuses an unknown kind or a bad date with exit 2, naming the argument', () => {
    const bad: [string[], string][] = [
      [['--kind', 'appeal', '--from', '2026-11-01'], '--kind'],
      [['--kind', 'fee-payment', '--from', '2026-02-30'], '--from'],
      [['--kind', 'fee-payment', '--from', '20261101'], '--from'],
      [['--kind', 'fee-payment', '--from', '2026-11-01', '--suspend', '2026-11-05'], '--suspend'],
    ];
    for (const [args, option] of bad) {
      const r = deadline(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`错误：${option}`);
      expect(r.stdout).toBe('');
    }
  });
});
