import type { Output } from '../../api/client';

/** Shapes and labels shared by the fee pages (the Chinese names come from the host with the data). */

export type Quote = Output<'fees.quote'>;
export type FeeSchedule = Output<'fees.schedule'>;
export type FeeKindInfo = FeeSchedule['kinds'][number];
export type ReliefView = Output<'relief.get'>;
export type ReliefKindId = ReliefView['kind'];
export type ReliefStatus = ReliefView['status'];
export type FollowUp = Output<'relief.followUp'>[number];
export type CaseFees = Output<'fees.case'>;
export type FeeSettings = Output<'fees.settings'>;

export const RELIEF_STATUS_COLORS: Record<ReliefStatus, string> = {
  pending: 'gold',
  reviewed: 'blue',
  granted: 'green',
  partly_granted: 'cyan',
  refused: 'red',
  withdrawn: 'default',
};

export const FOLLOW_UP_COLORS: Record<FollowUp['state'], string> = {
  open: 'blue',
  'due-soon': 'orange',
  overdue: 'red',
  paid: 'green',
};

export const RELIEF_KIND_LABELS: Record<ReliefKindId, string> = { waive: '免交', reduce: '减交', defer: '缓交' };

/** The step labels of the breakdown table, and which steps stand out (subtotals, rules, caps). */
export const STRONG_STEPS = new Set(['subtotal', 'rule', 'cap', 'rounding', 'free']);

/** What the applicant asked for: 减交 50% / 缓交至 2027-02-20. */
export function requestedText(v: Pick<ReliefView, 'kind' | 'requestedPercent' | 'requestedUntil'>): string {
  if (v.kind === 'reduce' && v.requestedPercent !== null) return `减交 ${v.requestedPercent}%`;
  if (v.kind === 'defer') return v.requestedUntil ? `缓交至 ${v.requestedUntil}` : '缓交期限由审批确定';
  if (v.kind === 'waive') return '全部免交';
  return '—';
}

/** The template of a decided application's document. */
export function reliefTemplateId(status: ReliefStatus): 'relief-decision' | 'relief-refusal' | null {
  if (status === 'granted' || status === 'partly_granted') return 'relief-decision';
  if (status === 'refused') return 'relief-refusal';
  return null;
}

/** Today in court time (Asia/Shanghai), YYYY-MM-DD. */
export function courtToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}
