import ExcelJS from 'exceljs';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';

/**
 * The one .xlsx writer of 诉服台 (issue 15, item 3): every list, figure and report export goes through it.
 *
 * - Chinese headers, a bold header row frozen in place, column widths per column.
 * - Typed cells: a date is an Excel date (so the clerk can sort and filter by it), money is a number of 元 with the
 *   元 number format (stored in 分, docs/ARCHITECTURE.md rule 5, converted here at the edge), counts are integers.
 * - Streaming: rows are committed as they are written (exceljs stream.xlsx.WorkbookWriter, no shared-string table),
 *   so a million-row register is exported with flat memory; `onProgress` reports the rows written.
 */

export type CellKind = 'text' | 'integer' | 'money' | 'date' | 'datetime' | 'percent';

export interface SheetColumn<R> {
  /** Chinese header shown in row 1 */
  header: string;
  kind: CellKind;
  /** width in characters; a default per kind when omitted */
  width?: number;
  value: (row: R) => unknown;
}

export interface SheetSpec<R> {
  /** sheet name (Excel allows 31 characters and none of : \ / ? * [ ]) */
  name: string;
  columns: readonly SheetColumn<R>[];
  rows: Iterable<R> | AsyncIterable<R>;
  /** rows expected, when known: passed to onProgress so a bar can show a share */
  total?: number;
}

export interface WriteProgress {
  sheet: string;
  /** rows written in this sheet so far */
  done: number;
  total?: number;
}

export interface WriteOptions {
  onProgress?: (p: WriteProgress) => void;
  /** how many rows between two progress reports (default 1000) */
  progressEvery?: number;
  creator?: string;
  /** instant written as the workbook's creation time */
  created?: Date;
}

export interface WriteResult {
  sheets: { name: string; rows: number }[];
}

/** Number formats: Excel codes, shown the same way by Excel, WPS and LibreOffice. */
export const NUMBER_FORMATS: Record<CellKind, string | undefined> = {
  text: '@',
  integer: '0',
  money: '#,##0.00"元"',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  percent: '0.0%',
};

const DEFAULT_WIDTH: Record<CellKind, number> = {
  text: 18,
  integer: 10,
  money: 16,
  date: 12,
  datetime: 17,
  percent: 9,
};

/** rows between two pauses that let the host answer other calls during an export */
const YIELD_EVERY = 500;
/** rows between two looks at the zip's backlog */
const BACKLOG_EVERY = 100;

/**
 * Waits until the zip has taken in what the sheet wrote. exceljs 4.4's sheet stream (lib/utils/stream-buf.js)
 * hands each 64 KiB of XML to the zip's input with `write()` and ignores its answer, so when rows come faster than
 * deflate compresses them — always, from SQLite — the XML waits in that input: a million cases gathered about
 * 1 GiB there. Waiting for the input's 'drain' (and the file's) is the backpressure exceljs leaves out.
 */
async function zipBacklog(ws: ExcelJS.Worksheet, out: Writable): Promise<void> {
  const pipes = (ws as unknown as { stream?: { pipes?: OldWritable[] } }).stream?.pipes ?? [];
  for (const w of [...pipes, out as OldWritable]) if (w.writableNeedDrain ?? w._writableState?.needDrain) await once(w, 'drain');
}

/** the zip's input is a readable-stream 2 PassThrough (archiver 5), which predates `writableNeedDrain` */
type OldWritable = Writable & { _writableState?: { needDrain?: boolean } };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/;

/**
 * Excel stores a date as a serial number without a time zone; exceljs writes a JS Date by its UTC fields. A
 * `YYYY-MM-DD` date is therefore written as midnight UTC of that day, and an instant (ISO with +08:00) as its
 * Shanghai wall-clock time read as UTC — the sheet shows the date and time the court saw.
 */
export function excelDate(value: string): Date | undefined {
  const m = DATE.exec(value);
  if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return undefined;
}

export function excelDateTime(value: string): Date | undefined {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return undefined;
  if (!INSTANT.test(value)) return undefined;
  return new Date(d.getTime() + 8 * 3600_000);
}

