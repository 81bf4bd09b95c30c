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
import { CASE_TYPE_RULES } from './types';

/**
 * The counter's figures for a period: cases received (登记日期 in the period) in total, by month, by case type
 * and by cause (the 20 most frequent). The registers that conclude cases (mediation, confirmation, docket) report
 * their own outcomes; a case record has no closing of its own. Index: cases_received_type_idx (received_on,
 * case_type, cause_name) covers every query here, so a year of a million-case register is read from the index.
 */
const RECEIVED = `SELECT {key} AS key, {label} AS label, count(*) AS n FROM cases c
  WHERE c.received_on >= @from AND c.received_on <= @to GROUP BY 1`;

const TYPE_LABELS = Object.fromEntries(Object.entries(CASE_TYPE_RULES).map(([k, v]) => [k, `${k}（${v.label}）`]));

/** The number of 民初 cases received in the period (万人成讼率's numerator). */
export function civilFirstInstanceReceived(figures: AreaFigures): number {
  return figures.breakdowns.find((b) => b.by === 'type')?.rows.find((r) => r.key === '民初')?.received ?? 0;
}

export function caseStats(sqlite: Database.Database, period: Period, on: string): AreaFigures {
  const params = periodParams(period, on);
  const q = (key: string, label?: string): FigureQueries => ({ received: byKey(RECEIVED, key, label) });
  const total = totalFigures(sqlite, q(`''`, `'合计'`), params);
  const mq = q('substr(c.received_on, 1, 7)');
  return {
    area: 'cases',
    label: '立案登记',
    period,
    on,
    columns: {
      received: '收案',
      concluded: '—',
      resolved: '—',
      successRate: '—',
      averageDays: '—',
      medianDays: '—',
      overdue: '—',
    },
    definitions: [
      '收案：登记（收案）日期在统计期间内的案件，含调登登记号的委派调解案件。',
      '案由：按收案数列出前 20 个案由。结案情况见调解、司法确认、速裁各自的统计。',
    ],
    total: { ...total, key: 'total', label: '合计' },
    months: fillMonths(groupFigures(sqlite, mq, params, 'key'), period, mq),
    breakdowns: [
      { by: 'type', label: '按案件类型', rows: groupFigures(sqlite, q('c.case_type', caseLabel('c.case_type', TYPE_LABELS)), params) },
      {
        by: 'cause',
        label: '按案由（前 20）',
        rows: groupFigures(sqlite, q('c.cause_name'), params).slice(0, 20),
      },
    ],
    notes: [],
  };
}
