import { and, inArray, sql } from 'drizzle-orm';
import { addCalendarDays } from '../calendar/calendar';
import { docketExtensions, docketSuspensions, users } from '../../db/schema';
import { courtCalendar } from '../calendar/courtCalendar';
import type { Db } from '../context';
import { readSetting } from '../settings';
import { DOCKET_PAGE, STATUS_LABELS } from './meta';
import type { DocketRow } from './schemas';
import { PROCEDURE_LABELS, type Procedure } from './triage';
import { OPEN_SUSPENSION } from './dueDate';
import { tierOf, trialPeriod, WARNING_LABELS, WARNING_RANK, type WarningTier } from './trialPeriod';

/**
 * The docket lists: a judge's open cases sorted by urgency (warning tier, then days left), and the centre's
 * figures per judge. Suspensions and extensions are read in bulk for the listed cases, never per row.
 */

const CHUNK = 900;

function byCase<T extends { caseId: number }>(rows: T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const list = m.get(r.caseId);
    if (list) list.push(r);
    else m.set(r.caseId, [r]);
  }
  return m;
}

interface OpenRow {
  caseId: number;
  procedure: string | null;
  status: string;
  filedOn: string;
  judgeId: number | null;
}

/** Trial periods of many open cases at once. */
function periodsOf(db: Db, rows: OpenRow[], on: string) {
  if (rows.length === 0) return new Map<number, { period: ReturnType<typeof trialPeriod>; pendingExtension: boolean }>();
  const ids = rows.map((r) => r.caseId);
  const susp: { caseId: number; from: string; to: string | null }[] = [];
  const ext: { caseId: number; procedure: string; months: number; status: string }[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    susp.push(
      ...db
        .select({ caseId: docketSuspensions.caseId, from: docketSuspensions.fromDate, to: docketSuspensions.toDate })
        .from(docketSuspensions)
        .where(inArray(docketSuspensions.caseId, part))
        .all(),
    );
    ext.push(
      ...db
        .select({
          caseId: docketExtensions.caseId,
          procedure: docketExtensions.procedure,
          months: docketExtensions.months,
          status: docketExtensions.status,
        })
        .from(docketExtensions)
        .where(and(inArray(docketExtensions.caseId, part), inArray(docketExtensions.status, ['approved', 'pending'])))
        .all(),
    );
  }
  const s = byCase(susp);
  const e = byCase(ext);
  const calendar = courtCalendar(db);
  return new Map(
    rows
      .filter((r) => r.procedure)
      .map((r) => {
        const exts = (e.get(r.caseId) ?? []).filter((x) => x.procedure === r.procedure);
        const months = exts.filter((x) => x.status === 'approved').reduce((n, x) => n + x.months, 0);
        const p = trialPeriod(calendar, {
          procedure: r.procedure as Procedure,
          filedOn: r.filedOn,
          suspensions: s.get(r.caseId) ?? [],
          extensionMonths: months,
          today: on,
        });
        return [r.caseId, { period: p, pendingExtension: exts.some((x) => x.status === 'pending') }] as const;
      }),
  );
}

/** Rows computed live (open, but no due date or an open-ended suspension): the stored due date does not hold. */
const liveSql = (judgeId: number | null) => {
  // the open-ended suspensions through their index (few rows), the judge a filter on them (`+judge_id`): the desk
  // or due-date index would read every open row to find them
  const judge = judgeId === null ? sql`` : sql` AND +judge_id = ${judgeId}`;
  return sql`SELECT case_id AS caseId, procedure, status, filed_on AS filedOn, judge_id AS judgeId FROM docket_cases
        WHERE status = 'open' AND due_on IS NULL${judge}
        UNION ALL
        SELECT case_id AS caseId, procedure, status, filed_on AS filedOn, judge_id AS judgeId FROM docket_cases INDEXED BY docket_cases_suspended_idx
        WHERE status = 'open' AND suspended_until = ${OPEN_SUSPENSION} AND due_on IS NOT NULL${judge}`;
};

/** The tier counts of the stored rows from the counters (docket_open_dues, kept by triggers): the day's date ranges. */
function storedCounts(db: Db, on: string, judgeId: number | null) {
  const in5 = addCalendarDays(on, 5);
  const in30 = addCalendarDays(on, 30);
  // two thirds used: (on − filed) ≥ ⅔ (due − filed), as tierOf; only asked beyond thirty days (the tiers above win)
  return db.get<{
    total: number | null;
    overdue: number | null;
    fiveDays: number | null;
    thirtyDays: number | null;
    twoThirds: number | null;
  }>(
    sql`SELECT sum(n) AS total, sum(CASE WHEN due_on < ${on} THEN n END) AS overdue,
          sum(CASE WHEN due_on >= ${on} AND due_on <= ${in5} THEN n END) AS fiveDays,
          sum(CASE WHEN due_on > ${in5} AND due_on <= ${in30} THEN n END) AS thirtyDays,
          sum(CASE WHEN due_on > ${in30} AND 3 * julianday(${on}) >= julianday(filed_on) + 2 * julianday(due_on) THEN n END) AS twoThirds
        FROM docket_open_dues${judgeId === null ? sql`` : sql` WHERE judge_id = ${judgeId}`}`,
  );
}

