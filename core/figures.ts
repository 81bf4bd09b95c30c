import type Database from 'better-sqlite3';

/**
 * The figures every register reports for a period (issue 15 item 2), in one shape so one page, one chart set, the
 * command line and the monthly workbook show every area alike. Each area builds its own SQL (core/<area>/stats.ts,
 * on its own tables and indexes) and hands it to `groupFigures`, which adds the pieces up per key:
 *
 * - received: records whose receipt date lies in the period (the register's own date column);
 * - concluded / resolved: records whose outcome date lies in the period (concluded = every outcome counted in the
 *   success rate; resolved = the successful ones);
 * - successRate = resolved ÷ concluded, three decimals; null when nothing concluded;
 * - averageDays / medianDays: calendar days from the start the area names to the outcome date, over the concluded
 *   records that have both dates. The SQL returns a histogram (days → count) per key, so the median costs one
 *   GROUP BY on the index rather than a sort of every row;
 * - overdue: records still open on the reference day whose limit has passed (the area says which limit).
 * Periods are inclusive dates (YYYY-MM-DD, Asia/Shanghai; docs/ARCHITECTURE.md, rule 5).
 */
export interface Period {
  from: string;
  to: string;
}

export interface FigureRow {
  key: string;
  label: string;
  received: number | null;
  concluded: number | null;
  resolved: number | null;
  successRate: number | null;
  averageDays: number | null;
  medianDays: number | null;
  overdue: number | null;
}

/** rows of `SELECT key, label, n …` */
export interface CountRow {
  key: string | number | null;
  label: string | null;
  n: number;
}

/** rows of `SELECT key, label, days, ok, concluded …` grouped by key and days (days null when a date is missing) */
export interface OutcomeRow {
  key: string | number | null;
  label: string | null;
  days: number | null;
  ok: number;
  concluded: number;
}

export interface FigureQueries {
  /** key, label, n: received in the period (SQL, or rows the area folded from one pass: `foldCounts`) */
  received?: string | CountRow[];
  /** key, label, days, ok, concluded: outcomes in the period, grouped by key and days (SQL, or `foldOutcomes`) */
  outcomes?: string | OutcomeRow[];
  /** key, label, n: open and past the limit on @on (SQL, or rows the area computed with its deadline rules) */
  overdue?: string | CountRow[];
}

/** Parameters every figure query may use: @from, @to (inclusive), @on (the reference day), @until (to + 1 day). */
export function periodParams(p: Period, on: string): { from: string; to: string; on: string; until: string } {
  return { from: p.from, to: p.to, on, until: nextDay(p.to) };
}

/** A share with three decimals, or null when there is nothing to divide by. */
export function rate(n: number, of: number): number | null {
  return of > 0 ? Math.round((n / of) * 1000) / 1000 : null;
}

/** Average and median of a histogram of whole days (the median of an even count is the mean of the middle two). */
export function durations(hist: Map<number, number>): { count: number; averageDays: number | null; medianDays: number | null } {
  const days = [...hist.keys()].sort((a, b) => a - b);
  let count = 0;
  let sum = 0;
  for (const d of days) {
    count += hist.get(d)!;
    sum += d * hist.get(d)!;
  }
  if (count === 0) return { count, averageDays: null, medianDays: null };
  const at = (i: number): number => {
    let seen = 0;
    for (const d of days) {
      seen += hist.get(d)!;
      if (i < seen) return d;
    }
    return days[days.length - 1]!;
  };
  const median = count % 2 ? at((count - 1) / 2) : (at(count / 2 - 1) + at(count / 2)) / 2;
  return { count, averageDays: Math.round((sum / count) * 10) / 10, medianDays: median };
}

interface Acc {
  key: string;
  label: string;
  received: number;
  concluded: number;
  resolved: number;
  overdue: number;
  hist: Map<number, number>;
}

/**
 * Runs an area's queries and adds them up per key. `order`: 'key' (months, types) or 'size' (most received first).
 * A query the area does not give leaves its columns null, so "not counted" never reads as zero.
 */
