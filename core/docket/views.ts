import { and, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import { cases, docketCases, docketExtensions, docketSuspensions, users } from '../../db/schema';
import { courtCalendar } from '../calendar/courtCalendar';
import type { Db } from '../context';
import { STATUS_LABELS } from './meta';
import type { DocketRow } from './schemas';
import { PROCEDURE_LABELS, type Procedure } from './triage';
import { trialPeriod, WARNING_RANK } from './trialPeriod';

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
  const ids = rows.map((r) => r.caseId);
  const susp: { caseId: number; from: string; to: string | null }[] = [];
  const ext: { caseId: number; procedure: string; months: number; status: string }[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const part = ids.slice(i, i + CHUNK);
    susp.push(...db.select({ caseId: docketSuspensions.caseId, from: docketSuspensions.fromDate, to: docketSuspensions.toDate }).from(docketSuspensions).where(inArray(docketSuspensions.caseId, part)).all());
    ext.push(
      ...db
        .select({ caseId: docketExtensions.caseId, procedure: docketExtensions.procedure, months: docketExtensions.months, status: docketExtensions.status })
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
        const p = trialPeriod(calendar, { procedure: r.procedure as Procedure, filedOn: r.filedOn, suspensions: s.get(r.caseId) ?? [], extensionMonths: months, today: on });
        return [r.caseId, { period: p, pendingExtension: exts.some((x) => x.status === 'pending') }] as const;
      }),
  );
}

/** Open docket cases (one judge's, or all), most urgent first. */
export function openDocket(db: Db, on: string, judgeId: number | null): { today: string; rows: DocketRow[] } {
  const rows = db
    .select({
      caseId: docketCases.caseId,
      procedure: docketCases.procedure,
      status: docketCases.status,
      filedOn: docketCases.filedOn,
      judgeId: docketCases.judgeId,
      judgeName: users.displayName,
      number: cases.number,
      causeName: cases.causeName,
      amountFen: cases.amountFen,
      partiesText: sql<string>`(SELECT group_concat(p.name, '、') FROM case_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = ${docketCases.caseId})`,
    })
    .from(docketCases)
    .innerJoin(cases, eq(cases.id, docketCases.caseId))
    .leftJoin(users, eq(users.id, docketCases.judgeId))
    .where(judgeId === null ? eq(docketCases.status, 'open') : and(eq(docketCases.judgeId, judgeId), eq(docketCases.status, 'open')))
    .all();
  const periods = periodsOf(db, rows, on);
  const out: DocketRow[] = rows.map((r) => {
    const p = periods.get(r.caseId);
    const procedure = r.procedure as Procedure | null;
    return {
      caseId: r.caseId,
      number: r.number,
      causeName: r.causeName,
      partiesText: r.partiesText ?? '',
      amountFen: r.amountFen,
      procedure,
      procedureLabel: procedure ? PROCEDURE_LABELS[procedure] : null,
      status: r.status,
      filedOn: r.filedOn,
      judge: r.judgeId !== null && r.judgeName !== null ? { id: r.judgeId, name: r.judgeName } : null,
      due: p?.period.due ?? null,
      daysLeft: p?.period.daysLeft ?? null,
      tier: p?.period.tier ?? null,
      tierLabel: p?.period.tierLabel ?? STATUS_LABELS[r.status] ?? null,
      suspendedNow: p?.period.suspendedNow ?? false,
      pendingExtension: p?.pendingExtension ?? false,
    };
  });
  out.sort((a, b) => WARNING_RANK[b.tier ?? 'none'] - WARNING_RANK[a.tier ?? 'none'] || (a.daysLeft ?? 1e9) - (b.daysLeft ?? 1e9) || a.caseId - b.caseId);
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
    .where(sql`${users.id} IN (SELECT user_id FROM user_roles WHERE role = 'judge') OR ${users.id} IN (SELECT DISTINCT judge_id FROM docket_cases WHERE judge_id IS NOT NULL AND status = 'open')`)
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
  const open = openDocket(db, on, null).rows;
  const blank = (): Figures & { days: number; mw: number } => ({ open: 0, closedThisMonth: 0, closedThisYear: 0, averageDaysToClose: null, mediatedOrWithdrawnRate: null, overdue: 0, nearLimit: 0, days: 0, mw: 0 });
  const per = new Map<number, ReturnType<typeof blank>>(judges.map((j) => [j.id, blank()]));
  const team = blank();
  for (const r of open) {
    for (const f of [r.judge ? per.get(r.judge.id) : undefined, team]) {
      if (!f) continue;
      f.open++;
      if (r.tier === 'overdue') f.overdue++;
      if (r.tier === 'five-days') f.nearLimit++;
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

