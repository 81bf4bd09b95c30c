import ExcelJS from 'exceljs';
import type { subsidyStatement } from './subsidies';

/**
 * The monthly subsidy statement as an .xlsx workbook for the centre's finance office (issue 12 item 6): three
 * sheets — per mediator, per organisation, and the cases behind them — with Chinese headers, the header row
 * frozen, amounts as numbers in 元 (two decimals, “元” in the number format, so the sheet sums them) and dates as
 * real dates. Typed cells, never text that looks like a number.
 *
 * Kept small and local on purpose: a shared writer for the registers' exports (core/excel/) is being built on
 * another branch; this module's `writeSheet` is the piece to fold into it.
 */
type Statement = ReturnType<typeof subsidyStatement>;

type Kind = 'text' | 'int' | 'money' | 'date';
interface Column<R> {
  header: string;
  kind: Kind;
  width: number;
  value: (r: R) => string | number | null;
}

const YUAN_FORMAT = '#,##0.00"元"';
const DATE_FORMAT = 'yyyy-mm-dd';
const INT_FORMAT = '0';

/** A YYYY-MM-DD date as the Date exceljs writes to that day's serial (UTC midnight: no time-zone shift). */
function excelDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** One sheet: the header row (bold, frozen, filtered), the rows with typed cells, and an optional total row. */
export function writeSheet<R>(
  wb: ExcelJS.Workbook,
  name: string,
  columns: Column<R>[],
  rows: R[],
  total?: Partial<Record<number, string | number>>,
) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style:
      c.kind === 'money'
        ? { numFmt: YUAN_FORMAT }
        : c.kind === 'date'
          ? { numFmt: DATE_FORMAT }
          : c.kind === 'int'
            ? { numFmt: INT_FORMAT }
            : {},
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  for (const r of rows) {
    ws.addRow(
      columns.map((c) => {
        const v = c.value(r);
        if (v === null) return null;
        if (c.kind === 'date') return excelDate(String(v));
        return v;
      }),
    );
  }
  if (rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: columns.length } };
  if (total) {
    const row = ws.addRow(columns.map((_, i) => total[i] ?? null));
    row.font = { bold: true };
  }
  return ws;
}

/** fen → 元 as a number with two decimals (integer fen divided once, at the edge: docs/ARCHITECTURE.md rule 5). */
const yuan = (fen: number) => fen / 100;

export async function subsidyWorkbook(s: Statement, meta: { courtName: string; createdAt: Date }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = meta.courtName;
  wb.created = meta.createdAt;
  wb.title = `${s.month} 调解补贴月报`;
  type Total = Statement['byMediator'][number];
  const totals = (label: string): Column<Total>[] => [
    { header: label, kind: 'text', width: 28, value: (r) => r.name },
    { header: '结案件数', kind: 'int', width: 10, value: (r) => r.cases },
    { header: '调解成功件数', kind: 'int', width: 14, value: (r) => r.success },
    { header: '补贴金额（元）', kind: 'money', width: 16, value: (r) => yuan(r.amountFen) },
  ];
  const sum = (rows: Total[]) => ({
    0: '合计',
    1: rows.reduce((n, r) => n + r.cases, 0),
    2: rows.reduce((n, r) => n + r.success, 0),
    3: yuan(s.totalFen),
  });
  writeSheet(wb, '按调解员', totals('调解员'), s.byMediator, sum(s.byMediator));
  writeSheet(wb, '按调解组织', totals('调解组织'), s.byOrg, sum(s.byOrg));
  type Line = Statement['lines'][number];
  const lines: Column<Line>[] = [
    { header: '案号', kind: 'text', width: 26, value: (r) => r.caseNumber },
    { header: '调解员', kind: 'text', width: 12, value: (r) => r.mediatorName },
    { header: '调解员类别', kind: 'text', width: 12, value: (r) => r.kindLabel },
    { header: '调解组织', kind: 'text', width: 28, value: (r) => r.orgName ?? '（无所属组织）' },
    { header: '调解结果', kind: 'text', width: 10, value: (r) => r.outcomeLabel },
    { header: '结果日期', kind: 'date', width: 12, value: (r) => r.outcomeOn },
    { header: '补贴金额（元）', kind: 'money', width: 16, value: (r) => yuan(r.amountFen) },
  ];
  writeSheet(wb, '案件明细', lines, s.lines, { 0: '合计', 6: yuan(s.totalFen) });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
