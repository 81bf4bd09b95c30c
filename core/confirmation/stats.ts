import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { confirmations, users } from '../../db/schema';
import type { Db } from '../context';
import { courtCalendar } from '../calendar';
import {
  foldCounts,
  foldOutcomes,
  groupFigures,
  monthFigures,
  periodParams,
  totalFigures,
  type AreaFigures,
  type CountRow,
  type FigureQueries,
  type Period,
} from '../figures';
import { ORGANISATION_KINDS } from './meta';
import { reviewDeadline } from './record';

/**
 * The confirmation register's figures for a period. Received: applications by their date. Concluded: rulings on
 * the merits dated in the period — 确认有效 or 驳回 (民诉法 2023 art. 206); a withdrawal or deemed withdrawal
 * ends the case without a ruling on the agreement and is counted apart, as is 不予受理. Confirmation rate: valid ÷
 * concluded. Days: from the application to the ruling. Overdue: accepted applications still undecided on the
 * reference day after the review period (30 days from acceptance plus an approved extension, 民诉法 2023
 * art. 187, computed by `reviewDeadline` as the register's own pages do).
 * Applications and rulings are each read in one pass counted per judge and organisation (and days); the groupings
 * are sums of those counts (`foldCounts`), the months come from a day-by-day pass in index order. Indexes:
 * confirmations_applied_figures_idx and confirmations_decided_idx cover these passes (and the withdrawals);
 * confirmations_stage_idx (the open applications).
 */
const RECEIVED = `SELECT c.judge_id AS judge, c.organisation_name AS organisation, c.organisation_kind AS kind, count(*) AS n
  FROM confirmations c WHERE c.applied_on >= @from AND c.applied_on <= @to GROUP BY 1, 2, 3`;
const RECEIVED_DAYS = `SELECT c.applied_on AS day, count(*) AS n FROM confirmations c
  WHERE c.applied_on >= @from AND c.applied_on <= @to GROUP BY c.applied_on`;
const RULINGS = `FROM confirmations c WHERE c.decided_on >= @from AND c.decided_on <= @to AND c.outcome IN ('valid', 'rejected')`;
const DAYS = `CAST(julianday(c.decided_on) - julianday(c.applied_on) AS INTEGER)`;
const OUTCOMES = `SELECT c.judge_id AS judge, c.organisation_name AS organisation, c.organisation_kind AS kind, ${DAYS} AS days,
    sum(c.outcome = 'valid') AS ok, count(*) AS concluded ${RULINGS} GROUP BY 1, 2, 3, 4`;
/** one month's rulings, summed without a sort (`monthFigures`) */
const OUTCOME_MONTHS = `SELECT count(*) AS concluded, sum(c.outcome = 'valid') AS ok, count(${DAYS}) AS n, sum(${DAYS}) AS total,
    median(${DAYS}) AS median ${RULINGS}`;

type Counted = { judge: number | null; organisation: string; kind: string };

const kindName = (k: string) => (Object.hasOwn(ORGANISATION_KINDS, k) ? ORGANISATION_KINDS[k as keyof typeof ORGANISATION_KINDS] : k);

const GROUPINGS = {
  judge: {
    label: '按法官',
    key: (r: Counted) => r.judge ?? 0,
    name: (judges: Map<number, string>, k: string | number) => judges.get(k as number) ?? '（未指定）',
    of: (r: Open) => r.judgeId ?? 0,
  },
  organisation: {
    label: '按调解组织',
    key: (r: Counted) => r.organisation,
    name: (_: Map<number, string>, k: string | number) => k as string,
    of: (r: Open) => r.organisationName,
  },
  organisationKind: {
    label: '按调解组织类别',
    key: (r: Counted) => r.kind,
    name: (_: Map<number, string>, k: string | number) => kindName(k as string),
    of: (r: Open) => r.organisationKind,
  },
} as const;

/** The columns the review period and the groupings need of an open application (not its terms and materials). */
type Open = Pick<
  typeof confirmations.$inferSelect,
  'stage' | 'acceptanceDecidedOn' | 'extensionDays' | 'judgeId' | 'organisationName' | 'organisationKind'
>;

