import type { Role } from '../auth/roles';
import { DEFAULT_RELIEF_TIMING, type ReliefTimingPolicy } from './reliefTimingPolicy';
import { DEFAULT_PAYMENT_ACCOUNT, DEFAULT_PROVINCIAL, DEFAULT_ROUNDING, type PaymentAccount, type ProvincialAmounts, type RoundingRule } from './config';

/** One stage of the relief approval chain: who may act at it (DOMAIN.md §4: the chain is configuration). */
export interface ReliefStage {
  /** 'review' stages give an opinion and pass the application on; the last stage decides */
  label: string;
  role: Role;
}

/** The fee and relief settings, merged into CourtSettings (core/court/settings.ts). */
export interface FeeSettings {
  'fees.provincial': ProvincialAmounts[];
  'fees.rounding': RoundingRule;
  /** printed on the payment notice */
  'fees.paymentAccount': PaymentAccount;
  'relief.chain': ReliefStage[];
  /** default deferral term in days from the decision, when the application asks for no date */
  'relief.deferralDays': number;
  /** a deferral shows as due soon this many days before it falls due */
  'relief.reminderDays': number;
  /** from when until when relief applications are accepted, per kind, with the dates each policy takes effect */
  'fees.reliefTiming': ReliefTimingPolicy[];
}

export const FEE_SETTING_DEFAULTS: FeeSettings = {
  'fees.provincial': DEFAULT_PROVINCIAL,
  'fees.rounding': DEFAULT_ROUNDING,
  'fees.paymentAccount': DEFAULT_PAYMENT_ACCOUNT,
  'relief.chain': [
    { label: '立案庭审查', role: 'clerk' },
    { label: '院领导审批', role: 'approver' },
  ],
  'relief.deferralDays': 90,
  'relief.reminderDays': 7,
  'fees.reliefTiming': DEFAULT_RELIEF_TIMING,
};
