import type Database from 'better-sqlite3';
import type { Db } from '../context';
import {
  foldCounts,
  foldOutcomes,
  groupFigures,
  monthFigures,
  periodParams,
  totalFigures,
  type AreaFigures,
  type FigureQueries,
  type Period,
} from '../figures';
import { PROCEDURE_LABELS } from './triage';
import { centreFigures } from './views';

/**
 * The fast-track docket's figures for a period. Received: cases entered on the docket with a filing date in the
 * period. Concluded: closed in the period by judgment, mediation, withdrawal or deemed withdrawal (a transfer out
 * of the fast track is not a closing). 调撤率: closings by mediation, withdrawal or deemed withdrawal ÷ closings —
 * the centre view's rate, for the period instead of the year. Days: filing to closing. Open, overdue and near the
 * limit on the reference day come from the centre view itself (`centreFigures`, core/docket/views.ts), so the
 * two pages never disagree.
 * Received and closings are each read in one pass counted per judge and procedure (and days); the groupings are
 * sums of those counts (`foldCounts`), the months come from a day-by-day pass in index order. Indexes:
 * docket_cases_filed_idx (filed_on, judge_id, procedure) and docket_cases_closed_idx (closed_on, …, procedure)
 * cover these passes.
 */
const RECEIVED = `SELECT d.judge_id AS judge, d.procedure AS procedure, count(*) AS n FROM docket_cases d
  WHERE d.filed_on >= @from AND d.filed_on <= @to GROUP BY 1, 2`;
const RECEIVED_DAYS = `SELECT d.filed_on AS day, count(*) AS n FROM docket_cases d
  WHERE d.filed_on >= @from AND d.filed_on <= @to GROUP BY d.filed_on`;
const CLOSINGS = `FROM docket_cases d WHERE d.closed_on >= @from AND d.closed_on <= @to
  AND d.close_method IN ('judgment', 'mediation', 'withdrawal', 'deemed-withdrawal')`;
const DAYS = `CAST(julianday(d.closed_on) - julianday(d.filed_on) AS INTEGER)`;
const OK = `sum(d.close_method IN ('mediation', 'withdrawal', 'deemed-withdrawal')) AS ok`;
const OUTCOMES = `SELECT d.judge_id AS judge, d.procedure AS procedure, ${DAYS} AS days, ${OK}, count(*) AS concluded ${CLOSINGS} GROUP BY 1, 2, 3`;
/** one month's closings, summed without a sort (`monthFigures`) */
const OUTCOME_MONTHS = `SELECT count(*) AS concluded, ${OK}, count(${DAYS}) AS n, sum(${DAYS}) AS total, median(${DAYS}) AS median ${CLOSINGS}`;

type Counted = { judge: number | null; procedure: string | null };

export function docketStats(db: Db, sqlite: Database.Database, period: Period, on: string): AreaFigures {
  const params = periodParams(period, on);
  const centre = centreFigures(db, on);
  const received = sqlite.prepare(RECEIVED).all(params) as (Counted & { n: number })[];
  const outcomes = sqlite.prepare(OUTCOMES).all(params) as (Counted & { days: number | null; ok: number; concluded: number })[];
  const q = (key: (r: Counted) => string | number | null, name: (k: string | number | null) => string): FigureQueries => ({
    received: foldCounts(received, key, name),
    outcomes: foldOutcomes(outcomes, key, name),
  });
  const total = totalFigures(
    sqlite,
    {
      ...q(
        () => '',
        () => '合计',
      ),
      overdue: [{ key: '', label: '合计', n: centre.team.overdue }],
    },
    params,
  );
  const months = monthFigures(sqlite, RECEIVED_DAYS, OUTCOME_MONTHS, params, period);
  const judgeNames = new Map(
    (sqlite.prepare(`SELECT id, display_name AS name FROM users`).all() as { id: number; name: string }[]).map((u) => [u.id, u.name]),
  );
  const byJudge = groupFigures(
    sqlite,
    {
      ...q(
        (r) => r.judge ?? 0,
        (k) => judgeNames.get(k as number) ?? '（未分配）',
      ),
      overdue: centre.judges.map((j) => ({ key: j.judge.id, label: j.judge.name, n: j.overdue })),
    },
    params,
  ).filter((r) => r.received || r.concluded || r.overdue);
  return {
    area: 'docket',
    label: '速裁',
    period,
    on,
    columns: {
      received: '收案',
      concluded: '结案',
      resolved: '调撤',
      successRate: '调撤率',
      averageDays: '平均审理天数',
      medianDays: '审理天数中位数',
      overdue: '超审限',
    },
    definitions: [
      '收案：立案日期在统计期间内进入速裁的案件（含委托调解不成转入的）。',
      '结案：结案日期在统计期间内、以判决、调解、准许撤诉或按撤诉处理结案的案件；转出速裁的不计。',
      '调撤率：以调解、准许撤诉或按撤诉处理结案数 ÷ 结案数。',
      '审理天数：自立案之日至结案之日的日历天数。',
      `超审限：截至 ${on} 仍在审理且已过审限的案件（与“速裁中心”页面同一计算）。`,
    ],
    total: { ...total, key: 'total', label: '合计' },
    months,
    breakdowns: [
      { by: 'judge', label: '按法官', rows: byJudge },
      {
        by: 'procedure',
        label: '按程序',
        rows: groupFigures(
          sqlite,
          q(
            (r) => r.procedure,
            (k) => (k !== null && Object.hasOwn(PROCEDURE_LABELS, k) ? PROCEDURE_LABELS[k as keyof typeof PROCEDURE_LABELS] : '（待分流）'),
          ),
          params,
        ),
      },
    ],
    notes: [
      { key: 'open', label: `在审（${on}）`, value: centre.team.open, unit: 'count' },
      { key: 'nearLimit', label: '五日内到期', value: centre.team.nearLimit, unit: 'count' },
    ],
  };
}