/**
 * The `limit` most urgent stored rows in order (tier, then days left, then case): thirty days or less left is one
 * range of due dates in due order (overdue, five days, thirty days); beyond it the two-thirds rows, then the others,
 * each in due order. Read in index order (docket_cases_desk_idx for a judge, docket_cases_open_due_idx for all), so
 * only the rows shown are read, not every open row.
 */
function topStored(db: Db, on: string, judgeId: number | null, limit: number) {
  const in30 = addCalendarDays(on, 30);
  const from = judgeId === null ? sql`docket_cases` : sql`docket_cases INDEXED BY docket_cases_desk_idx`;
  const scope = judgeId === null ? sql`status = 'open'` : sql`status = 'open' AND judge_id = ${judgeId}`;
  const twoThirds = sql`3 * julianday(${on}) >= julianday(filed_on) + 2 * julianday(due_on)`;
  const out: { caseId: number; dueOn: string; filedOn: string; suspendedUntil: string | null }[] = [];
  for (const range of [sql`due_on <= ${in30}`, sql`due_on > ${in30} AND ${twoThirds}`, sql`due_on > ${in30} AND NOT (${twoThirds})`]) {
    if (out.length >= limit) break;
    out.push(
      ...db.all<(typeof out)[number]>(
        sql`SELECT case_id AS caseId, due_on AS dueOn, filed_on AS filedOn, suspended_until AS suspendedUntil FROM ${from}
            WHERE ${scope} AND ${range} AND suspended_until IS NOT ${OPEN_SUSPENSION} ORDER BY due_on, case_id LIMIT ${limit - out.length}`,
      ),
    );
  }
  return out;
}

/** Of the listed stored rows with a suspension ending today or later, those whose suspension runs today. */
function suspendedToday(db: Db, rows: { caseId: number; suspendedUntil: string | null }[], on: string): Set<number> {
  const ids = rows.filter((r) => r.suspendedUntil !== null && r.suspendedUntil >= on).map((r) => r.caseId);
  const out = new Set<number>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    for (const r of db.all<{ caseId: number }>(
      sql`SELECT DISTINCT case_id AS caseId FROM docket_suspensions WHERE case_id IN (${sql.join(part, sql`, `)})
          AND from_date <= ${on} AND (to_date IS NULL OR to_date >= ${on})`,
    ))
      out.add(r.caseId);
  }
  return out;
}

export interface DocketCounts {
  overdue: number;
  fiveDays: number;
  thirtyDays: number;
  twoThirds: number;
}

interface Pick {
  caseId: number;
  tier: WarningTier | null;
  daysLeft: number | null;
  due: string | null;
  suspendedNow: boolean;
  pending: boolean | null;
}

/**
 * Open docket cases (one judge's, or all), most urgent first: warning tier, then days left, then case. Rows whose
 * stored due date holds (every one but those with no due date or an open-ended suspension; a suspension with its end
 * recorded is in the stored date, 解释 art. 243) are read in urgency order from the index, only the `limit` shown,
 * and counted from the counters (docket_open_dues); the others (few) get the full computation (trialPeriod) and are
 * merged in. `total` and `counts` cover every open row, not only those returned.
 */