export function groupFigures(
  sqlite: Database.Database,
  q: FigureQueries,
  params: Record<string, unknown>,
  order: 'key' | 'size' = 'size',
): FigureRow[] {
  const acc = new Map<string, Acc>();
  const row = (key: string | number | null, label: string | null): Acc => {
    const k = String(key ?? '');
    let a = acc.get(k);
    if (!a) {
      a = { key: k, label: label ?? k, received: 0, concluded: 0, resolved: 0, overdue: 0, hist: new Map() };
      acc.set(k, a);
    }
    return a;
  };
  const rowsOf = <T>(x: string | T[]): T[] => (typeof x === 'string' ? (sqlite.prepare(x).all(params) as T[]) : x);
  if (q.received) for (const r of rowsOf<CountRow>(q.received)) row(r.key, r.label).received += r.n;
  if (q.outcomes)
    for (const r of rowsOf<OutcomeRow>(q.outcomes)) {
      const a = row(r.key, r.label);
      a.concluded += r.concluded;
      a.resolved += r.ok;
      if (r.days !== null) a.hist.set(r.days, (a.hist.get(r.days) ?? 0) + r.concluded);
    }
  if (q.overdue) {
    const rows = typeof q.overdue === 'string' ? (sqlite.prepare(q.overdue).all(params) as CountRow[]) : q.overdue;
    for (const r of rows) row(r.key, r.label).overdue += r.n;
  }
  const rows = [...acc.values()].map((a): FigureRow => ({
    key: a.key,
    label: a.label,
    received: q.received ? a.received : null,
    concluded: q.outcomes ? a.concluded : null,
    resolved: q.outcomes ? a.resolved : null,
    successRate: q.outcomes ? rate(a.resolved, a.concluded) : null,
    ...(q.outcomes ? pickDurations(a.hist) : { averageDays: null, medianDays: null }),
    overdue: q.overdue ? a.overdue : null,
  }));
  return order === 'key'
    ? rows.sort((a, b) => a.key.localeCompare(b.key))
    : rows.sort((a, b) => (b.received ?? 0) - (a.received ?? 0) || (b.concluded ?? 0) - (a.concluded ?? 0) || a.key.localeCompare(b.key));
}

function pickDurations(hist: Map<number, number>) {
  const d = durations(hist);
  return { averageDays: d.averageDays, medianDays: d.medianDays };
}

/** The whole-period row: the same queries with a constant key. */
export function totalFigures(sqlite: Database.Database, q: FigureQueries, params: Record<string, unknown>, label = '合计'): FigureRow {
  return (
    groupFigures(sqlite, q, params)[0] ?? {
      key: '',
      label,
      received: q.received ? 0 : null,
      concluded: q.outcomes ? 0 : null,
      resolved: q.outcomes ? 0 : null,
      successRate: null,
      averageDays: null,
      medianDays: null,
      overdue: q.overdue ? 0 : null,
    }
  );
}

/** Every month the period touches, 'YYYY-MM', in order (so a month with nothing still has its row). */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  let [y, m] = p.from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = p.to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    out.push(month);
    if (month >= last || out.length > 240) break;
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y++;
  }
  return out;
}

/** Month rows for every month of the period, empty months filled with zeros where the query was given. */
export function fillMonths(rows: FigureRow[], p: Period, q: FigureQueries): FigureRow[] {
  const by = new Map(rows.map((r) => [r.key, r]));
  return monthsOf(p).map(
    (month) =>
      by.get(month) ?? {
        key: month,
        label: month,
        received: q.received ? 0 : null,
        concluded: q.outcomes ? 0 : null,
        resolved: q.outcomes ? 0 : null,
        successRate: null,
        averageDays: null,
        medianDays: null,
        overdue: null,
      },
  );
}

