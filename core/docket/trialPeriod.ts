import type { LegalCalendar, Span } from '../calendar/calendar';
import { daysBetween } from '../calendar/calendar';
import { computeDeadline, type Deadline, type PeriodKind } from '../periods';
import type { Procedure } from './triage';

/**
 * The trial period (审限) of a docket case, only from the legal periods table (core/periods): by procedure from
 * the filing date (a conversion keeps it, 解释 art. 258); suspended spans not counted (解释 art. 243: public
 * notice, appraisal, settlement, jurisdiction dispute, the extended part of mediation); approved extensions
 * added in months (民诉法 arts. 168, 164, 152).
 */

export const TRIAL_PERIOD_KIND: Record<Procedure, PeriodKind> = {
  'small-claims': 'trial-small-claims',
  simplified: 'trial-simplified',
  ordinary: 'trial-ordinary',
};

/** Kinds of spans excluded from the trial period, with their basis. */
export const SUSPENSION_KINDS = {
  'public-notice': { label: '公告期间', basis: '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百四十三条' },
  appraisal: { label: '鉴定期间', basis: '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百四十三条' },
  settlement: { label: '双方当事人和解期间', basis: '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百四十三条' },
  jurisdiction: {
    label: '审理当事人提出的管辖异议以及处理法院之间的管辖争议期间',
    basis: '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百四十三条',
  },
  'mediation-extension': { label: '经双方同意延长的调解期间', basis: '2024意见第三条（延长期间不计入审理期限）' },
} as const;
export type SuspensionKind = keyof typeof SUSPENSION_KINDS;

/**
 * How far an extension may go, in months, for the current procedure: small claims one month (民诉法 art. 168),
 * simplified one month, four months in all (民诉法 art. 164; 解释 art. 258), ordinary as the court's setting
 * (民诉法 art. 152: six months by the president; more only by the higher court).
 */
export function extensionCapMonths(procedure: Procedure, ordinaryMonths: number): number {
  return procedure === 'ordinary' ? ordinaryMonths : 1;
}

export const EXTENSION_BASIS: Record<Procedure, string> = {
  'small-claims': '《中华人民共和国民事诉讼法》第一百六十八条',
  simplified: '《中华人民共和国民事诉讼法》第一百六十四条；《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百五十八条',
  ordinary: '《中华人民共和国民事诉讼法》第一百五十二条',
};

export type WarningTier = 'none' | 'two-thirds' | 'thirty-days' | 'five-days' | 'overdue';

export const WARNING_LABELS: Record<WarningTier, string> = {
  none: '正常',
  'two-thirds': '审限已过三分之二',
  'thirty-days': '审限不足三十日',
  'five-days': '审限不足五日（督办）',
  overdue: '已超审限',
};

/** Rank for sorting by urgency (higher = more urgent). */
export const WARNING_RANK: Record<WarningTier, number> = { none: 0, 'two-thirds': 1, 'thirty-days': 2, 'five-days': 3, overdue: 4 };

export interface TrialPeriodInput {
  procedure: Procedure;
  filedOn: string;
  /** recorded suspensions; an open one (to null) lasts up to `today` */
  suspensions: { from: string; to: string | null }[];
  /** approved extension months for the current procedure */
  extensionMonths: number;
  today: string;
}

export interface TrialPeriod {
  kind: PeriodKind;
  label: string;
  basis: string;
  filedOn: string;
  due: string;
  rolledFrom: string | null;
  /** days of suspension after the filing date that lengthened the period */
  suspendedDays: number;
  extensionMonths: number;
  /** calendar days from today to the due date (negative when overdue) */
  daysLeft: number;
  /** share of the period used, 0–1+ */
  used: number;
  tier: WarningTier;
  tierLabel: string;
  /** true while a suspension is running: the period does not run */
  suspendedNow: boolean;
}

/** Deadlines without suspensions, per calendar: a docket shares filing dates, so lists compute each once. */
const bareCache = new WeakMap<LegalCalendar, Map<string, Deadline>>();

function bareDeadline(calendar: LegalCalendar, kind: PeriodKind, from: string, extendBy: number): Deadline {
  let m = bareCache.get(calendar);
  if (!m) bareCache.set(calendar, (m = new Map()));
  const key = `${kind}|${from}|${extendBy}`;
  let d = m.get(key);
  if (!d) {
    d = computeDeadline(calendar, kind, from, { extendBy });
    if (m.size > 50_000) m.clear();
    m.set(key, d);
  }
  return d;
}

export function trialPeriod(calendar: LegalCalendar, input: TrialPeriodInput): TrialPeriod {
  const kind = TRIAL_PERIOD_KIND[input.procedure];
  const spans: Span[] = input.suspensions.map((s) => ({ from: s.from, to: s.to ?? input.today })).filter((s) => s.from <= s.to);
  // the days the suspensions added: the unrolled end with them against the unrolled end without them
  const bare = bareDeadline(calendar, kind, input.filedOn, input.extensionMonths);
  const d = spans.length ? computeDeadline(calendar, kind, input.filedOn, { suspended: spans, extendBy: input.extensionMonths }) : bare;
  const suspendedDays = daysBetween(bare.rolledFrom ?? bare.due, d.rolledFrom ?? d.due);
  const { daysLeft, used, tier } = tierOf(input.filedOn, d.due, input.today);
  const suspendedNow = input.suspensions.some((s) => s.from <= input.today && (s.to === null || s.to >= input.today));
  return {
    kind,
    label: d.label,
    basis: d.basis,
    filedOn: input.filedOn,
    due: d.due,
    rolledFrom: d.rolledFrom,
    suspendedDays,
    extensionMonths: input.extensionMonths,
    daysLeft,
    used,
    tier,
    tierLabel: WARNING_LABELS[tier],
    suspendedNow,
  };
}

/**
 * Days left, share used and warning tier of a period from its filing and due dates: a pure function of the two
 * dates and today, so a stored due date gives the same tier as the full computation.
 */
export function tierOf(filedOn: string, due: string, today: string): { daysLeft: number; used: number; tier: WarningTier } {
  const total = daysBetween(filedOn, due);
  const daysLeft = daysBetween(today, due);
  const used = total > 0 ? (total - daysLeft) / total : 1;
  const tier: WarningTier =
    daysLeft < 0 ? 'overdue' : daysLeft <= 5 ? 'five-days' : daysLeft <= 30 ? 'thirty-days' : used >= 2 / 3 ? 'two-thirds' : 'none';
  return { daysLeft, used, tier };
}
