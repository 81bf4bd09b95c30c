import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cellText, readSheet, readSheetValues } from './reader';

/**
 * The sheet reader parses in slices (exceljs's streaming reader fed part by part) instead of `wb.xlsx.load`;
 * these tests hold it to what the workbook loader read from the same bytes.
 */

/** what readSheet returned before, with `wb.xlsx.load` (the code it replaced) */
async function loadedRows(bytes: Uint8Array, sheetName?: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = (sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0])!;
  const width = ws.columnCount;
  const read = (r: ExcelJS.Row) => Array.from({ length: width }, (_, i) => cellText(r.getCell(i + 1).value));
  const headers = read(ws.getRow(1));
  const rows: { row: number; cells: string[] }[] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const cells = read(r);
    if (cells.some(Boolean)) rows.push({ row: n, cells });
  });
  while (headers.length && !headers[headers.length - 1] && rows.every((r) => !r.cells[headers.length - 1])) {
    headers.pop();
    for (const r of rows) r.cells.pop();
  }
  return { sheet: ws.name, headers, rows, rowCount: ws.rowCount, values: ws.getSheetValues() };
}

const LONG = '本院认为，'.repeat(9_000) + '结束'; // 45,002 characters: 135 KB of UTF-8, across several 64 KiB slices

async function sampleWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['本表为第二张工作表之前的说明']);
  const ws = wb.addWorksheet('移送案件');
  ws.addRow(['案号', '收案日期', '标的额', '当事人', '备注', '到期', '核对', '', '']);
  ws.addRow(['（2026）浙0522民诉前调1号', new Date(Date.UTC(2026, 2, 4)), 12345.5, '张三', LONG]);
  ws.addRow([]); // an empty row: skipped
  ws.addRow([
    '  （2026）浙0522民诉前调2号  ',
    new Date(Date.UTC(2025, 11, 31)),
    0,
    { richText: [{ text: '李' }, { font: { bold: true }, text: '四 ' }] },
    { text: '见链接', hyperlink: 'https://example.org/' },
  ]);
  // an ID number typed as a number (it has lost its last digits in Excel already)
  ws.addRow(['（2026）浙0522民诉前调3号', '2026-01-05', Number('330522198001011234'), '王五', '']);
  ws.addRow(['（2026）浙0522民诉前调4号', null, -7, '赵六、钱七', '合并单元格']);
  ws.addRow(['（2026）浙0522民诉前调5号']);
  ws.mergeCells('E6:E7');
  ws.getColumn(2).numFmt = 'yyyy-mm-dd';
  // formulas: a number, a date under a date format, a text, an error result, a shared formula
  ws.getCell('F2').value = { formula: 'B2+30', result: new Date(Date.UTC(2026, 3, 3)) };
  ws.getCell('F2').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('G2').value = { formula: 'C2*2', result: 24691 };
  ws.getCell('G4').value = { formula: 'D4&"x"', result: '李四x' };
  ws.getCell('G5').value = { formula: 'VLOOKUP(A5,X:Y,2,0)', result: { error: '#N/A' } };
  ws.getCell('G6').value = { sharedFormula: 'G2', result: -14 };
  ws.getCell('I9').value = '   '; // a blank text far out: no column, no row
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('the sheet reader', () => {
  it('reads dates, numbers, rich text, formulas, merged cells, an empty row and a long text as the workbook loader did', async () => {
    const bytes = await sampleWorkbook();
    const before = await loadedRows(bytes, '移送案件');
    const now = await readSheet(bytes, '移送案件');
    expect(now).toEqual({ sheet: before.sheet, headers: before.headers, rows: before.rows });
    // and what that is, spelled out
    expect(now.headers).toEqual(['案号', '收案日期', '标的额', '当事人', '备注', '到期', '核对']);
    expect(now.rows.map((r) => r.row)).toEqual([2, 4, 5, 6, 7]);
    expect(now.rows[0]!.cells).toEqual(['（2026）浙0522民诉前调1号', '2026-03-04', '12345.5', '张三', LONG, '2026-04-03', '24691']);
    expect(now.rows[1]!.cells).toEqual(['（2026）浙0522民诉前调2号', '2025-12-31', '0', '李四', '见链接', '', '李四x']);
    expect(now.rows[2]!.cells).toEqual(['（2026）浙0522民诉前调3号', '2026-01-05', '330522198001011260', '王五', '', '', '']);
    expect(now.rows[3]!.cells).toEqual(['（2026）浙0522民诉前调4号', '', '-7', '赵六、钱七', '合并单元格', '', '-14']);
    expect(now.rows[4]!.cells).toEqual(['（2026）浙0522民诉前调5号', '', '', '', '合并单元格', '', '']);
    // the first sheet when none is named
    expect(await readSheet(bytes)).toEqual(await loadedRows(bytes).then((b) => ({ sheet: b.sheet, headers: b.headers, rows: b.rows })));
  });

  it('gives the raw values the roster import reads: the same texts, dates and row count as the loader', async () => {
    const bytes = await sampleWorkbook();
    const before = await loadedRows(bytes, '移送案件');
    const [raw] = await readSheetValues(bytes, (names) => names.filter((n) => n === '移送案件'));
    expect(raw!.rowCount).toBe(before.rowCount);
    const key = (v: ExcelJS.CellValue) => (v instanceof Date ? v.getTime() : cellText(v));
    // an empty text cell is '' to the loader and no value here: the same to every reader of the values
    const texts = (values: ExcelJS.CellValue[]) => {
      const out = Array.from(values, key);
      while (out.length && out[out.length - 1] === '') out.pop();
      return out;
    };
    const loaded = before.values
      .map((values, row) => ({ row, values: texts((values ?? []) as ExcelJS.CellValue[]) }))
      .filter((r) => r.values.length);
    const streamed = raw!.rows.map(({ row, values }) => ({ row, values: texts(values) })).filter((r) => r.values.length);
    expect(streamed).toEqual(loaded);
  });

  it('reads a text in formatted runs typed in the cell (inline strings) whole, and a formula whose result is 0 as 0', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('移送案件');
    ws.addRow(['当事人', '金额', '核对']);
    ws.addRow(['(runs)', 5]);
    ws.getCell('C2').value = { formula: 'B2-5', result: 0 };
    ws.getCell('C3').value = { formula: 'B3*2' } as ExcelJS.CellFormulaValue; // never calculated: no result saved
    ws.getCell('A3').value = '李四';
    // exceljs writes shared strings only: the inline string in runs, as other systems' exports write it, by hand
    const zip = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
    const sheetXml = strFromU8(zip['xl/worksheets/sheet1.xml']!);
    const inline =
      '<c r="A2" t="inlineStr"><is><r><t>浙江</t></r><r><rPr><b/></rPr><t xml:space="preserve">长兴 </t></r>' +
      '<r><t>某某有限公司</t></r><rPh sb="0" eb="2"><t>ZJ</t></rPh></is></c>';
    zip['xl/worksheets/sheet1.xml'] = strToU8(sheetXml.replace(/<c r="A2"[^>]*>.*?<\/c>/, inline));
    const sheet = await readSheet(zipSync(zip));
    expect(sheet.rows.map((r) => r.cells)).toEqual([
      ['浙江长兴 某某有限公司', '5', '0'],
      ['李四', '', ''],
    ]);
  });

  it('names a missing sheet and refuses bytes that are not a workbook', async () => {
    const bytes = await sampleWorkbook();
    await expect(readSheet(bytes, '没有')).rejects.toThrow('工作簿中没有名为“没有”的工作表');
    await expect(readSheet(new TextEncoder().encode('not a workbook'))).rejects.toThrow(/无法读取该文件/);
    await expect(readSheet(bytes.subarray(0, bytes.length >> 1))).rejects.toThrow(/无法读取该文件/);
  });

  it('gives the event loop back while it parses a 5,000-row sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('案件');
    ws.addRow(['案号', '收案日期', '当事人', '标的额']);
    for (let i = 1; i <= 5_000; i++)
      ws.addRow([`（2026）浙0522民诉前调${i}号`, new Date(Date.UTC(2026, 0, 1 + (i % 300))), `当事人${i}`, i * 3.5]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    let turns = 0;
    let reading = true;
    const spin = () => {
      turns++;
      if (reading) setImmediate(spin);
    };
    setImmediate(spin);
    const sheet = await readSheet(bytes);
    reading = false;
    expect(sheet.rows).toHaveLength(5_000);
    expect(sheet.rows[4_999]!.cells).toEqual(['（2026）浙0522民诉前调5000号', '2026-07-20', '当事人5000', '17500']);
    // other callers ran many times during the read (wb.xlsx.load let them run only once it was done)
    expect(turns).toBeGreaterThan(10);
  });
});
