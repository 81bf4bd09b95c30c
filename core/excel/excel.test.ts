import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { readSheet, writeWorkbook, writeWorkbookBuffer, writeWorkbookFile, type SheetColumn } from '.';

type Row = { code: string; filed: string; at: string; fen: number; n: number };
const columns: SheetColumn<Row>[] = [
  { header: '案号', kind: 'text', width: 24, value: (r) => r.code },
  { header: '立案日期', kind: 'date', value: (r) => r.filed },
  { header: '登记时间', kind: 'datetime', value: (r) => r.at },
  { header: '标的额', kind: 'money', value: (r) => r.fen },
  { header: '当事人数', kind: 'integer', value: (r) => r.n },
];

const dir = mkdtempSync(join(tmpdir(), 'excel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the .xlsx writer', () => {
  it('writes Chinese headers, typed cells with their formats, a frozen header and column widths', async () => {
    const rows: Row[] = [
      { code: '（2026）浙0522民初1号', filed: '2026-11-23', at: '2026-11-23T18:29:50.123+08:00', fen: 15000050, n: 2 },
      { code: '（2026）浙0522民初2号', filed: '2026-12-01', at: '2026-12-01T08:05:00.000+08:00', fen: 0, n: 3 },
    ];
    const { bytes, sheets } = await writeWorkbookBuffer([{ name: '案件', columns, rows }]);
    expect(sheets).toEqual([{ name: '案件', rows: 2 }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('案件')!;
    expect(ws.rowCount).toBe(3);
    expect(ws.getRow(1).values).toEqual([undefined, '案号', '立案日期', '登记时间', '标的额', '当事人数']);
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(1).width).toBe(24);

    const r = ws.getRow(2);
    expect(r.getCell(1).value).toBe('（2026）浙0522民初1号');
    // a date cell is an Excel date on the court's calendar day, shown as 2026-11-23
    expect(r.getCell(2).value).toBeInstanceOf(Date);
    expect((r.getCell(2).value as Date).toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(r.getCell(2).numFmt).toBe('yyyy-mm-dd');
    // the instant shows the Shanghai wall-clock time (18:29), not UTC (10:29)
    expect((r.getCell(3).value as Date).toISOString().slice(0, 16)).toBe('2026-11-23T18:29');
    // money: 15000050 分 is the number 150000.5 in 元, with the 元 format
    expect(r.getCell(4).value).toBe(150000.5);
    expect(r.getCell(4).numFmt).toBe('#,##0.00"元"');
    expect(r.getCell(5).value).toBe(2);
    expect(r.getCell(5).numFmt).toBe('0');
    expect(ws.getRow(3).getCell(4).value).toBe(0);
  });

  it('streams many rows to a file with progress and the right row count', async () => {
    const path = join(dir, 'many.xlsx');
    function* gen() {
      for (let i = 1; i <= 25_000; i++)
        yield { code: `（2026）浙0522民初${i}号`, filed: '2026-01-02', at: '2026-01-02T09:00:00+08:00', fen: i * 100, n: 1 };
    }
    const progress: number[] = [];
    const result = await writeWorkbookFile(path, [{ name: '案件', columns, rows: gen(), total: 25_000 }], {
      progressEvery: 5000,
      onProgress: (p) => progress.push(p.done),
    });
    expect(result.sheets[0]!.rows).toBe(25_000);
    expect(progress).toEqual([0, 5000, 10000, 15000, 20000, 25000]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(25_001);
    expect(ws.getRow(25_001).getCell(4).value).toBe(25_000);
  });

  it('stops reading rows while the file cannot take more (flat memory: rows wait in the register, not in memory)', async () => {
    // a disk that stalls: nothing written is acknowledged until `release`
    let stalled = true;
    const held: (() => void)[] = [];
    let bytes = 0;
    const disk = new Writable({
      write(chunk: Buffer, _enc, cb) {
        bytes += chunk.length;
        if (stalled) held.push(cb);
        else cb();
      },
    });
    const release = () => {
      stalled = false;
      for (const cb of held.splice(0)) cb();
    };
    const total = 30_000;
    let read = 0;
    function* gen() {
      for (let i = 1; i <= total; i++) {
        read = i;
        yield { code: `（2026）浙0522民初${i}号`, filed: '2026-01-02', at: '2026-01-02T09:00:00+08:00', fen: i * 100, n: 1 };
      }
    }
    const finished = new Promise<void>((resolve) => disk.on('finish', resolve));
    const writing = writeWorkbook(disk, [{ name: '案件', columns, rows: gen() }]);
    // wait until the export stops reading: the count settles while the disk is stalled
    let last = -1;
    while (read !== last) {
      last = read;
      await new Promise((r) => setTimeout(r, 300));
    }
    // a few thousand rows fill the zip's buffers; without backpressure every row would have been read by now
    expect(read).toBeLessThan(total / 3);
    release();
    const result = await writing;
    await finished;
    expect(result.sheets[0]!.rows).toBe(total);
    expect(bytes).toBeGreaterThan(0);
  });

  it('writes several sheets in one workbook and an empty list as a header row', async () => {
    const { bytes } = await writeWorkbookBuffer([
      { name: '案件', columns, rows: [] },
      { name: '案件', columns, rows: [] },
      { name: '调解/确认', columns, rows: [] },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['案件', '案件(2)', '调解·确认']);
    expect(wb.worksheets[0]!.rowCount).toBe(1);
  });

  it('reads a sheet back as text: dates as YYYY-MM-DD, blank rows skipped', async () => {
    const { bytes } = await writeWorkbookBuffer([
      { name: '案件', columns, rows: [{ code: 'A', filed: '2026-03-04', at: '2026-03-04T23:30:00+08:00', fen: 100, n: 1 }] },
    ]);
    const sheet = await readSheet(bytes);
    expect(sheet.headers).toEqual(['案号', '立案日期', '登记时间', '标的额', '当事人数']);
    expect(sheet.rows).toEqual([{ row: 2, cells: ['A', '2026-03-04', '2026-03-04', '1', '1'] }]);
  });

  it('refuses a file that is not a workbook with a Chinese message', async () => {
    await expect(readSheet(new TextEncoder().encode('not a workbook'))).rejects.toThrow(/无法读取该文件/);
  });
});