export function openDocket(
  db: Db,
  on: string,
  judgeId: number | null,
  limit = DOCKET_PAGE,
): { today: string; total: number; counts: DocketCounts; rows: DocketRow[] } {
  const top = topStored(db, on, judgeId, limit);
  const stored = storedCounts(db, on, judgeId);
  const liveRows = db.all<OpenRow>(liveSql(judgeId));
  const live = periodsOf(db, liveRows, on);
  const running = suspendedToday(db, top, on);
  const picks: Pick[] = top.map((r) => {
    const t = tierOf(r.filedOn, r.dueOn, on);
    return { caseId: r.caseId, tier: t.tier, daysLeft: t.daysLeft, due: r.dueOn, suspendedNow: running.has(r.caseId), pending: null };
  });
  const counts: DocketCounts = {
    overdue: stored?.overdue ?? 0,
    fiveDays: stored?.fiveDays ?? 0,
    thirtyDays: stored?.thirtyDays ?? 0,
    twoThirds: stored?.twoThirds ?? 0,
  };
  const count = (tier: WarningTier | null) => {
    if (tier === 'overdue') counts.overdue++;
    else if (tier === 'five-days') counts.fiveDays++;
    else if (tier === 'thirty-days') counts.thirtyDays++;
    else if (tier === 'two-thirds') counts.twoThirds++;
  };
  for (const r of liveRows) {
    const p = live.get(r.caseId);
    count(p?.period.tier ?? null);
    picks.push({
      caseId: r.caseId,
      tier: p?.period.tier ?? null,
      daysLeft: p?.period.daysLeft ?? null,
      due: p?.period.due ?? null,
      suspendedNow: p?.period.suspendedNow ?? false,
      pending: p?.pendingExtension ?? null,
    });
  }
  picks.sort(
    (a, b) =>
      WARNING_RANK[b.tier ?? 'none'] - WARNING_RANK[a.tier ?? 'none'] || (a.daysLeft ?? 1e9) - (b.daysLeft ?? 1e9) || a.caseId - b.caseId,
  );
  const chosen = picks.slice(0, limit);
  const ids = chosen.map((p) => p.caseId);
  const details = new Map(detailsOf(db, ids).map((d) => [d.caseId, d]));
  // court practice (setting docket.extensionLeadDays): ask for the extension this many days before the period ends
  const lead = readSetting(db, 'docket.extensionLeadDays')!;
  const rows: DocketRow[] = chosen.map((p) => {
    const d = details.get(p.caseId)!;
    const procedure = d.procedure as Procedure | null;
    const pendingExtension = p.pending ?? d.pendingExtension === 1;
    return {
      caseId: p.caseId,
      number: d.number,
      causeName: d.causeName,
      partiesText: d.partiesText ?? '',
      amountFen: d.amountFen,
      procedure,
      procedureLabel: procedure ? PROCEDURE_LABELS[procedure] : null,
      status: d.status,
      filedOn: d.filedOn,
      judge: d.judgeId !== null && d.judgeName !== null ? { id: d.judgeId, name: d.judgeName } : null,
      due: p.due,
      daysLeft: p.daysLeft,
      tier: p.tier,
      tierLabel: p.tier ? WARNING_LABELS[p.tier] : (STATUS_LABELS[d.status] ?? null),
      suspendedNow: p.suspendedNow,
      pendingExtension,
      extensionAdvised: p.daysLeft !== null && p.daysLeft >= 0 && p.daysLeft <= lead && !pendingExtension,
    };
  });
  const total = (stored?.total ?? 0) + liveRows.length;
  return { today: on, total, counts, rows };
}

/**
 * Number, cause, amount, parties, judge and flags of the listed cases: one statement per chunk, by primary key
 * (the listed cases are the page shown, so this is the part of the desk that grows with the page).
 */
function detailsOf(db: Db, ids: number[]) {
  const out: {
    caseId: number;
    procedure: string | null;
    status: string;
    filedOn: string;
    judgeId: number | null;
    judgeName: string | null;
    pendingExtension: number;
    number: string;
    causeName: string;
    amountFen: number | null;
    partiesText: string | null;
  }[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    out.push(
      ...db.all<(typeof out)[number]>(
        sql`SELECT d.case_id AS caseId, d.procedure, d.status, d.filed_on AS filedOn, d.judge_id AS judgeId, u.display_name AS judgeName,
              d.pending_extension AS pendingExtension, c.number, c.cause_name AS causeName, c.amount_fen AS amountFen,
              (SELECT group_concat(p.name, '、') FROM case_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = d.case_id) AS partiesText
            FROM docket_cases d JOIN cases c ON c.id = d.case_id LEFT JOIN users u ON u.id = d.judge_id
            WHERE d.case_id IN (${sql.join(ids.slice(i, i + CHUNK), sql`, `)})`,
      ),
    );
  }
  return out;
}

interface Figures {
  open: number;
  closedThisMonth: number;
  closedThisYear: number;
  averageDaysToClose: number | null;
  mediatedOrWithdrawnRate: number | null;
  overdue: number;
  nearLimit: number;
}

/**
 * The centre view, per judge and for the team: open, closed this month and year, average days from filing to
 * closing (this year), 调撤率 (share of this year's closings by mediation, withdrawal or deemed withdrawal),
 * overdue and near the limit (five days or less).
 */
