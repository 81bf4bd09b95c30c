import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { closeCore, createCore } from '../core';
import { centreOverview } from '../core/stats';
import { dateShanghai } from '../core/time/clock';
import { court, initCourt } from '../test/cli';
import { seedFigures } from '../test/figuresSeed';

describe('court stats / court report', () => {
  it('prints the same overview as stats.overview for the same data and period, and writes the monthly workbook', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-stats-'));
    const init = await initCourt(dir);
    expect(init.code).toBe(0);
    const core = createCore({ dataDir: dir });
    seedFigures(core.sqlite, 1, 1);
    closeCore(core);

    const run = await court('stats', '--data', dir, '--from', '2026-10-01', '--to', '2026-11-30', '--json');
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout);
    const again = createCore({ dataDir: dir });
    try {
      // the page calls stats.overview, whose handler is this function
      const expected = centreOverview(again, { from: '2026-10-01', to: '2026-11-30' }, dateShanghai(again.clock.now()));
      expect(printed).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(printed.sections[1].total).toMatchObject({ received: 5, concluded: 4, resolved: 3 });
    } finally {
      closeCore(again);
    }

    const text = await court('stats', '--data', dir, '--from', '2026-10-01', '--to', '2026-11-30');
    expect(text.stdout).toContain('诉调对接（调解）：收案 5，办结 4，调解成功 3，调解成功率 75.0%');

    const out = path.join(dir, 'report.xlsx');
    const report = await court('report', '--data', dir, '--month', '2026-10', '--out', out);
    expect(report.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets).toHaveLength(7);
  });

  it('refuses a period that ends before it starts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-stats-'));
    const run = await court('stats', '--data', dir, '--from', '2026-11-30', '--to', '2026-10-01');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('统计截止日期不能早于起始日期');
  });
});
