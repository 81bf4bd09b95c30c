import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { ApiError } from '../api/errors';
import { lazyModule } from '../lazyModule';
import { pacer } from '../time/eventLoop';
import { openZip, type ZipParts } from './zip';

/**
 * Reads a sheet sent by another body (综治中心, 人民调解委员会 …) as text, the way a clerk reads it: a date cell
 * becomes YYYY-MM-DD (its Shanghai calendar day), a formula its result, rich text its plain text, a number its
 * digits (an 18-digit ID number typed as a number has already lost its last digits in Excel — the validator says so).
 *
 * The host and the desk's main process run core/ on one event loop, so a sheet is read in slices: the zip's parts
 * are inflated by zlib's thread pool (./zip.ts) and their XML is fed to exceljs's streaming reader 64 KiB at a
 * time, giving the loop back every ~15 ms. `wb.xlsx.load` parsed a 20,000-row sheet in one stretch of 0.7–1.1 s
 * (bench/legacyImport.ts prints the longest stretch). The values are those `wb.xlsx.load` gave: dates by the
 * cell's number format (styles are read for that), a formula's result (a date too under a date format), shared
 * and rich text, and a merged range's value in each of its cells.
 */

export interface SheetRows {
  sheet: string;
  /** the header row's texts, in column order */
  headers: string[];
  /** data rows with their row number in the sheet (1-based, the header is row 1); blank rows are skipped */
  rows: { row: number; cells: string[] }[];
}

export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    // exceljs reads an Excel serial as a UTC instant; a date-only cell is midnight UTC of that day.
    return v.toISOString().slice(0, 10);
  }
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    // a formula saved without its result (never calculated): nothing to read, rather than "[object Object]"
    if ('formula' in v || 'sharedFormula' in v) return '';
    if ('richText' in v)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('error' in v) return '';
  }
  return String(v).trim();
}

/** Largest sheet an import accepts: a monthly referral list is hundreds of rows, not hundreds of thousands. */
export const MAX_IMPORT_ROWS = 20_000;

/** One sheet's cell values as exceljs gives them; `values[c]` is column c (1-based, like exceljs's `row.values`). */
export interface RawSheet {
  name: string;
  /** the last row number, blank rows included (exceljs's `worksheet.rowCount`) */
  rowCount: number;
  /** the rows holding any value, in row order */
  rows: { row: number; values: ExcelJS.CellValue[] }[];
}

/** exceljs loads when a sheet is first read (core/lazyModule.ts) */
const excel = lazyModule<typeof ExcelJS>('exceljs');

const UNREADABLE = () => new ApiError('VALIDATION', '无法读取该文件：请上传 Excel 工作簿（.xlsx）', 'file');

/** how long a stretch of parsing may hold the event loop before it yields (setImmediate) */
const BUDGET_MS = 10;
const SLICE = 16 * 1024;

/** `bytes` in slices of SLICE bytes cut between UTF-8 characters, yielding to the event loop between slices as due */
async function* slices(bytes: Buffer, pace: () => Promise<void>): AsyncGenerator<Buffer> {
  let at = 0;
  while (at < bytes.length) {
    let end = Math.min(at + SLICE, bytes.length);
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--; // not inside a multi-byte character
    await pace();
    yield bytes.subarray(at, end);
    at = end;
  }
}

/** exceljs 4.4's streaming reader, driven part by part (its own `parse()` takes the parts in zip order and
 * parks a sheet met before the shared strings in a temp file: party data on disk, and styles maybe unread) */
interface StreamingReader {
  options: Record<string, string>;
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { name: string; rId: string }[] };
  properties?: { model?: { date1904?: boolean } };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): Generator<{ value: AsyncIterable<ExcelJS.Row> }>;
}

/** exceljs's utils.isDateFmt (lib/utils/utils.js): a format with y/m/d/h/s/b outside quotes and brackets */
const isDateFmt = (fmt: string | undefined) => !!fmt && /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
/** exceljs's utils.excelToDate */
const excelToDate = (v: number, date1904: boolean) => new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** "AB12" → [12, 28] */
function decodeAddress(ref: string): [number, number] | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]), col];
}

/** the sheet's merged ranges (<mergeCells> follows <sheetData>; exceljs's streaming reader skips them) */
function mergedRanges(xml: Buffer): [number, number, number, number][] {
  const start = xml.lastIndexOf('<mergeCells');
  if (start < 0) return [];
  const end = xml.indexOf('</mergeCells>', start);
  const text = xml.toString('utf8', start, end < 0 ? xml.length : end);
  const out: [number, number, number, number][] = [];
  for (const m of text.matchAll(/<mergeCell\b[^>]*\bref="([^":]+):([^"]+)"/g)) {
    const a = decodeAddress(m[1]!);
    const b = decodeAddress(m[2]!);
    if (a && b) out.push([Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])]);
  }
  return out;
}

/**
 * A text typed in the cell itself (`<is>`, written by some systems' exports instead of shared strings) may come in
 * formatted runs (`<r><t>张</t></r><r><t>三</t></r>`), of which exceljs's streaming reader keeps only the last:
 * the runs are joined into one `<t>` first (phonetic hints `<rPh>` left out, as the loader does). Only a sheet with
 * such cells pays for the pass.
 */
export function joinInlineRuns(xml: Buffer): Buffer {
  if (xml.indexOf('<is>') < 0) return xml;
  const text = xml.toString('utf8').replace(/<is>([\s\S]*?)<\/is>/g, (_all, inner: string) => {
    const runs = [...inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => m[1]);
    return `<is><t xml:space="preserve">${runs.join('')}</t></is>`;
  });
  return Buffer.from(text, 'utf8');
}

