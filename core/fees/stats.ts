import type Database from 'better-sqlite3';
import type { Db } from '../context';
import {
  byKey,
  caseLabel,
  fillMonths,
  groupFigures,
  nextDay,
  periodParams,
  totalFigures,
  type AreaFigures,
  type FigureQueries,
  type Period,
} from '../figures';
import { RELIEF_KINDS } from './grounds';
import { reliefTotalsBetweenDates } from './totals';

/**
 * The relief register's figures for a period (《诉讼费用交纳办法》 arts. 44–51). Received: applications by their
 * date. Concluded: decisions dated in the period (granted, partly granted, refused). Granted share: granted and
 * partly granted ÷ decided. Days: application to decision. The amounts waived, reduced and deferred are the relief
 * totals page's own (`reliefTotalsBetweenDates`, core/fees/totals.ts). Relief has no statutory decision period, so
 * no overdue figure.
 * Indexes: relief_applied_kind_idx (received), relief_decided_idx (decisions; `+r.status` keeps the planner off
 * relief_status_idx, which would read every decision ever made).
 */
const RECEIVED = `SELECT {key} AS key, {label} AS label, count(*) AS n FROM relief_applications r
  WHERE r.applied_on >= @from AND r.applied_on <= @to GROUP BY 1`;
const OUTCOMES = `SELECT {key} AS key, {label} AS label,
    CAST(julianday(r.decided_on) - julianday(r.applied_on) AS INTEGER) AS days,
    sum(r.status <> 'refused') AS ok, count(*) AS concluded FROM relief_applications r
  WHERE r.decided_on >= @from AND r.decided_on <= @to AND +r.status IN ('granted', 'partly_granted', 'refused') GROUP BY 1, 3`;

const KIND_LABELS = Object.fromEntries(Object.entries(RELIEF_KINDS).map(([k, v]) => [k, v.label]));

export function reliefStats(db: Db, sqlite: Database.Database, period: Period, on: string): AreaFigures {
  const params = periodParams(period, on);
  const q = (key: string, label?: string): FigureQueries => ({
    received: byKey(RECEIVED, key, label),
    outcomes: byKey(OUTCOMES, key, label),
  });
  const total = totalFigures(sqlite, q(`''`, `'合计'`), params);
  const mq: FigureQueries = {
    received: byKey(RECEIVED, 'substr(r.applied_on, 1, 7)'),
    outcomes: byKey(OUTCOMES, 'substr(r.decided_on, 1, 7)'),
  };
  const amounts = reliefTotalsBetweenDates(db, period.from, nextDay(period.to)).total;
  return {
    area: 'relief',
    label: '司法救助（诉讼费用）',
    period,
    on,
    columns: {
      received: '申请',
      concluded: '决定',
      resolved: '准予（含部分准予）',
      successRate: '准予率',
      averageDays: '平均决定天数',
      medianDays: '决定天数中位数',
      overdue: '—',
    },
    definitions: [
      '申请：申请日期在统计期间内的免交、减交、缓交申请。',
      '决定：决定日期在统计期间内的准予、部分准予和不予准许决定。',
      '准予率：准予与部分准予数 ÷ 决定数。',
      '决定天数：自申请之日至决定之日的日历天数。',
      '免交、减交、缓交金额：统计期间内决定准予的金额（与“救助统计”页面同一口径）。',
    ],
    total: { ...total, key: 'total', label: '合计' },
    months: fillMonths(groupFigures(sqlite, mq, params, 'key'), period, mq),
    breakdowns: [{ by: 'kind', label: '按救助方式', rows: groupFigures(sqlite, q('r.kind', caseLabel('r.kind', KIND_LABELS)), params) }],
    notes: [
      { key: 'waivedFen', label: '免交金额', value: amounts.waivedFen, unit: 'fen' },
      { key: 'reducedFen', label: '减交金额', value: amounts.reducedFen, unit: 'fen' },
      { key: 'deferredFen', label: '缓交金额', value: amounts.deferredFen, unit: 'fen' },
    ],
  };
}
