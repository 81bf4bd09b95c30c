import { z } from 'zod';
import { defineOperation } from '../api/contract';
import { fieldError } from '../api/errors';
import { input, integerIn, isoDate, optionalText, positiveId } from '../api/fields';
import type { OperationMeta } from '../api/meta';
import type Database from 'better-sqlite3';
import { caseSetOf, partiesTextOf } from '../cases';
import type { Core } from '../context';
import { dateShanghai } from '../time/clock';
import type { ListFilterMeta, ListMeta } from './define';

/**
 * The one list engine behind every register's list (issue 15, item 1). An area binds its list's columns and
 * filters (declared without SQL in its meta.ts) to SQL here, and gets a paged, filtered, sorted list operation
 * and a row stream for the Excel export.
 *
 * Paging is by keyset, never OFFSET: the list is ordered by (sort column, row id) and the next page starts after
 * the last (value, id) seen, so page 20 000 of a million cases costs what page 1 costs — the sort columns are the
 * indexed date columns of each register. The total is counted up to COUNT_CAP rows and shown as "10000+" beyond.
 */

export const COUNT_CAP = 10_000;
/**
 * A set of rows (the cases a search finds, the cases of some causes) up to this size is read whole and sorted;
 * a larger one is dense enough (≥ 0.5 % of a million cases) that walking the list's order and skipping the rows
 * outside the set finds a page sooner than sorting the set. See `inSet`.
 */
export const SMALL_SET = 5_000;

export type Cond = {
  sql: string;
  params: unknown[];
  /** the condition as the count (up to COUNT_CAP) is best written, when it differs from the page's */
  count?: { sql: string; params: unknown[] };
};
export type Env = {
  today: string;
  sqlite: Database.Database;
  /** SMALL_SET, unless a test wants both plans on a small register */
  smallSet?: number;
};

type FilterValueOf<F extends ListFilterMeta> = F extends { kind: 'dateRange' }
  ? { from?: string; to?: string }
  : F extends { kind: 'flag' }
    ? boolean
    : F extends { kind: 'choice' }
      ? number
      : string;

type ColumnKeys<M extends ListMeta> = M['columns'][number]['key'];
type FilterOf<M extends ListMeta, K> = Extract<M['filters'][number], { key: K }>;

export interface ListBinding<M extends ListMeta = ListMeta> {
  meta: M;
  /** FROM clause: the register's table (aliased) and its joins */
  from: string;
  /** the driving table's row id: the tie-breaker of every order and the keyset */
  id: string;
  /** the case id of a row: the search box narrows through the case search */
  caseId: string;
  /**
   * SQL expression of each column; a sortable column's expression must be NOT NULL and indexed. A column named
   * `parties` is filled after the page is read (who against whom, from case_parties): give it 'NULL'.
   */
  columns: { [K in ColumnKeys<M>]: string };
  filters: { [K in M['filters'][number]['key']]: (value: FilterValueOf<FilterOf<M, K>>, env: Env) => Cond };
}

export type ListRow = Record<string, string | number | null>;

/** Any register's binding, as the engine reads it (a filter's value was checked by the list's input schema). */
export interface AnyListBinding {
  meta: ListMeta;
  from: string;
  id: string;
  caseId: string;
  columns: Readonly<Record<string, string>>;
  filters: Readonly<Record<string, (value: never, env: Env) => Cond>>;
}

export function bindList<const M extends ListMeta>(binding: ListBinding<M>): ListBinding<M> {
  return binding;
}

// ---- input and output ------------------------------------------------------------------------------------

function filterSchema(f: ListFilterMeta): z.ZodType {
  switch (f.kind) {
    case 'enum': {
      const values = Object.keys(f.options) as [string, ...string[]];
      return z.enum(values, { error: `${f.label}不是有效的选项` }).optional();
    }
    case 'dateRange':
      return input({ from: isoDate(`${f.label}（起）`).optional(), to: isoDate(`${f.label}（止）`).optional() })
        .refine((r) => !r.from || !r.to || r.from <= r.to, { error: `${f.label}的起始日期不能晚于截止日期`, path: ['from'] })
        .optional();
    case 'text':
      return optionalText(f.label, { max: 60 });
    case 'choice':
      return positiveId(f.label).optional();
    case 'flag':
      return z.boolean({ error: `${f.label}只能是“是”或“否”` }).optional();
  }
}