/** The cell value for a column's kind; null leaves the cell empty. */
export function cellValue(kind: CellKind, raw: unknown): ExcelJS.CellValue {
  if (raw === null || raw === undefined || raw === '') return null;
  switch (kind) {
    case 'text':
      return String(raw);
    case 'integer':
    case 'percent':
      return typeof raw === 'number' ? raw : Number(raw);
    case 'money': {
      // 分 → 元: an integer number of fen divided by 100 is the nearest double to the amount in yuan.
      const fen = typeof raw === 'number' ? raw : Number(raw);
      return Number.isFinite(fen) ? fen / 100 : null;
    }
    case 'date':
      return typeof raw === 'string' ? (excelDate(raw.slice(0, 10)) ?? raw) : (raw as Date);
    case 'datetime':
      return typeof raw === 'string' ? (excelDateTime(raw) ?? raw) : (raw as Date);
  }
}

/** A valid, unique sheet name: Excel refuses : \ / ? * [ ] and names longer than 31 characters. */
function sheetName(name: string, used: Set<string>): string {
  let base = name.replace(/[:\\/?*[\]]/g, '·').slice(0, 31) || '工作表';
  let n = 2;
  while (used.has(base)) base = `${name.slice(0, 28)}(${n++})`;
  used.add(base);
  return base;
}

// Sheets of different row types go in one workbook, so the list is typed per element by the caller.
type AnySheet = SheetSpec<any>;

/** Writes the sheets to a stream, row by row. The stream is ended when the workbook is complete. */
export async function writeWorkbook(stream: Writable, sheets: readonly AnySheet[], options: WriteOptions = {}): Promise<WriteResult> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = options.creator ?? '诉服台';
  wb.created = options.created ?? new Date();
  const every = Math.max(1, options.progressEvery ?? 1000);
  const used = new Set<string>();
  const result: WriteResult = { sheets: [] };
  for (const spec of sheets) {
    const name = sheetName(spec.name, used);
    const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    ws.columns = spec.columns.map((c, i) => ({
      key: `c${i}`,
      width: c.width ?? Math.max(DEFAULT_WIDTH[c.kind], c.header.length * 2 + 2),
      style: NUMBER_FORMATS[c.kind] && c.kind !== 'text' ? { numFmt: NUMBER_FORMATS[c.kind] } : {},
    }));
    const header = ws.getRow(1);
    header.values = spec.columns.map((c) => c.header);
    header.font = { bold: true };
    header.alignment = { vertical: 'middle' };
    header.commit();
    let done = 0;
    options.onProgress?.({ sheet: name, done, total: spec.total });
    for await (const row of spec.rows) {
      ws.addRow(spec.columns.map((c) => cellValue(c.kind, c.value(row)))).commit();
      done++;
      if (done % every === 0) options.onProgress?.({ sheet: name, done, total: spec.total });
      if (done % BACKLOG_EVERY === 0) await zipBacklog(ws, stream);
      // rows read from a synchronous source (SQLite) never leave the event loop otherwise: let the host answer
      // other calls during a long export even when the zip keeps up
      if (done % YIELD_EVERY === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (done % every !== 0) options.onProgress?.({ sheet: name, done, total: spec.total });
    if (done > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
    ws.commit();
    result.sheets.push({ name, rows: done });
  }
  await wb.commit();
  return result;
}

/** Writes the workbook to a file. */
export async function writeWorkbookFile(path: string, sheets: readonly AnySheet[], options: WriteOptions = {}): Promise<WriteResult> {
  const out = createWriteStream(path);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  const result = await writeWorkbook(out, sheets, options);
  await done;
  return result;
}

/** Writes the workbook into memory: for a download through the API (small and medium exports). */
export async function writeWorkbookBuffer(
  sheets: readonly AnySheet[],
  options: WriteOptions = {},
): Promise<{ bytes: Buffer } & WriteResult> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const result = await writeWorkbook(out, sheets, options);
  await ended;
  return { bytes: Buffer.concat(chunks), ...result };
}

/** The MIME type of an .xlsx workbook, for the host's download answer. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