async function readRawSheet(
  reader: StreamingReader,
  zip: ZipParts,
  name: string,
  path: string,
  pace: () => Promise<void>,
): Promise<RawSheet> {
  const xml = joinInlineRuns(await zip.read(path));
  const date1904 = !!reader.properties?.model?.date1904;
  const byRow = new Map<number, ExcelJS.CellValue[]>();
  let rowCount = 0;
  for (const { value: sheet } of reader._parseWorksheet(slices(xml, pace), path)) {
    for await (const row of sheet) {
      rowCount = Math.max(rowCount, row.number);
      const values: ExcelJS.CellValue[] = [];
      row.eachCell((cell, col) => {
        let v = cell.value;
        // the streaming reader leaves a formula's result the number it parsed: a date under a date format, as
        // the workbook loader makes it; an error result ("#N/A", parsed as NaN and then dropped by the cell's
        // value, as a result 0 is by both readers) the loader's { error }
        const result = (cell as unknown as { result?: unknown }).result;
        if (v && typeof v === 'object' && 'formula' in v && typeof result === 'number') {
          if (Number.isNaN(result)) v = { ...v, result: { error: '#N/A' } };
          else if (result === 0)
            v = { ...v, result: 0 }; // the cell's value drops a result 0: keep it
          else if (result !== 0 && isDateFmt(cell.numFmt)) v = { ...v, result: excelToDate(result, date1904) };
        }
        values[col] = v;
      });
      if (values.length) byRow.set(row.number, values);
    }
  }
  for (const [top, left, bottom, right] of mergedRanges(xml)) {
    const master = byRow.get(top)?.[left];
    rowCount = Math.max(rowCount, bottom);
    if (master === undefined || master === null) continue;
    for (let r = top; r <= bottom; r++) {
      let values = byRow.get(r);
      if (!values) byRow.set(r, (values = []));
      for (let c = left; c <= right; c++) values[c] = master;
    }
  }
  const rows = [...byRow.entries()].sort((a, b) => a[0] - b[0]).map(([row, values]) => ({ row, values }));
  return { name, rowCount, rows };
}

/**
 * The cell values of the sheets `pick` chooses from the workbook's sheet names (in the workbook's order), read
 * without holding the event loop for more than ~15 ms at a time. Sheets `pick` names that are not there are left out.
 */
export async function readSheetValues(bytes: Uint8Array, pick: (names: string[]) => string[]): Promise<RawSheet[]> {
  const pace = pacer(BUDGET_MS);
  let zip: ZipParts;
  try {
    zip = openZip(bytes);
  } catch {
    throw UNREADABLE();
  }
  try {
    const reader = new (excel().stream.xlsx.WorkbookReader)(Readable.from([]), {
      sharedStrings: 'cache',
      worksheets: 'emit',
      hyperlinks: 'ignore',
      styles: 'cache',
    }) as unknown as StreamingReader;
    const part = async (name: string) => Readable.from(slices(await zip.read(name), pace), { highWaterMark: 1 });
    await reader._parseRels(await part('xl/_rels/workbook.xml.rels'));
    await reader._parseWorkbook(await part('xl/workbook.xml'));
    if (zip.has('xl/styles.xml')) await reader._parseStyles(await part('xl/styles.xml'));
    if (zip.has('xl/sharedStrings.xml')) for await (const _ of reader._parseSharedStrings(await part('xl/sharedStrings.xml'))) void _;
    const sheets = reader.model?.sheets ?? [];
    const out: RawSheet[] = [];
    for (const name of pick(sheets.map((s) => s.name))) {
      const sheet = sheets.find((s) => s.name === name);
      const target = sheet && reader.workbookRels?.find((r) => r.Id === sheet.rId)?.Target;
      if (!target) continue;
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
      out.push(await readRawSheet(reader, zip, name, path, pace));
    }
    return out;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw UNREADABLE();
  }
}

export async function readSheet(bytes: Uint8Array, sheetName?: string): Promise<SheetRows> {
  const [ws] = await readSheetValues(bytes, (names) => (sheetName ? names.filter((n) => n === sheetName).slice(0, 1) : names.slice(0, 1)));
  if (!ws) throw new ApiError('VALIDATION', sheetName ? `工作簿中没有名为“${sheetName}”的工作表` : '工作簿中没有工作表', 'file');
  if (ws.rowCount - 1 > MAX_IMPORT_ROWS)
    throw new ApiError('VALIDATION', `工作表行数过多（${ws.rowCount - 1} 行），一次最多导入 ${MAX_IMPORT_ROWS} 行`, 'file');
  let width = 0;
  for (const r of ws.rows) width = Math.max(width, r.values.length - 1);
  const read = (values: ExcelJS.CellValue[] | undefined) => Array.from({ length: width }, (_, i) => cellText(values?.[i + 1]));
  const headers = read(ws.rows.find((r) => r.row === 1)?.values);
  const rows: SheetRows['rows'] = [];
  for (const r of ws.rows) {
    if (r.row === 1) continue;
    const cells = read(r.values);
    if (cells.some(Boolean)) rows.push({ row: r.row, cells });
  }
  while (headers.length && !headers[headers.length - 1] && rows.every((r) => !r.cells[headers.length - 1])) {
    headers.pop();
    for (const r of rows) r.cells.pop();
  }
  return { sheet: ws.name, headers, rows };
}