export function listFiltersSchema(meta: ListMeta) {
  return input(Object.fromEntries(meta.filters.map((f) => [f.key, filterSchema(f)]))).default({});
}

/** A list call: search text, filters, order, the keyset cursor of the page to read, page size, columns. */
export function listInputSchema(meta: ListMeta) {
  const sortable = meta.columns.filter((c) => c.sortable).map((c) => c.key) as [string, ...string[]];
  const keys = meta.columns.map((c) => c.key) as [string, ...string[]];
  return input({
    q: optionalText('查询内容', { max: 60 }),
    filters: listFiltersSchema(meta),
    sort: input({
      key: z.enum(sortable, { error: '排序列不是可排序的列' }),
      dir: z.enum(['asc', 'desc'], { error: '排序方向只能是升序或降序' }),
    }).optional(),
    after: z.string().max(400, { error: '翻页位置无效' }).optional(),
    limit: integerIn('每页条数', 1, 200).default(50),
    columns: z
      .array(z.enum(keys, { error: '列不是该列表的列' }))
      .max(keys.length)
      .optional(),
  });
}

export type ListInput = z.output<ReturnType<typeof listInputSchema>>;
export type ListFilters = ListInput['filters'];

export const listPageSchema = z.object({
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  /** cursor of the next page, null on the last page */
  next: z.string().nullable(),
  /** rows matching, counted up to COUNT_CAP */
  total: z.number(),
  /** true when there are more than `total` */
  totalCapped: z.boolean(),
});
export type ListPage = z.output<typeof listPageSchema>;

// ---- the query -----------------------------------------------------------------------------------------

interface Built {
  where: string;
  params: unknown[];
  /** the same rows, written for counting them (a search's large set is tested differently when counting) */
  countWhere: string;
  countParams: unknown[];
  empty: boolean;
}

function conditions(core: Core, b: AnyListBinding, q: string | undefined, filters: Record<string, unknown>, env: Env): Built {
  const parts: string[] = [];
  const params: unknown[] = [];
  const countParts: string[] = [];
  const countParams: unknown[] = [];
  const filterFns = b.filters as Record<string, (v: unknown, env: Env) => Cond>; // values checked by listInputSchema
  for (const f of b.meta.filters) {
    const v = filters[f.key];
    if (v === undefined || v === null || v === '' || v === false) continue;
    if (f.kind === 'dateRange' && !(v as { from?: string }).from && !(v as { to?: string }).to) continue;
    const c = filterFns[f.key]!(v, env);
    parts.push(`(${c.sql})`);
    params.push(...c.params);
    countParts.push(`(${(c.count ?? c).sql})`);
    countParams.push(...(c.count ?? c).params);
  }
  if (q && q.trim()) {
    // every case the search finds (not the search box's newest 500), in the list's order and filters
    const set = caseSetOf(core.db, q);
    if (!set) return { where: '', params: [], countWhere: '', countParams: [], empty: true };
    const c = inSet(env, b.caseId, set.sql, set.params);
    countParts.push(`(${c.sql})`);
    countParams.push(...c.params);
    // a page of a large set of some parties' cases (the banks' 125 000 at a million cases) tests each row of the
    // walk by its own parties (case_parties_case_idx, two or three rows) and stops at the page's end, instead of
    // building the whole set first; the count, which walks ten thousand matches, is faster against the built set
    const page =
      c.sql.startsWith('+') && set.partyIds
        ? {
            sql: `EXISTS (SELECT 1 FROM case_parties sp WHERE sp.case_id = ${b.caseId} AND sp.party_id IN (SELECT value FROM json_each(?)))`,
            params: [set.partyIds],
          }
        : c;
    parts.push(`(${page.sql})`);
    params.push(...page.params);
  }
  const where = (ps: string[]) => (ps.length ? `WHERE ${ps.join(' AND ')}` : '');
  return { where: where(parts), params, countWhere: where(countParts), countParams, empty: false };
}

