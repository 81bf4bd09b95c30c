import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { court, initCourt } from '../test/cli';
const triage = (...args: string[]) => court('triage', ...args);

describe('court triage', { timeout: 180_000 }, () => {
  it('answers the procedure, consent and reasons as JSON', async () => {
    const at = await triage('--amount', '50000', '--average-wage', '100000', '--json');
    expect(at.code).toBe(0);
    const r = JSON.parse(at.stdout);
    expect(Object.keys(r).sort()).toEqual(['byConsent', 'procedure', 'reasons']);
    expect(r).toMatchObject({ procedure: 'small-claims', byConsent: false });
    expect(r.reasons[0].basis).toContain('第一百六十五条');

    expect(JSON.parse((await triage('--amount', '50000.01', '--average-wage', '100000', '--json')).stdout).procedure).toBe('simplified');
    expect(JSON.parse((await triage('--amount', '200000', '--average-wage', '100000', '--consent', '--json')).stdout)).toMatchObject({
      procedure: 'small-claims',
      byConsent: true,
    });
    expect(JSON.parse((await triage('--amount', '3000', '--average-wage', '100000', '--counterclaim', '--json')).stdout).procedure).toBe(
      'simplified',
    );
    expect(
      JSON.parse((await triage('--amount', '3000', '--average-wage', '100000', '--whereabouts-unknown', '--json')).stdout).procedure,
    ).toBe('ordinary');
    expect(JSON.parse((await triage('--non-money', '--average-wage', '100000', '--status', '--json')).stdout).procedure).toBe('simplified');
  });

  it('refuses bad arguments with exit code 2 naming the argument', async () => {
    const bad: [string[], string][] = [
      [['--amount', 'abc', '--average-wage', '100000'], '--amount'],
      [['--average-wage', '100000'], '--amount'],
      [['--amount', '100'], '--average-wage'],
      [['--amount', '100', '--average-wage', '0'], '--average-wage'],
      [['--amount', '100', '--data', '/tmp/x'], '--year'],
      [['--amount', '100', '--data', '/tmp/x', '--year', '26'], '--year'],
    ];
    for (const [args, option] of bad) {
      const r = await triage(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(`错误：${option}`);
      expect(r.stdout).toBe('');
    }
  });

  it('reads the previous year’s wage figure of the court’s province from --data', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'triage-'));
    try {
      expect((await initCourt(dir)).code).toBe(0);
      const db = new Database(
        path.join(
          dir,
          fs.readdirSync(dir).find((f) => f.endsWith('.db') || f.endsWith('.sqlite'))!,
        ),
      );
      const ins = db.prepare(
        'INSERT INTO docket_wage_figures (province, wage_year, amount_fen, published_on, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      ins.run('浙', 2024, 8_000_000, '2025-06-01', '浙江省高级人民法院通知', '2025-06-02T09:00:00+08:00');
      ins.run('浙', 2025, 10_000_000, '2026-06-01', '浙江省高级人民法院通知', '2026-06-02T09:00:00+08:00');
      db.close();
      // filed in 2026: the 2025 figure (100,000 元) → 50,000 元 is the mandatory ceiling
      expect(JSON.parse((await triage('--amount', '50000', '--data', dir, '--year', '2026', '--json')).stdout).procedure).toBe(
        'small-claims',
      );
      // filed in 2025: the 2024 figure (80,000 元) → 50,000 元 is above 40,000 元
      expect(JSON.parse((await triage('--amount', '50000', '--data', dir, '--year', '2025', '--json')).stdout).procedure).toBe(
        'simplified',
      );
      const none = await triage('--amount', '50000', '--data', dir, '--year', '2024', '--json');
      expect(none.code).toBe(1);
      expect(none.stderr).toContain('年平均工资');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
