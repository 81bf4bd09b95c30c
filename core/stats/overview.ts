import { caseStats, civilFirstInstanceReceived } from '../cases';
import { confirmationStats } from '../confirmation';
import type { Core } from '../context';
import { docketStats } from '../docket';
import { rate, referenceDay, type AreaFigures, type Period } from '../figures';
import { reliefStats } from '../fees';
import { mediationStats } from '../mediation';
import { LITIGATION_RATE_BASIS, perTenThousand, populationFor } from './litigationRate';

/** The registers the centre reports on, in the order of the overview and of the monthly workbook's sheets. */
export const STATS_AREAS = ['cases', 'mediation', 'confirmation', 'docket', 'relief'] as const;
export type StatsArea = (typeof STATS_AREAS)[number];

/** One register's figures (each area computes its own, on its own tables: core/<area>/stats.ts). */
export function areaStats(core: Core, area: StatsArea, period: Period, today: string): AreaFigures {
  const on = referenceDay(period, today);
  switch (area) {
    case 'cases':
      return caseStats(core.sqlite, period, on);
    case 'mediation':
      return mediationStats(core.sqlite, period, on);
    case 'confirmation':
      return confirmationStats(core.db, core.sqlite, period, on);
    case 'docket':
      return docketStats(core.db, core.sqlite, period, on);
    case 'relief':
      return reliefStats(core.db, core.sqlite, period, on);
  }
}

export interface FunnelStage {
  key: string;
  label: string;
  count: number;
}

/**
 * The centre overview for a period: every register's figures, 万人成讼率, the share of disputes resolved before
 * filing or without trial, and the funnel of the period's mediations from receipt to resolution. The page, the
 * command line (`court stats --json`) and the monthly report all call this one function.
 */
export function centreOverview(core: Core, period: Period, today: string) {
  const on = referenceDay(period, today);
  const sections = STATS_AREAS.map((a) => areaStats(core, a, period, today));
  const [cases, mediation] = sections as [AreaFigures, AreaFigures];
  const civil = civilFirstInstanceReceived(cases);
  const population = populationFor(core.db, period.to);
  const flows = mediation.breakdowns.find((b) => b.by === 'flow')?.rows ?? [];
  const agreements = (flow: string) => flows.find((r) => r.key === flow)?.resolved ?? 0;
  const preFiling = agreements('delegated') + agreements('legacy');
  const entrusted = agreements('entrusted');
  return {
    period,
    on,
    sections,
    litigation: {
      civilFirstInstance: civil,
      population,
      perTenThousand: perTenThousand(civil, population?.population ?? null),
      basis: LITIGATION_RATE_BASIS,
    },
    shares: {
      preFilingResolved: preFiling,
      entrustedResolved: entrusted,
      civilFirstInstance: civil,
      beforeFiling: rate(preFiling, preFiling + civil),
      withoutTrial: rate(preFiling + entrusted, preFiling + civil),
      definitions: [
        '诉前化解率 = 诉前（委派调解、旧诉前调）调解成功数 ÷（诉前调解成功数 + 新收民初案件数）：进入法院的纠纷中，未经立案即化解的比例（2024意见：先行调解，调解不成及时立案）。',
        '未经庭审化解率 =（诉前调解成功数 + 立案后委托调解成功数）÷（诉前调解成功数 + 新收民初案件数）。',
        '各数均按结果日期（调解成功）或收案日期（民初）落在统计期间内计算。',
      ],
    },
    funnel: mediationFunnel(core, period),
  };
}

export type CentreOverview = ReturnType<typeof centreOverview>;

/**
 * From receipt to resolution, for the mediations received in the period (a cohort, so each stage is a subset of
 * the one before): received → assigned to a mediator → mediator signed for the materials → concluded → agreement
 * → sent to judicial confirmation → confirmed valid. The cohort is read from mediations_received_idx, which covers
 * it; the hand-off (confirmations.mediation_id) from the confirmations made from a mediation
 * (confirmations_from_mediation_idx covers them) joined to the cohort, the planner starting from the smaller side.
 */
function mediationFunnel(core: Core, period: Period): FunnelStage[] {
  const p = { from: period.from, to: period.to };
  const m = core.sqlite
    .prepare(
      `SELECT count(*) AS received, count(mediator_id) AS assigned, count(signed_on) AS started,
              coalesce(sum(outcome IN ('agreement', 'failed')), 0) AS concluded, coalesce(sum(outcome = 'agreement'), 0) AS agreed
         FROM mediations WHERE received_on >= @from AND received_on <= @to`,
    )
    .get(p) as Record<string, number>;
  const c = core.sqlite
    .prepare(
      `SELECT count(*) AS confirmation, coalesce(sum(c.outcome = 'valid'), 0) AS confirmed
         FROM confirmations c JOIN mediations m ON m.id = c.mediation_id
        WHERE c.source = 'mediation' AND m.received_on >= @from AND m.received_on <= @to`,
    )
    .get(p) as Record<string, number>;
  const r = { ...m, ...c };
  const stages: [string, string][] = [
    ['received', '收案'],
    ['assigned', '已分派调解员'],
    ['started', '调解员签收材料'],
    ['concluded', '调解办结'],
    ['agreed', '达成协议'],
    ['confirmation', '申请司法确认'],
    ['confirmed', '确认有效'],
  ];
  return stages.map(([key, label]) => ({ key, label, count: r[key] ?? 0 }));
}
