import { z } from 'zod';
import { defineSettings, type SettingValues } from '../api/area';
import { ROLE_KEYS } from '../api/roles';
import { DEFAULT_PAYMENT_ACCOUNT, DEFAULT_PROVINCIAL, DEFAULT_ROUNDING, type ProvincialAmounts } from './config';
import { DEFAULT_RELIEF_TIMING, type ReliefTimingPolicy } from './reliefTimingPolicy';
import { PROVINCIAL_RANGES, type ProvincialItem } from './schedule';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' });

const timingLimit = z.enum(['receipt', 'notice-deadline']);

const provincialSet: z.ZodType<ProvincialAmounts> = z.object({
  effectiveFrom: isoDate,
  source: z.string(),
  amounts: z.object(
    Object.fromEntries(Object.keys(PROVINCIAL_RANGES).map((k) => [k, z.number({ error: '金额须为数字' })])) as Record<
      ProvincialItem,
      z.ZodNumber
    >,
  ),
});

/** One stage of the relief approval chain: who may act at it (the chain is the court's configuration, docs/DOMAIN.md “诉讼费用与司法救助”). */
export const reliefStageSchema = z.object({
  /** 'review' stages give an opinion and pass the application on; the last stage decides */
  label: z.string().min(1),
  role: z.enum(ROLE_KEYS as [(typeof ROLE_KEYS)[number], ...(typeof ROLE_KEYS)[number][]]),
});
export type ReliefStage = z.infer<typeof reliefStageSchema>;

/** The fee and relief settings of the court (the fees area's settings section). */
export const feeSettings = defineSettings({
  'fees.provincial': { label: '本省诉讼费标准', schema: z.array(provincialSet).min(1), default: DEFAULT_PROVINCIAL },
  'fees.rounding': {
    label: '诉讼费取整规则',
    schema: z.object({ unit: z.enum(['fen', 'yuan']), mode: z.enum(['half-up', 'down']) }),
    default: DEFAULT_ROUNDING,
  },
  /** printed on the payment notice */
  'fees.paymentAccount': {
    label: '收款账户',
    schema: z.object({ payee: z.string(), bank: z.string(), accountNo: z.string(), note: z.string() }),
    default: DEFAULT_PAYMENT_ACCOUNT,
  },
  'relief.chain': {
    label: '司法救助审批流程',
    schema: z.array(reliefStageSchema).min(1).max(4),
    default: [
      { label: '立案庭审查', role: 'clerk' },
      { label: '院领导审批', role: 'approver' },
    ] as ReliefStage[],
  },
  /** default deferral term in days from the decision, when the application asks for no date */
  'relief.deferralDays': { label: '默认缓交天数', schema: z.number().int().min(1).max(365), default: 90 },
  /** a deferral shows as due soon this many days before it falls due */
  'relief.reminderDays': { label: '到期提醒天数', schema: z.number().int().min(0).max(60), default: 7 },
  /** from when until when relief applications are accepted, per kind, each policy with the date it takes effect (./reliefTiming.ts) */
  'fees.reliefTiming': {
    label: '司法救助申请期间',
    schema: z
      .array(
        z.object({
          effectiveFrom: isoDate,
          source: z.string().min(1),
          until: z.object({ waive: timingLimit, reduce: timingLimit, defer: timingLimit }),
          deferDecidedBy: timingLimit,
        }),
      )
      .min(1) as z.ZodType<ReliefTimingPolicy[]>,
    default: DEFAULT_RELIEF_TIMING,
  },
});

export type FeeSettings = SettingValues<typeof feeSettings>;

declare module '../settings' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface CourtSettings extends FeeSettings {}
}

/** The quote settings' defaults (the CLI quotes without a database with these). */
export const FEE_SETTING_DEFAULTS = { 'fees.provincial': DEFAULT_PROVINCIAL, 'fees.rounding': DEFAULT_ROUNDING };
