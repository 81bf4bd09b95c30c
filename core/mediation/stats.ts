import type Database from 'better-sqlite3';
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
import { FLOWS } from './labels';

/**
 * The mediation register's figures for a period (core/figures.ts has the shape). Received: by the date the centre
 * received the dispute. Concluded: an outcome of agreement or failure dated in the period (a refusal to mediate or
 * a conversion before any mediation is not a mediation that failed, as in core/mediation/figures.ts). Success
 * rate: agreements ÷ concluded. Days: from the day after the mediator signed for the materials — the legal
 * period's start — counted as calendar days from the signing day to the outcome. Overdue: in progress on the
 * reference day after the legal period's last day (`due_on`, extension included).
 * Indexes: mediations_received_idx (received), mediations_outcome_idx (outcomes), mediations_due_idx (overdue).
 */
const FROM = `FROM mediations m LEFT JOIN mediation_orgs o ON o.id = m.org_id LEFT JOIN mediators md ON md.id = m.mediator_id`;
const RECEIVED = `SELECT {key} AS key, {label} AS label, count(*) AS n ${FROM}
  WHERE m.received_on >= @from AND m.received_on <= @to GROUP BY 1`;
const OUTCOMES = `SELECT {key} AS key, {label} AS label,
    CAST(julianday(m.outcome_on) - julianday(m.signed_on) AS INTEGER) AS days,
    sum(m.outcome = 'agreement') AS ok, count(*) AS concluded ${FROM}
  WHERE m.outcome_on >= @from AND m.outcome_on <= @to AND m.outcome IN ('agreement', 'failed') GROUP BY 1, 3`;
const OVERDUE = `SELECT {key} AS key, {label} AS label, count(*) AS n ${FROM}
  WHERE m.status = 'in-progress' AND m.due_on < @on GROUP BY 1`;

function queries(key: string, label: string, monthOf?: { received: string; outcome: string }): FigureQueries {
  if (monthOf) return { received: byKey(RECEIVED, monthOf.received), outcomes: byKey(OUTCOMES, monthOf.outcome) };
  return { received: byKey(RECEIVED, key, label), outcomes: byKey(OUTCOMES, key, label), overdue: byKey(OVERDUE, key, label) };
}

export const MEDIATION_GROUPINGS = {
  org: { label: '按调解组织', key: 'coalesce(m.org_id, 0)', name: `coalesce(o.name, m.outside_org_name, '（未分派）')` },
  mediator: { label: '按调解员', key: 'coalesce(m.mediator_id, 0)', name: `coalesce(md.name, m.outside_mediator_name, '（未分派）')` },
  flow: { label: '按调解类型', key: 'm.flow', name: caseLabel('m.flow', FLOWS) },
  cause: { label: '按案由', key: 'm.cause_name', name: 'm.cause_name' },
} as const;

export function mediationStats(sqlite: Database.Database, period: Period, on: string): AreaFigures {
  const params = periodParams(period, on);
  const total = totalFigures(sqlite, queries(`''`, `'合计'`), params);
  const mq = queries('', '', { received: 'substr(m.received_on, 1, 7)', outcome: 'substr(m.outcome_on, 1, 7)' });
  return {
    area: 'mediation',
    label: '诉调对接（调解）',
    period,
    on,
    columns: {
      received: '收案',
      concluded: '办结',
      resolved: '调解成功',
      successRate: '调解成功率',
      averageDays: '平均用时（天）',
      medianDays: '用时中位数（天）',
      overdue: '超期在办',
    },
    definitions: [
      '收案：登记日期在统计期间内的调解案件（委派、委托、院外协议、旧诉前调）。',
      '办结：调解结果（达成协议或调解不成）日期在统计期间内的案件；当事人不同意调解、未经调解即转立案的不计入。',
      '调解成功率：达成协议数 ÷ 办结数。',
      '用时：自调解员签收材料之日至调解结果之日的日历天数（平均数与中位数）。',
      `超期在办：截至 ${on} 仍在调解中且已过法定调解期限（含经同意延长的期限）的案件。`,
    ],
    total: { ...total, key: 'total', label: '合计' },
    months: fillMonths(groupFigures(sqlite, mq, params, 'key'), period, mq),
    breakdowns: Object.entries(MEDIATION_GROUPINGS).map(([by, g]) => ({
      by,
      label: g.label,
      rows: groupFigures(sqlite, queries(g.key, g.name), params),
    })),
    notes: [],
  };
}
