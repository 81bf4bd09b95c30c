import type { CellKind } from '../excel/writer';

/**
 * What a register's list shows and how it can be narrowed (issue 15, item 1), without any SQL: each area declares
 * its list in its meta.ts with `defineListMeta`, so the renderer's one list page (renderer/src/lists/ListPage.tsx)
 * builds its columns, filter bar and column chooser from it, and the export writes the same Chinese headers. The
 * SQL behind each column and filter is bound in the area (core/<area>/browse.ts) through core/lists/query.ts.
 */

export interface ListColumnMeta {
  key: string;
  label: string;
  kind: CellKind;
  /** stored codes shown as these Chinese names (a status, a kind) */
  labels?: Readonly<Record<string, string>>;
  width?: number;
  /** the list can be ordered by it (an indexed column: keyset paging stays instant at 1M rows) */
  sortable?: boolean;
  /** shown when the user has not chosen columns (default true) */
  visible?: boolean;
}

export type ListFilterMeta =
  | { key: string; label: string; kind: 'enum'; options: Readonly<Record<string, string>> }
  | { key: string; label: string; kind: 'dateRange' }
  | { key: string; label: string; kind: 'text'; placeholder?: string }
  /** a choice from `lists.choices` (judges, mediation organisations, mediators) */
  | { key: string; label: string; kind: 'choice'; choices: ChoiceSource }
  /** a yes/no switch (超期) */
  | { key: string; label: string; kind: 'flag' };

export type ChoiceSource = 'judges' | 'mediationOrgs' | 'mediators';

export type ListFilterKind = ListFilterMeta['kind'];

export interface ListMeta {
  /** the register's key: cases | documents | relief | mediations | confirmations | docket */
  what: string;
  /** Chinese name (page title, sheet name, file name) */
  label: string;
  /** the operation that pages the list */
  operation: string;
  columns: readonly ListColumnMeta[];
  filters: readonly ListFilterMeta[];
  /** the date filter `--from/--to` of an export applies to */
  dateFilter: string;
  defaultSort: { key: string; dir: 'asc' | 'desc' };
  /** placeholder of the search box (searches through the case search: 案号, names, ID numbers …) */
  searchHint: string;
}

export function defineListMeta<const M extends ListMeta>(meta: M): M {
  const keys = new Set(meta.columns.map((c) => c.key));
  if (keys.size !== meta.columns.length) throw new Error(`list ${meta.what}: duplicate column key`);
  if (!meta.columns.some((c) => c.key === meta.defaultSort.key && c.sortable))
    throw new Error(`list ${meta.what}: default sort ${meta.defaultSort.key} is not a sortable column`);
  if (!meta.filters.some((f) => f.key === meta.dateFilter && f.kind === 'dateRange'))
    throw new Error(`list ${meta.what}: ${meta.dateFilter} is not a date range filter`);
  return meta;
}

/** The shown text of a cell: a code through its labels, other values as they are. */
export function columnText(col: ListColumnMeta, value: unknown): unknown {
  if (col.labels && typeof value === 'string') return col.labels[value] ?? value;
  return value;
}