export function nextDay(date: string): string {
  const t = new Date(`${date}T00:00:00Z`).getTime() + 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * SQLite's order of GROUP BY keys (NULL, then numbers, then text by its UTF-8 bytes), so that rows folded in
 * JavaScript reach `groupFigures` in the order the per-grouping queries returned them.
 */
export function sqliteKeyOrder(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (typeof a === 'number') return typeof b === 'number' ? a - b : -1;
  if (typeof b === 'number') return 1;
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Rows grouped by `key`, the groups in the order SQLite's `GROUP BY key` gives them. */
function groupsByKey<R>(rows: readonly R[], key: (r: R) => string | number | null): [string | number | null, R[]][] {
  const by = new Map<string | number | null, R[]>();
  for (const r of rows) {
    const k = key(r);
    const list = by.get(k);
    if (list) list.push(r);
    else by.set(k, [r]);
  }
  return [...by.entries()].sort((a, b) => sqliteKeyOrder(a[0], b[0]));
}

/**
 * Rows counted once for several groupings (one pass over the register instead of one per grouping): the count
 * rows of one grouping, summed per key, in the key order a `GROUP BY key` returns. `label` names a key (called
 * once per key, with the key's rows).
 */
export function foldCounts<R extends { n: number }>(
  rows: readonly R[],
  key: (r: R) => string | number | null,
  label: (k: string | number | null, rows: R[]) => string | null,
): CountRow[] {
  return groupsByKey(rows, key).map(([k, rs]) => ({ key: k, label: label(k, rs), n: rs.reduce((s, r) => s + r.n, 0) }));
}

/** The same for outcome rows: summed per key and days, in the order of `GROUP BY key, days`. */
export function foldOutcomes<R extends { days: number | null; ok: number; concluded: number }>(
  rows: readonly R[],
  key: (r: R) => string | number | null,
  label: (k: string | number | null, rows: R[]) => string | null,
): OutcomeRow[] {
  const out: OutcomeRow[] = [];
  for (const [k, rs] of groupsByKey(rows, key)) {
    const name = label(k, rs);
    const days = new Map<number | null, OutcomeRow>();
    for (const r of rs) {
      const d = days.get(r.days);
      if (d) {
        d.ok += r.ok;
        d.concluded += r.concluded;
      } else days.set(r.days, { key: k, label: name, days: r.days, ok: r.ok, concluded: r.concluded });
    }
    out.push(...[...days.values()].sort((a, b) => sqliteKeyOrder(a.days, b.days)));
  }
  return out;
}

/**
 * The month rows of a register whose outcomes are summed month by month without a sort: `receivedDays` — `SELECT
 * day, count(*) AS n … GROUP BY day` over the period, folded into months (`monthCounts`) — and `outcomes` — `SELECT
 * count(*) AS concluded, sum(…) AS ok, count(days) AS n, sum(days) AS total, median(days) AS median …` over @from …
 * @to — run once per month (each month's part of the period). The same rows as `fillMonths(groupFigures(…))` over a
 * `GROUP BY month, days` histogram: the average is the sum of whole days ÷ their count, the median SQLite's (the mean
 * of the middle two for an even count).
 */
export function monthFigures(
  sqlite: Database.Database,
  receivedDays: string,
  outcomes: string,
  params: Record<string, unknown>,
  p: Period,
): FigureRow[] {
  const received = monthCounts(sqlite.prepare(receivedDays).all(params) as { day: string; n: number }[]);
  const counts = new Map(received.map((r) => [r.key, r.n]));
  const stmt = sqlite.prepare(outcomes);
  return monthsOf(p).map((month) => {
    const from = `${month}-01` > p.from ? `${month}-01` : p.from;
    const end = `${month}-31`;
    const to = end < p.to ? end : p.to;
    const o = stmt.get({ ...params, from, to }) as {
      concluded: number;
      ok: number | null;
      n: number;
      total: number | null;
      median: number | null;
    };
    const averageDays = o.n > 0 ? Math.round(((o.total ?? 0) / o.n) * 10) / 10 : null;
    return {
      key: month,
      label: month,
      received: counts.get(month) ?? 0,
      concluded: o.concluded,
      resolved: o.ok ?? 0,
      successRate: rate(o.ok ?? 0, o.concluded),
      averageDays,
      medianDays: o.n > 0 ? o.median : null,
      overdue: null,
    };
  });
}

/** The count rows of a day-by-day pass (`GROUP BY <date column>`, read in index order) summed per month. */
export function monthCounts(days: readonly { day: string; n: number }[]): CountRow[] {
  return foldCounts(
    days,
    (r) => r.day.slice(0, 7),
    (k) => k as string,
  );
}

/** Replaces `{key}` and `{label}` in a query template with a grouping's SQL expressions. */
export function byKey(template: string, key: string, label: string = key): string {
  return template.replaceAll('{key}', key).replaceAll('{label}', label);
}

export type NoteUnit = 'count' | 'fen' | 'rate';

/** A register's figures for a period: the whole, month by month, and per grouping (organisation, judge, cause …). */
export interface AreaFigures {
  area: string;
  label: string;
  period: Period;
  /** the day overdue is counted on: the period's last day, or today when the period runs on */
  on: string;
  /** the column names as this register says them (收案 / 申请; 调解成功 / 确认有效 / 调撤 …) */
  columns: Record<'received' | 'concluded' | 'resolved' | 'successRate' | 'averageDays' | 'medianDays' | 'overdue', string>;
  /** what each figure counts, in Chinese, shown under the table and in the workbook */
  definitions: string[];
  total: FigureRow;
  months: FigureRow[];
  breakdowns: { by: string; label: string; rows: FigureRow[] }[];
  /** single numbers of this register (amounts, open now, withdrawals …): a count, money in fen, or a share */
  notes: { key: string; label: string; value: number | null; unit: NoteUnit }[];
}

/** SQL CASE turning a stored code into its Chinese name. */
export function caseLabel(column: string, labels: Readonly<Record<string, string>>, otherwise = column): string {
  const arms = Object.entries(labels)
    .map(([k, v]) => `WHEN '${k.replaceAll("'", "''")}' THEN '${v.replaceAll("'", "''")}'`)
    .join(' ');
  return `CASE ${column} ${arms} ELSE ${otherwise} END`;
}

/** The reference day of a period: its last day, or today when the period is not over. */
export function referenceDay(p: Period, today: string): string {
  return p.to < today ? p.to : today;
}