/** A date range filter on an indexed date column (inclusive). */
export function dateRange(column: string) {
  return (v: { from?: string; to?: string }): Cond => {
    const parts: string[] = [];
    const params: unknown[] = [];
    if (v.from) {
      parts.push(`${column} >= ?`);
      params.push(v.from);
    }
    if (v.to) {
      // an instant column (created_at, ISO with +08:00) compares below the next day; a date column equally
      parts.push(`${column} < ?`);
      params.push(nextDay(v.to));
    }
    return { sql: parts.join(' AND ') || '1', params };
  };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export const equals =
  (column: string) =>
  (v: string | number): Cond => ({ sql: `${column} = ?`, params: [v] });

/** "Contains" on a text column: a scan of the rows the other filters and the order leave, bounded by the page. */
export const contains =
  (column: string) =>
  (v: string): Cond => ({ sql: `${column} LIKE ? ESCAPE '\\'`, params: [`%${v.replace(/[\\%_]/g, (c) => `\\${c}`)}%`] });

/**
 * `expr IN (set)`, planned by the set's size. SQLite left to itself reads a subquery's rows first and sorts what
 * they find: instant for a person's three cases, seconds for the 125 000 cases of "银行" at a million cases (and
 * again for every page). So the set (or `rowsSql`, the register's rows it selects) is counted up to SMALL_SET first: a
 * small set keeps that plan; a larger one is
 * written `+expr IN (…)`, which keeps SQLite from driving the query by it — the list walks its own index in order
 * and tests each row against the set (built once per query), stopping at the page's end.
 */
export function inSet(env: Env, expr: string, setSql: string, params: unknown[], rowsSql = setSql): Cond {
  const small = env.smallSet ?? SMALL_SET;
  const size = env.sqlite
    .prepare(`SELECT count(*) FROM (${rowsSql} LIMIT ${small + 1})`)
    .pluck()
    .get(...params) as number;
  return { sql: `${size > small ? '+' : ''}${expr} IN (${setSql})`, params };
}

/**
 * The distinct values of an indexed column, by a loose index scan: one seek per value (a few hundred causes cost a
 * millisecond), never a read of the million rows. `table.column` must lead an index.
 */
export function distinctValues(sqlite: Database.Database, table: string, column: string): string[] {
  return sqlite
    .prepare(
      `WITH RECURSIVE v(x) AS (SELECT min(${column}) FROM ${table}
         UNION ALL SELECT (SELECT min(${column}) FROM ${table} WHERE ${column} > v.x) FROM v WHERE v.x IS NOT NULL)
       SELECT x FROM v WHERE x IS NOT NULL`,
    )
    .pluck()
    .all() as string[];
}

/**
 * "Contains" on a column of few distinct values led by an index (a case's cause, cases_cause_idx): the stored
 * values that contain the text, then `column IN (those)` planned by `inSet` — a rare cause through the index, a
 * common one along the list's order. A LIKE '%…%' read every row for a cause no case has.
 */
export const containsOneOf =
  (table: string, column: string, expr: string) =>
  (v: string, env: Env): Cond => {
    const values = distinctValues(env.sqlite, table, column).filter((x) => x.includes(v));
    if (values.length === 0) return { sql: '0', params: [] };
    const set = 'SELECT value FROM json_each(?)';
    const params = [JSON.stringify(values)];
    // the count reads up to 10 000 entries of the column's index (no row lookups), whatever the set's size
    return {
      ...inSet(env, expr, set, params, `SELECT 1 FROM ${table} WHERE ${column} IN (${set})`),
      count: { sql: `${expr} IN (${set})`, params },
    };
  };

type Cursor = [string | number, number];

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(s: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(c) && c.length === 2 && ['string', 'number'].includes(typeof c[0]) && Number.isInteger(c[1])) return c as Cursor;
  } catch {
    // fall through
  }
  throw fieldError('after', '翻页位置无效，请回到第一页');
}

export interface PageRequest {
  q?: string;
  filters?: Record<string, unknown>;
  sort?: { key: string; dir: 'asc' | 'desc' };
  after?: string;
  limit: number;
  /** count the rows (up to COUNT_CAP); the export's pages skip it */
  count?: boolean;
}

/** One page of the list. */
export function listPage(core: Core, b: AnyListBinding, req: PageRequest, env: Env = todayOf(core)): ListPage {
  const built = conditions(core, b, req.q, req.filters ?? {}, env);
  if (built.empty) return { rows: [], next: null, total: 0, totalCapped: false };
  return pageOf(core, b, built, req);
}

