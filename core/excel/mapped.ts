import type { SheetRows } from './reader';

/** A row an import refused, with the column the clerk sees in the sheet ('整行' when no one column is at fault). */
export interface RefusedRow {
  row: number;
  column: string;
  message: string;
}

/**
 * A sheet read through a field → header mapping, the one way every import reads it: `cell(f)` is the trimmed text
 * of that field's column ('' when the field is not mapped), `refuse(f, message)` records the row as refused under
 * the header the clerk mapped (or the field's label when unmapped), so the preview names what the clerk sees.
 */
export function mappedRows<F extends string>(sheet: SheetRows, mapping: Partial<Record<F, string>>, fields: Record<F, { label: string }>) {
  const keys = Object.keys(fields) as F[];
  const index = new Map(keys.map((f) => [f, mapping[f] ? sheet.headers.indexOf(mapping[f]) : -1]));
  const column = (f: F) => mapping[f] ?? fields[f].label;
  const refused: RefusedRow[] = [];
  const rows = sheet.rows.map(({ row, cells }) => ({
    row,
    cell: (f: F) => {
      const i = index.get(f)!;
      return i >= 0 ? (cells[i] ?? '').trim() : '';
    },
    refuse: (f: F | null, message: string) => {
      refused.push({ row, column: f ? column(f) : '整行', message });
    },
  }));
  /** the column index of a field in the sheet, -1 when unmapped */
  const columnOf = (f: F) => index.get(f)!;
  return { rows, refused, columnOf };
}

/** A required field with no column: the preview refuses the header row (row 1) naming the field to map. */
export const unmappedRefusals = <F extends string>(missing: readonly F[], fields: Record<F, { label: string }>): RefusedRow[] =>
  missing.map((f) => ({ row: 1, column: fields[f].label, message: `请为“${fields[f].label}”选择对应的列` }));
