import type { ReliefKind } from './grounds';

/** The relief timing policy as data (no imports of services, so settings can hold its default). See ./reliefTiming.ts. */

/** `receipt`: the day the court received the case; `notice-deadline`: the payment deadline of the fee notice. */
export type TimingLimit = 'receipt' | 'notice-deadline';

export interface ReliefTimingPolicy {
  effectiveFrom: string;
  /** the document or decision the policy follows */
  source: string;
  /** per kind: applications accepted from receipt until this limit (inclusive) */
  until: Record<ReliefKind, TimingLimit>;
  /** a deferral must be decided by this limit */
  deferDecidedBy: TimingLimit;
}

export const DEFAULT_RELIEF_TIMING: ReliefTimingPolicy[] = [
  {
    effectiveFrom: '2007-04-01',
    source: '《诉讼费用交纳办法》第四十八条、第四十九条（起诉时申请，缓交在决定立案前作出决定）',
    until: { waive: 'receipt', reduce: 'receipt', defer: 'receipt' },
    deferDecidedBy: 'receipt',
  },
  {
    effectiveFrom: '2025-01-01',
    source: '本院规定：诉前调解不成立案后方通知交费（2024意见），自收案起至交费通知规定的交纳期限届满前均可申请，缓交在该期限届满前决定',
    until: { waive: 'notice-deadline', reduce: 'notice-deadline', defer: 'notice-deadline' },
    deferDecidedBy: 'notice-deadline',
  },
];