export function centreFigures(db: Db, on: string) {
  const year = on.slice(0, 4);
  const month = on.slice(0, 7);
  // closings: whole months before `on`'s month from the monthly counters (docket_close_stats, kept on closing);
  // `on`'s own month up to `on` from the rows (covering index docket_cases_closed_idx)
  const earlier = db.all<{ judgeId: number; closed: number; days: number; mw: number }>(
    sql`SELECT judge_id AS judgeId, sum(closed) AS closed, sum(days) AS days, sum(mediated_or_withdrawn) AS mw
        FROM docket_close_stats WHERE month >= ${`${year}-01`} AND month < ${month} GROUP BY judge_id`,
  );
  const thisMonth = db.all<{ judgeId: number | null; closed: number; days: number; mw: number }>(
    sql`SELECT judge_id AS judgeId, count(*) AS closed, sum(CAST(round(julianday(closed_on) - julianday(filed_on)) AS INTEGER)) AS days,
          sum(CASE WHEN close_method IN ('mediation', 'withdrawal', 'deemed-withdrawal') THEN 1 ELSE 0 END) AS mw
        FROM docket_cases WHERE closed_on >= ${`${month}-01`} AND closed_on <= ${on} GROUP BY judge_id`,
  );
  const closed = [
    ...earlier.map((c) => ({
      judgeId: c.judgeId || null,
      closedThisYear: c.closed,
      closedThisMonth: 0,
      days: c.days,
      mediatedOrWithdrawn: c.mw,
    })),
    ...thisMonth.map((c) => ({
      judgeId: c.judgeId,
      closedThisYear: c.closed,
      closedThisMonth: c.closed,
      days: c.days,
      mediatedOrWithdrawn: c.mw,
    })),
  ];
  // open, overdue and near the limit of the rows whose stored due date holds, from the counters (docket_open_dues,
  // kept by triggers); rows with no due date or an open-ended suspension are computed in full
  const in5 = addCalendarDays(on, 5);
  const openCounts = db
    .all<{ judgeId: number; open: number; overdue: number; nearLimit: number }>(
      sql`SELECT judge_id AS judgeId, sum(n) AS open, sum(CASE WHEN due_on < ${on} THEN n ELSE 0 END) AS overdue,
            sum(CASE WHEN due_on >= ${on} AND due_on <= ${in5} THEN n ELSE 0 END) AS nearLimit
          FROM docket_open_dues GROUP BY judge_id`,
    )
    .map((c) => ({ ...c, judgeId: c.judgeId || null }));
  const liveRows = db.all<OpenRow>(liveSql(null));
  // the judges: every user with the judge role, and whoever still has open cases
  const withOpen = [...new Set([...openCounts, ...liveRows].map((r) => r.judgeId).filter((id): id is number => id !== null))];
  const judges = db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(
      withOpen.length
        ? sql`${users.id} IN (SELECT user_id FROM user_roles WHERE role = 'judge') OR ${users.id} IN (${sql.join(withOpen, sql`, `)})`
        : sql`${users.id} IN (SELECT user_id FROM user_roles WHERE role = 'judge')`,
    )
    .all();
  const livePeriods = periodsOf(db, liveRows, on);
  const blank = (): Figures & { days: number; mw: number } => ({
    open: 0,
    closedThisMonth: 0,
    closedThisYear: 0,
    averageDaysToClose: null,
    mediatedOrWithdrawnRate: null,
    overdue: 0,
    nearLimit: 0,
    days: 0,
    mw: 0,
  });
  const per = new Map<number, ReturnType<typeof blank>>(judges.map((j) => [j.id, blank()]));
  const team = blank();
  for (const c of openCounts) {
    for (const f of [c.judgeId !== null ? per.get(c.judgeId) : undefined, team]) {
      if (!f) continue;
      f.open += c.open;
      f.overdue += c.overdue ?? 0;
      f.nearLimit += c.nearLimit ?? 0;
    }
  }
  for (const r of liveRows) {
    const tier = livePeriods.get(r.caseId)?.period.tier;
    for (const f of [r.judgeId !== null ? per.get(r.judgeId) : undefined, team]) {
      if (!f) continue;
      f.open++;
      if (tier === 'overdue') f.overdue++;
      if (tier === 'five-days') f.nearLimit++;
    }
  }
  for (const c of closed) {
    for (const f of [c.judgeId !== null ? per.get(c.judgeId) : undefined, team]) {
      if (!f) continue;
      f.closedThisYear += c.closedThisYear;
      f.closedThisMonth += c.closedThisMonth ?? 0;
      f.days += c.days ?? 0;
      f.mw += c.mediatedOrWithdrawn ?? 0;
    }
  }
  const finish = (f: ReturnType<typeof blank>): Figures => ({
    open: f.open,
    closedThisMonth: f.closedThisMonth,
    closedThisYear: f.closedThisYear,
    averageDaysToClose: f.closedThisYear ? Math.round((f.days / f.closedThisYear) * 10) / 10 : null,
    mediatedOrWithdrawnRate: f.closedThisYear ? Math.round((f.mw / f.closedThisYear) * 1000) / 1000 : null,
    overdue: f.overdue,
    nearLimit: f.nearLimit,
  });
  return { on, judges: judges.map((j) => ({ judge: j, ...finish(per.get(j.id)!) })), team: finish(team) };
}
