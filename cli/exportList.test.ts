import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { court, initCourt } from '../test/cli';

describe('court export', { timeout: 180_000 }, () => {
  it('writes the register between two dates to an .xlsx with one row per case, and refuses bad arguments', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-export-'));
    const init = await initCourt(dir);
    expect(init.code).toBe(0);
    expect((await court('seed', '--data', dir, '--cases', '1500', '--seed', '5', '--from', '2025-01-01', '--to', '2025-12-31')).code).toBe(
      0,
    );

    const db = new Database(path.join(dir, 'court.sqlite'), { readonly: true });
    const expected = (
      db.prepare(`SELECT count(*) AS n FROM cases WHERE received_on BETWEEN '2025-04-01' AND '2025-09-30'`).get() as { n: number }
    ).n;
    db.close();
    expect(expected).toBeGreaterThan(100);

    const out = path.join(dir, '案件.xlsx');
    const r = await court('export', '--data', dir, '--what', 'cases', '--from', '2025-04-01', '--to', '2025-09-30', '--out', out);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, what: 'cases', rows: expected, file: out });
    // progress on stderr, ending at the total
    expect(r.stderr).toContain(`${expected} / ${expected} 行`);
    expect(fs.existsSync(`${out}.part`)).toBe(false);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('案件');
    expect(ws.rowCount).toBe(expected + 1);
    expect(ws.getRow(1).getCell(1).value).toBe('案号');
    const dates = [...Array(expected).keys()].map((i) => (ws.getRow(i + 2).getCell(3).value as Date).toISOString().slice(0, 10));
    expect(dates.every((d) => d >= '2025-04-01' && d <= '2025-09-30')).toBe(true);

    const bad = await court('export', '--data', dir, '--what', 'everything', '--out', out);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--what 无效');
    const badDate = await court('export', '--data', dir, '--what', 'docket', '--from', '2025-02-30', '--out', out);
    expect(badDate.stderr).toContain('--from 应为有效日期');
  });
});