export function confirmationStats(db: Db, sqlite: Database.Database, period: Period, on: string): AreaFigures {
  const params = periodParams(period, on);
  // the review period is computed on the court calendar, not stored: the open applications are few (stage index)
  const calendar = courtCalendar(db);
  const overdue = db
    .select({
      stage: confirmations.stage,
      acceptanceDecidedOn: confirmations.acceptanceDecidedOn,
      extensionDays: confirmations.extensionDays,
      judgeId: confirmations.judgeId,
      organisationName: confirmations.organisationName,
      organisationKind: confirmations.organisationKind,
    })
    .from(confirmations)
    .where(eq(confirmations.stage, 'accepted'))
    .all()
    .filter((r) => {
      const d = reviewDeadline(db, r, calendar);
      return d !== null && d.due < on;
    });
  const judgeNames = new Map(
    db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .all()
      .map((u) => [u.id, u.name]),
  );
  const overdueRows = (of: (r: Open) => string | number, label: (r: Open) => string): CountRow[] =>
    overdue.map((r) => ({ key: of(r), label: label(r), n: 1 }));
  const received = sqlite.prepare(RECEIVED).all(params) as (Counted & { n: number })[];
  const outcomes = sqlite.prepare(OUTCOMES).all(params) as (Counted & { days: number | null; ok: number; concluded: number })[];
  const q = (key: (r: Counted) => string | number, label: (k: string | number) => string, rows: CountRow[]): FigureQueries => ({
    received: foldCounts(received, key, (k) => label(k!)),
    outcomes: foldOutcomes(outcomes, key, (k) => label(k!)),
    overdue: rows,
  });
  const total = totalFigures(
    sqlite,
    q(
      () => '',
      () => '合计',
      overdueRows(
        () => '',
        () => '合计',
      ),
    ),
    params,
  );
  const months = monthFigures(sqlite, RECEIVED_DAYS, OUTCOME_MONTHS, params, period);
  const labelOf: Record<keyof typeof GROUPINGS, (r: Open) => string> = {
    judge: (r) => (r.judgeId ? (judgeNames.get(r.judgeId) ?? '（未指定）') : '（未指定）'),
    organisation: (r) => r.organisationName,
    organisationKind: (r) => ORGANISATION_KINDS[r.organisationKind as keyof typeof ORGANISATION_KINDS] ?? r.organisationKind,
  };
  const others = sqlite
    .prepare(
      `SELECT sum(outcome IN ('withdrawn', 'deemed_withdrawn')) AS withdrawn FROM confirmations WHERE decided_on >= @from AND decided_on <= @to`,
    )
    .get(params) as { withdrawn: number | null };
  const notAccepted = sqlite
    .prepare(
      `SELECT count(*) AS n FROM confirmations WHERE stage = 'not_accepted' AND acceptance_decided_on >= @from AND acceptance_decided_on <= @to`,
    )
    .get(params) as { n: number };
  return {
    area: 'confirmation',
    label: '司法确认',
    period,
    on,
    columns: {
      received: '申请',
      concluded: '审结（有效＋驳回）',
      resolved: '确认有效',
      successRate: '确认有效率',
      averageDays: '平均用时（天）',
      medianDays: '用时中位数（天）',
      overdue: '超审查期限',
    },
    definitions: [
      '申请：申请日期在统计期间内的司法确认申请。',
      '审结：裁定日期在统计期间内、裁定确认调解协议有效或驳回申请的案件（民诉法第二百零六条）；撤回、按撤回处理与不予受理另计。',
      '确认有效率：确认有效数 ÷ 审结数。',
      '用时：自申请之日至裁定之日的日历天数。',
      `超审查期限：截至 ${on} 已受理未裁定且已过审查期限（受理之日起三十日，另加批准延长的天数；民诉法第一百八十七条）的案件。`,
    ],
    total: { ...total, key: 'total', label: '合计' },
    months,
    breakdowns: (Object.keys(GROUPINGS) as (keyof typeof GROUPINGS)[]).map((by) => {
      const g = GROUPINGS[by];
      return {
        by,
        label: g.label,
        rows: groupFigures(
          sqlite,
          q(g.key, (k) => g.name(judgeNames, k), overdueRows(g.of, labelOf[by])),
          params,
        ),
      };
    }),
    notes: [
      { key: 'withdrawn', label: '撤回及按撤回处理', value: others.withdrawn ?? 0, unit: 'count' },
      { key: 'notAccepted', label: '不予受理', value: notAccepted.n, unit: 'count' },
    ],
  };
}