function pageOf(core: Core, b: AnyListBinding, built: Built, req: PageRequest): ListPage {
  const sort = req.sort ?? b.meta.defaultSort;
  const columns = b.columns;
  const sortExpr = columns[sort.key];
  if (!sortExpr || !b.meta.columns.find((c) => c.key === sort.key)?.sortable) throw fieldError('sort', '排序列不是可排序的列');
  const dir = sort.dir === 'asc' ? 'ASC' : 'DESC';
  const where = [built.where.replace(/^WHERE /, '')].filter(Boolean);
  const params = [...built.params];
  if (req.after) {
    const [v, id] = decodeCursor(req.after);
    where.push(`(${sortExpr}, ${b.id}) ${dir === 'ASC' ? '>' : '<'} (?, ?)`);
    params.push(v, id);
  }
  const select = [
    `${b.id} AS "__id"`,
    `${b.caseId} AS "__case"`,
    `${sortExpr} AS "__sort"`,
    ...Object.entries(columns).map(([k, expr]) => `${expr} AS "${k}"`),
  ].join(', ');
  const sql = `SELECT ${select} FROM ${b.from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${sortExpr} ${dir}, ${b.id} ${dir} LIMIT ?`;
  const raw = core.sqlite.prepare(sql).all(...params, req.limit + 1) as (ListRow & {
    __id: number;
    __case: number;
    __sort: string | number;
  })[];
  const more = raw.length > req.limit;
  const page = more ? raw.slice(0, req.limit) : raw;
  const last = page[page.length - 1];
  // 当事人: one more indexed query for the page (case_parties by case id), the same text as the case search's
  const names = 'parties' in columns ? partiesTextOf(core.db, [...new Set(page.map((r) => r.__case))]) : null;
  const rows: ListRow[] = page.map(({ __id, __case, __sort, ...r }) => {
    void __sort;
    return { ...r, ...(names ? { parties: names.get(__case) ?? '' } : {}), id: __id, caseId: __case };
  });
  let total = 0;
  let totalCapped = false;
  if (req.count !== false) {
    const n = core.sqlite
      .prepare(`SELECT count(*) FROM (SELECT 1 FROM ${b.from} ${built.countWhere} LIMIT ${COUNT_CAP + 1})`)
      .pluck()
      .get(...built.countParams) as number;
    totalCapped = n > COUNT_CAP;
    total = Math.min(n, COUNT_CAP);
  }
  return { rows, next: more && last ? encodeCursor([last.__sort, last.__id]) : null, total, totalCapped };
}

/** Every row of the list, page by page (the export): flat memory whatever the size. */
export function* listRows(
  core: Core,
  b: AnyListBinding,
  req: Omit<PageRequest, 'limit' | 'after'>,
  env: Env = todayOf(core),
): Generator<ListRow> {
  const built = conditions(core, b, req.q, req.filters ?? {}, env);
  if (built.empty) return;
  let after: string | undefined;
  for (;;) {
    const page = pageOf(core, b, built, { ...req, after, limit: 2000, count: false });
    yield* page.rows;
    if (!page.next) return;
    after = page.next;
  }
}

/** Rows matching the filters, counted exactly (for an export's progress bar). */
export function countRows(core: Core, b: AnyListBinding, req: Pick<PageRequest, 'q' | 'filters'>, env: Env = todayOf(core)): number {
  const built = conditions(core, b, req.q, req.filters ?? {}, env);
  if (built.empty) return 0;
  return core.sqlite
    .prepare(`SELECT count(*) FROM ${b.from} ${built.countWhere}`)
    .pluck()
    .get(...built.countParams) as number;
}

function todayOf(core: Core): Env {
  return { today: dateShanghai(core.clock.now()), sqlite: core.sqlite };
}

/** The list operation of a register: its metadata (name, label, access) + the generic input, output and engine. */
export function listOperation<const N extends string>(meta: OperationMeta<N>, b: AnyListBinding) {
  return defineOperation({
    ...meta,
    input: listInputSchema(b.meta),
    output: listPageSchema,
    handler: (ctx, i) => listPage(ctx.core, b, i as PageRequest),
  });
}
