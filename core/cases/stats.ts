import type Database from 'better-sqlite3';
import { fillMonths, foldCounts, groupFigures, periodParams, totalFigures, type AreaFigures, type Period } from '../figures';
import { CASE_TYPE_RULES } from './types';

/**
 * The counter's figures for a period: cases received (登记日期 in the period) in total, by month, by case type
 * and by cause (the 20 most frequent). The registers that conclude cases (mediation, confirmation, docket) report
 * their own outcomes; a case record has no closing of its own. One pass: the cases of each day, type and cause,
 * counted in the order of cases_received_type_idx (received_on, case_type, cause_name), which covers it, so a year
 * of a million-case register is read once from the index with no sort; the groupings are sums of those counts.
 */
const RECEIVED = `SELECT c.received_on AS day, c.case_type AS type, c.cause_name AS cause, count(*) AS n FROM cases c
  WHERE c.received_on >= @from AND c.received_on <= @to GROUP BY c.received_on, c.case_type, c.cause_name`;

const TYPE_LABELS = Object.fromEntries(Object.entries(CASE_TYPE_RULES).map(([k, v]) => [k, `${k}（${v.label}）`]));

/** The number of 民初 cases received in the period (万人成讼率's numerator). */
export function civilFirstInstanceReceived(figures: AreaFigures): number {
  return figures.breakdowns.find((b) => b.by === 'type')?.rows.find((r) => r.key === '民初')?.received ?? 0;
}

export function caseStats(sqlite: Database.Database, period: Period, on: string): AreaFigures {
  const params = periodParams(period, on);
  const rows = sqlite.prepare(RECEIVED).all(params) as { day: string; type: string; cause: string; n: number }[];
  const q = (key: (r: (typeof rows)[number]) => string, label: (k: string) => string = (k) => k) => ({
    received: foldCounts(rows, key, (k) => label(k as string)),
  });
  const total = totalFigures(
    sqlite,
    q(
      () => '',
      () => '合计',
    ),
    params,
  );
  const mq = q((r) => r.day.slice(0, 7));
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
      {
        by: 'type',
        label: '按案件类型',
        rows: groupFigures(
          sqlite,
          q(
            (r) => r.type,
            (k) => (Object.hasOwn(TYPE_LABELS, k) ? TYPE_LABELS[k]! : k),
          ),
          params,
        ),
      },
      {
        by: 'cause',
        label: '按案由（前 20）',
        rows: groupFigures(
          sqlite,
          q((r) => r.cause),
          params,
        ).slice(0, 20),
      },
    ],
    notes: [],
  };
}
