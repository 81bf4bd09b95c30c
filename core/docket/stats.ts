import type Database from 'better-sqlite3';
import type { Db } from '../context';
import {
  byKey,
  caseLabel,
  fillMonths,
  groupFigures,
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
 * Indexes: docket_cases_filed_idx (received), docket_cases_closed_idx (closings).
 */
const FROM = `FROM docket_cases d LEFT JOIN users u ON u.id = d.judge_id`;
const RECEIVED = `SELECT {key} AS key, {label} AS label, count(*) AS n ${FROM}
  WHERE d.filed_on >= @from AND d.filed_on <= @to GROUP BY 1`;
const OUTCOMES = `SELECT {key} AS key, {label} AS label,
    CAST(julianday(d.closed_on) - julianday(d.filed_on) AS INTEGER) AS days,
    sum(d.close_method IN ('mediation', 'withdrawal', 'deemed-withdrawal')) AS ok, count(*) AS concluded ${FROM}
  WHERE d.closed_on >= @from AND d.closed_on <= @to AND d.close_method IN ('judgment', 'mediation', 'withdrawal', 'deemed-withdrawal')
  GROUP BY 1, 3`;

export function docketStats(db: Db, sqlite: Database.Database, period: Period, on: string): AreaFigures {
  const params = periodParams(period, on);
  const centre = centreFigures(db, on);
  const judgeKey = `coalesce(d.judge_id, 0)`;
  const judgeName = `coalesce(u.display_name, '（未分配）')`;
  const total = totalFigures(
    sqlite,
    {
      received: byKey(RECEIVED, `''`, `'合计'`),
      outcomes: byKey(OUTCOMES, `''`, `'合计'`),
      overdue: [{ key: '', label: '合计', n: centre.team.overdue }],
    },
    params,
  );
  const mq: FigureQueries = {
    received: byKey(RECEIVED, 'substr(d.filed_on, 1, 7)'),
    outcomes: byKey(OUTCOMES, 'substr(d.closed_on, 1, 7)'),
  };
  const byJudge = groupFigures(
    sqlite,
    {
      received: byKey(RECEIVED, judgeKey, judgeName),
      outcomes: byKey(OUTCOMES, judgeKey, judgeName),
      overdue: centre.judges.map((j) => ({ key: j.judge.id, label: j.judge.name, n: j.overdue })),
    },
    params,
  ).filter((r) => r.received || r.concluded || r.overdue);
  const procedure = caseLabel('d.procedure', PROCEDURE_LABELS, `'（待分流）'`);
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
    months: fillMonths(groupFigures(sqlite, mq, params, 'key'), period, mq),
    breakdowns: [
      { by: 'judge', label: '按法官', rows: byJudge },
      {
        by: 'procedure',
        label: '按程序',
        rows: groupFigures(
          sqlite,
          { received: byKey(RECEIVED, 'd.procedure', procedure), outcomes: byKey(OUTCOMES, 'd.procedure', procedure) },
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
