import ExcelJS from 'exceljs';
import { ApiError } from '../api/errors';

/**
 * Reads a sheet sent by another body (综治中心, 人民调解委员会 …) as text, the way a clerk reads it: a date cell
 * becomes YYYY-MM-DD (its Shanghai calendar day), a formula its result, rich text its plain text, a number its
 * digits (an 18-digit ID number typed as a number has already lost its last digits in Excel — the validator says so).
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

export async function readSheet(bytes: Uint8Array, sheetName?: string): Promise<SheetRows> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new ApiError('VALIDATION', '无法读取该文件：请上传 Excel 工作簿（.xlsx）', 'file');
  }
  const ws = sheetName ? wb.getWorksheet(sheetName) : wb.worksheets[0];
  if (!ws) throw new ApiError('VALIDATION', sheetName ? `工作簿中没有名为“${sheetName}”的工作表` : '工作簿中没有工作表', 'file');
  if (ws.rowCount - 1 > MAX_IMPORT_ROWS)
    throw new ApiError('VALIDATION', `工作表行数过多（${ws.rowCount - 1} 行），一次最多导入 ${MAX_IMPORT_ROWS} 行`, 'file');
  const width = ws.columnCount;
  const read = (r: ExcelJS.Row) => Array.from({ length: width }, (_, i) => cellText(r.getCell(i + 1).value));
  const headers = read(ws.getRow(1));
  const rows: SheetRows['rows'] = [];
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const cells = read(r);
    if (cells.some(Boolean)) rows.push({ row: n, cells });
  });
  while (headers.length && !headers[headers.length - 1] && rows.every((r) => !r.cells[headers.length - 1])) {
    headers.pop();
    for (const r of rows) r.cells.pop();
  }
  return { sheet: ws.name, headers, rows };
}
