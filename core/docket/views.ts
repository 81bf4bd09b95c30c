import { and, asc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import { addCalendarDays } from '../calendar/calendar';
import { cases, docketCases, docketExtensions, docketSuspensions, users } from '../../db/schema';
import { courtCalendar } from '../calendar/courtCalendar';
import type { Db } from '../context';
import { readSetting } from '../settings';
import { STATUS_LABELS } from './meta';
import type { DocketRow } from './schemas';
import { PROCEDURE_LABELS, type Procedure } from './triage';
import { tierOf, trialPeriod, WARNING_LABELS, WARNING_RANK } from './trialPeriod';

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

/** A row whose stored due date can be used as is: no suspension open, running or ahead on `on`. */
const stored = (r: { dueOn: string | null; suspendedUntil: string | null }, on: string) =>
  r.dueOn !== null && (r.suspendedUntil === null || r.suspendedUntil < on);

/** Party names of many cases in one query (never one per row). */
function partiesOf(db: Db, judgeId: number | null): Map<number, string> {
  const scope = judgeId === null ? sql`status = 'open'` : sql`judge_id = ${judgeId} AND status = 'open'`;
  const rows = db.all<{ caseId: number; t: string }>(
    sql`SELECT cp.case_id AS caseId, group_concat(p.name, '、') AS t FROM case_parties cp JOIN parties p ON p.id = cp.party_id
        WHERE cp.case_id IN (SELECT case_id FROM docket_cases WHERE ${scope}) GROUP BY cp.case_id`,
  );
  return new Map(rows.map((r) => [r.caseId, r.t]));
}

/** The docket query: open cases of one judge (or all), by the stored due date (index docket_cases_judge_due_idx). */
export function docketQuery(db: Db, judgeId: number | null) {
  return db
    .select({
      caseId: docketCases.caseId,
      procedure: docketCases.procedure,
      status: docketCases.status,
      filedOn: docketCases.filedOn,
      judgeId: docketCases.judgeId,
      dueOn: docketCases.dueOn,
      suspendedUntil: docketCases.suspendedUntil,
      pendingExtension: docketCases.pendingExtension,
      judgeName: users.displayName,
      number: cases.number,
      causeName: cases.causeName,
      amountFen: cases.amountFen,
    })
    .from(docketCases)
    .innerJoin(cases, eq(cases.id, docketCases.caseId))
    .leftJoin(users, eq(users.id, docketCases.judgeId))
    .where(judgeId === null ? eq(docketCases.status, 'open') : and(eq(docketCases.judgeId, judgeId), eq(docketCases.status, 'open')))
    .orderBy(asc(docketCases.dueOn), asc(docketCases.caseId));
}

/**
 * Open docket cases (one judge's, or all), most urgent first. The stored due date gives days left and tier
 * (tierOf); rows with a suspension open or ahead, or not yet stored, get the full computation.
 */
export function openDocket(db: Db, on: string, judgeId: number | null): { today: string; rows: DocketRow[] } {
  const rows = docketQuery(db, judgeId).all();
  const parties = partiesOf(db, judgeId);
  const periods = periodsOf(
    db,
    rows.filter((r) => !stored(r, on)),
    on,
  );
  // court practice (setting docket.extensionLeadDays): ask for the extension this many days before the period ends
  const lead = readSetting(db, 'docket.extensionLeadDays')!;
  const out: DocketRow[] = rows.map((r) => {
    const procedure = r.procedure as Procedure | null;
    const live = periods.get(r.caseId);
    const fast = !live && r.dueOn !== null ? tierOf(r.filedOn, r.dueOn, on) : null;
    const tier = live?.period.tier ?? fast?.tier ?? null;
    const daysLeft = live?.period.daysLeft ?? fast?.daysLeft ?? null;
    const pendingExtension = live?.pendingExtension ?? r.pendingExtension;
    return {
      caseId: r.caseId,
      number: r.number,
      causeName: r.causeName,
      partiesText: parties.get(r.caseId) ?? '',
      amountFen: r.amountFen,
      procedure,
      procedureLabel: procedure ? PROCEDURE_LABELS[procedure] : null,
      status: r.status,
      filedOn: r.filedOn,
      judge: r.judgeId !== null && r.judgeName !== null ? { id: r.judgeId, name: r.judgeName } : null,
      due: live?.period.due ?? r.dueOn,
      daysLeft,
      tier,
      tierLabel: tier ? WARNING_LABELS[tier] : (STATUS_LABELS[r.status] ?? null),
      suspendedNow: live?.period.suspendedNow ?? false,
      pendingExtension,
      extensionAdvised: daysLeft !== null && daysLeft >= 0 && daysLeft <= lead && !pendingExtension,
    };
  });
  out.sort(
    (a, b) =>
      WARNING_RANK[b.tier ?? 'none'] - WARNING_RANK[a.tier ?? 'none'] || (a.daysLeft ?? 1e9) - (b.daysLeft ?? 1e9) || a.caseId - b.caseId,
  );
  return { today: on, rows: out };
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
  const judges = db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(
      sql`${users.id} IN (SELECT user_id FROM user_roles WHERE role = 'judge') OR ${users.id} IN (SELECT DISTINCT judge_id FROM docket_cases WHERE judge_id IS NOT NULL AND status = 'open')`,
    )
    .all();
  const closed = db
    .select({
      judgeId: docketCases.judgeId,
      closedThisYear: sql<number>`count(*)`,
      closedThisMonth: sql<number>`sum(CASE WHEN substr(${docketCases.closedOn}, 1, 7) = ${month} THEN 1 ELSE 0 END)`,
      days: sql<number>`sum(julianday(${docketCases.closedOn}) - julianday(${docketCases.filedOn}))`,
      mediatedOrWithdrawn: sql<number>`sum(CASE WHEN ${docketCases.closeMethod} IN ('mediation', 'withdrawal', 'deemed-withdrawal') THEN 1 ELSE 0 END)`,
    })
    .from(docketCases)
    .where(and(isNotNull(docketCases.closedOn), gte(docketCases.closedOn, `${year}-01-01`), sql`${docketCases.closedOn} <= ${on}`))
    .groupBy(docketCases.judgeId)
    .all();
  // open, overdue and near the limit in SQL on the stored due date; rows with a suspension open or ahead are computed in full
  const in5 = addCalendarDays(on, 5);
  const openCounts = db.all<{ judgeId: number | null; open: number; overdue: number; nearLimit: number }>(
    sql`SELECT judge_id AS judgeId, count(*) AS open,
          sum(CASE WHEN due_on < ${on} THEN 1 ELSE 0 END) AS overdue,
          sum(CASE WHEN due_on >= ${on} AND due_on <= ${in5} THEN 1 ELSE 0 END) AS nearLimit
        FROM docket_cases WHERE status = 'open' AND due_on IS NOT NULL AND (suspended_until IS NULL OR suspended_until < ${on})
        GROUP BY judge_id`,
  );
  const liveRows = db
    .select({
      caseId: docketCases.caseId,
      procedure: docketCases.procedure,
      status: docketCases.status,
      filedOn: docketCases.filedOn,
      judgeId: docketCases.judgeId,
    })
    .from(docketCases)
    .where(and(eq(docketCases.status, 'open'), sql`(${docketCases.dueOn} IS NULL OR ${docketCases.suspendedUntil} >= ${on})`))
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
