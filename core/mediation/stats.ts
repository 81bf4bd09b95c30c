import type Database from 'better-sqlite3';
import {
  byKey,
  caseLabel,
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
import { FLOWS, UNROSTERED } from './labels';

/**
 * The mediation register's figures for a period (stats.area and the centre's overview; core/figures.ts has the
 * shape). Received: by the date the centre received the dispute. Concluded: an outcome of agreement or failure
 * dated in the period (a refusal to mediate or a conversion before any mediation is not a mediation that failed).
 * Success rate: agreements ÷ concluded. Days: from the day after the mediator signed for the materials — the legal
 * period's start — counted as calendar days from the signing day to the outcome. Overdue: in progress on the
 * reference day after the legal period's last day (`due_on`, extension included).
 *
 * Received and concluded are each read in one pass, counted per organisation, mediator, flow and cause (and days),
 * and every grouping is a sum of those counts (`foldCounts`); the names are looked up once per key, not joined per
 * row. Indexes: mediations_received_idx and mediations_outcome_idx carry every column these passes read (so a year
 * of a million-case register is read from the index alone), mediations_due_idx (overdue).
 *
 * Group 0 holds every mediation without an organisation or mediator on the roster: the unassigned, the outside
 * agreements and the imported legacy records. It is named for what it holds (`UNROSTERED`), not after one of its rows.
 */
const FROM = `FROM mediations m LEFT JOIN mediation_orgs o ON o.id = m.org_id LEFT JOIN mediators md ON md.id = m.mediator_id`;
const DIMENSIONS = `m.org_id AS org, m.mediator_id AS mediator, m.flow AS flow, m.cause_name AS cause`;
const RECEIVED_IN = `FROM mediations m WHERE m.received_on >= @from AND m.received_on <= @to`;
const RECEIVED = `SELECT ${DIMENSIONS}, count(*) AS n ${RECEIVED_IN} GROUP BY 1, 2, 3, 4`;
const RECEIVED_DAYS = `SELECT m.received_on AS day, count(*) AS n ${RECEIVED_IN} GROUP BY m.received_on`;
const DAYS = `CAST(julianday(m.outcome_on) - julianday(m.signed_on) AS INTEGER)`;
const OUTCOMES_IN = `FROM mediations m WHERE m.outcome_on >= @from AND m.outcome_on <= @to AND m.outcome IN ('agreement', 'failed')`;
const OUTCOMES = `SELECT ${DIMENSIONS}, ${DAYS} AS days, sum(m.outcome = 'agreement') AS ok, count(*) AS concluded ${OUTCOMES_IN}
  GROUP BY 1, 2, 3, 4, 5`;
/** one month's outcomes, summed without a sort (`monthFigures`) */
const OUTCOME_MONTHS = `SELECT count(*) AS concluded, sum(m.outcome = 'agreement') AS ok, count(${DAYS}) AS n, sum(${DAYS}) AS total,
    median(${DAYS}) AS median ${OUTCOMES_IN}`;
const OVERDUE = `SELECT {key} AS key, {label} AS label, count(*) AS n ${FROM}
  WHERE m.status = 'in-progress' AND m.due_on < @on GROUP BY 1`;

interface Counted {
  org: number | null;
  mediator: number | null;
  flow: string;
  cause: string;
}
type ReceivedRow = Counted & { n: number };
type OutcomeRow = Counted & { days: number | null; ok: number; concluded: number };

export const MEDIATION_GROUPINGS = {
  org: {
    label: '按调解组织',
    key: 'coalesce(m.org_id, 0)',
    name: `coalesce(o.name, '${UNROSTERED.org}')`,
    of: (r: Counted) => r.org ?? 0,
    nameOf: (names: Names, k: number) => (k ? names.orgs.get(k) : null) ?? UNROSTERED.org,
  },
  mediator: {
    label: '按调解员',
    key: 'coalesce(m.mediator_id, 0)',
    name: `coalesce(md.name, '${UNROSTERED.mediator}')`,
    of: (r: Counted) => r.mediator ?? 0,
    nameOf: (names: Names, k: number) => (k ? names.mediators.get(k) : null) ?? UNROSTERED.mediator,
  },
  flow: {
    label: '按调解类型',
    key: 'm.flow',
    name: caseLabel('m.flow', FLOWS),
    of: (r: Counted) => r.flow,
    nameOf: (_: Names, k: string) => (Object.hasOwn(FLOWS, k) ? FLOWS[k as keyof typeof FLOWS] : k),
  },
  cause: { label: '按案由', key: 'm.cause_name', name: 'm.cause_name', of: (r: Counted) => r.cause, nameOf: (_: Names, k: string) => k },
} as const;

interface Names {
  orgs: Map<number, string>;
  mediators: Map<number, string>;
}

function names(sqlite: Database.Database): Names {
  const map = (sql: string) => new Map((sqlite.prepare(sql).all() as { id: number; name: string }[]).map((r) => [r.id, r.name]));
  return {
    orgs: map(`SELECT id, name FROM mediation_orgs`),
    mediators: map(`SELECT id, name FROM mediators`),
  };
}

export function mediationStats(sqlite: Database.Database, period: Period, on: string): AreaFigures {
  const params = periodParams(period, on);
  const received = sqlite.prepare(RECEIVED).all(params) as ReceivedRow[];
  const outcomes = sqlite.prepare(OUTCOMES).all(params) as OutcomeRow[];
  const known = names(sqlite);
  const q = (
    key: (r: Counted) => string | number,
    name: (k: string | number) => string,
    overdue: { key: string; name: string },
  ): FigureQueries => ({
    received: foldCounts(received, key, (k) => name(k!)),
    outcomes: foldOutcomes(outcomes, key, (k) => name(k!)),
    overdue: byKey(OVERDUE, overdue.key, overdue.name),
  });
  const total = totalFigures(
    sqlite,
    q(
      () => '',
      () => '合计',
      { key: `''`, name: `'合计'` },
    ),
    params,
  );
  const months = monthFigures(sqlite, RECEIVED_DAYS, OUTCOME_MONTHS, params, period);
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
      `${UNROSTERED.org}、${UNROSTERED.mediator}：尚未分派的案件、院外调解协议和导入的旧诉前调案件（其组织或调解员不在名册中）。`,
    ],
    total: { ...total, key: 'total', label: '合计' },
    months,
    breakdowns: Object.entries(MEDIATION_GROUPINGS).map(([by, g]) => ({
      by,
      label: g.label,
      rows: groupFigures(
        sqlite,
        q(g.of, (k) => (g.nameOf as (n: Names, k: string | number) => string)(known, k), {
          key: g.key,
          name: g.name,
        }),
        params,
      ),
    })),
    notes: [],
  };
}
