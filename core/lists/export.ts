import type { Writable } from 'node:stream';
import { ApiError } from '../api/errors';
import type { Core } from '../context';
import { writeWorkbook, writeWorkbookBuffer, type SheetColumn, type WriteOptions } from '../excel';
import { dateShanghai } from '../time/clock';
import { columnText, type ListColumnMeta } from './define';
import { countRows, listRows, type AnyListBinding, type ListRow, type PageRequest } from './query';

/**
 * A register's list to Excel (issue 15, item 3): the rows the list shows with the same filters and order, the
 * chosen columns (all of them when none are chosen), codes as their Chinese names, dates as dates and money in
 * 元. Rows are read in keyset pages of 2 000 and written as they come: flat memory at a million rows.
 */

export interface ExportRequest {
  q?: string;
  filters?: Record<string, unknown>;
  sort?: PageRequest['sort'];
  columns?: string[];
}

/** The desk's download is built in memory (base64 in the API's JSON): above this, the command line. */
export const DESK_EXPORT_MAX_ROWS = 200_000;

function sheetColumns(b: AnyListBinding, chosen?: string[]): SheetColumn<ListRow>[] {
  const cols: ListColumnMeta[] = chosen?.length
    ? chosen.map((k) => b.meta.columns.find((c) => c.key === k)!).filter(Boolean)
    : [...b.meta.columns];
  return cols.map((c) => ({
    header: c.label,
    kind: c.kind,
    ...(c.width ? { width: c.width } : {}),
    value: (r: ListRow) => columnText(c, r[c.key]),
  }));
}

export function exportFileName(b: AnyListBinding, core: Core): string {
  return `${b.meta.label}列表-${dateShanghai(core.clock.now())}.xlsx`;
}

/** Streams the list into `out` (a file, stdout); `onProgress` gets rows written and the total. */
export async function exportList(
  core: Core,
  b: AnyListBinding,
  req: ExportRequest,
  out: Writable,
  options: Pick<WriteOptions, 'onProgress' | 'progressEvery'> = {},
): Promise<{ rows: number }> {
  const total = countRows(core, b, req);
  const result = await writeWorkbook(
    out,
    [{ name: b.meta.label, columns: sheetColumns(b, req.columns), rows: listRows(core, b, req), total }],
    { ...options, created: core.clock.now() },
  );
  return { rows: result.sheets[0]!.rows };
}

/** The desk's export: the workbook's bytes, refused above DESK_EXPORT_MAX_ROWS with what to do instead. */
export async function exportListBytes(core: Core, b: AnyListBinding, req: ExportRequest): Promise<{ bytes: Buffer; rows: number }> {
  const total = countRows(core, b, req);
  if (total > DESK_EXPORT_MAX_ROWS)
    throw new ApiError(
      'VALIDATION',
      `符合条件的有 ${total} 条，超过界面导出上限 ${DESK_EXPORT_MAX_ROWS} 条：请缩小日期范围或筛选条件，或由管理员用命令行 court export 导出`,
      'filters',
    );
  const { bytes, sheets } = await writeWorkbookBuffer(
    [{ name: b.meta.label, columns: sheetColumns(b, req.columns), rows: listRows(core, b, req), total }],
    { created: core.clock.now() },
  );
  return { bytes, rows: sheets[0]!.rows };
}
