import { z } from 'zod';
import { bool, input, integerIn, isoDate, oneOf, optionalText, positiveFen, positiveId, requiredText } from '../api/fields';
import { FLAG_KEYS, PROCEDURES } from './triage';
import { SUSPENSION_KINDS } from './trialPeriod';

/** Inputs and explicit output schemas of the docket (速裁) area. */

export const SOURCES = ['filing', 'mediation-failed'] as const;
export type DocketSource = (typeof SOURCES)[number];
export const SUSPENSION_KIND_IDS = Object.keys(SUSPENSION_KINDS) as [keyof typeof SUSPENSION_KINDS, ...(keyof typeof SUSPENSION_KINDS)[]];
export const CLOSE_METHODS = ['judgment', 'mediation', 'withdrawal', 'deemed-withdrawal', 'transfer'] as const;
export type CloseMethod = (typeof CLOSE_METHODS)[number];

const flagsShape = Object.fromEntries(FLAG_KEYS.map((k) => [k, bool('排除情形').optional()])) as Record<
  (typeof FLAG_KEYS)[number],
  z.ZodOptional<z.ZodBoolean>
>;

export const triageInput = input({
  caseId: positiveId('案件'),
  consent: bool('当事人双方约定适用小额诉讼').optional(),
  flags: z.strictObject(flagsShape, { error: '排除情形格式不正确' }).optional(),
  /** the officer's decision; omitted = the recommendation */
  procedure: oneOf('决定适用的程序', PROCEDURES).optional(),
  reason: optionalText('与建议不同的理由', { max: 500 }),
});

export const previewTriageInput = input({
  caseId: positiveId('案件'),
  consent: bool('当事人双方约定适用小额诉讼').optional(),
  flags: z.strictObject(flagsShape, { error: '排除情形格式不正确' }).optional(),
});

export const assignInput = input({
  caseId: positiveId('案件'),
  judgeId: positiveId('承办法官'),
  reason: requiredText('指定或改派的理由', { max: 500 }),
});

export const caseIdInput = input({ caseId: positiveId('案件') });

export const suspensionInput = input({
  caseId: positiveId('案件'),
  kind: oneOf('扣除审限的事由', SUSPENSION_KIND_IDS),
  from: isoDate('起始日期'),
  to: isoDate('结束日期').optional(),
  note: optionalText('说明', { max: 500 }),
});

export const endSuspensionInput = input({ suspensionId: positiveId('扣除审限记录'), to: isoDate('结束日期') });

export const extensionRequestInput = input({
  caseId: positiveId('案件'),
  months: integerIn('延长月数', 1, 12),
  reason: requiredText('延长审限的理由', { max: 500 }),
});

export const extensionDecisionInput = input({
  extensionId: positiveId('延长审限申请'),
  approve: bool('是否批准'),
  note: optionalText('审批意见', { max: 500 }),
});

export const conversionInput = input({
  caseId: positiveId('案件'),
  to: oneOf('转换后的程序', ['simplified', 'ordinary']),
  reason: requiredText('转换程序的理由', { max: 500 }),
});

export const wageFigureInput = input({
  wageYear: integerIn('年度', 2000, 2100),
  amountFen: positiveFen('年平均工资'),
  publishedOn: isoDate('公布日期'),
  source: requiredText('公布文件', { max: 200 }),
});

export const closeInput = input({
  caseId: positiveId('案件'),
  method: oneOf('结案方式', CLOSE_METHODS),
  result: requiredText('结案情况', { max: 1000 }),
  closedOn: isoDate('结案日期'),
});

export const centreInput = input({ on: isoDate('统计日期').optional() });

// ─── outputs ───────────────────────────────────────────────────────────────────────────────────────────────

export const reasonSchema = z.object({ text: z.string(), basis: z.string() });

export const triagePreviewSchema = z.object({
  procedure: z.enum(PROCEDURES),
  procedureLabel: z.string(),
  byConsent: z.boolean(),
  reasons: z.array(reasonSchema),
  averageWageFen: z.number().nullable(),
  wageYear: z.number().nullable(),
  wageSource: z.string().nullable(),
  mandatoryCeilingFen: z.number().nullable(),
  consentCeilingFen: z.number().nullable(),
});

export const trialPeriodSchema = z.object({
  kind: z.string(),
  label: z.string(),
  basis: z.string(),
  filedOn: z.string(),
  due: z.string(),
  rolledFrom: z.string().nullable(),
  suspendedDays: z.number(),
  extensionMonths: z.number(),
  daysLeft: z.number(),
  used: z.number(),
  tier: z.enum(['none', 'two-thirds', 'thirty-days', 'five-days', 'overdue']),
  tierLabel: z.string(),
  suspendedNow: z.boolean(),
});

const judgeRef = z.object({ id: z.number(), name: z.string() });

export const docketCaseSchema = z.object({
  caseId: z.number(),
  number: z.string(),
  causeName: z.string(),
  amountFen: z.number().nullable(),
  partiesText: z.string(),
  source: z.enum(SOURCES),
  sourceLabel: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  filedOn: z.string(),
  recommended: z.enum(PROCEDURES).nullable(),
  procedure: z.enum(PROCEDURES).nullable(),
  procedureLabel: z.string().nullable(),
  byConsent: z.boolean(),
  triageReasons: z.array(reasonSchema),
  decisionReason: z.string().nullable(),
  judge: judgeRef.nullable(),
  assignments: z.array(
    z.object({ id: z.number(), judge: judgeRef, kind: z.string(), kindLabel: z.string(), reason: z.string().nullable(), at: z.string() }),
  ),
  suspensions: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      kindLabel: z.string(),
      basis: z.string(),
      from: z.string(),
      to: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  extensions: z.array(
    z.object({
      id: z.number(),
      procedure: z.string(),
      months: z.number(),
      reason: z.string(),
      status: z.string(),
      statusLabel: z.string(),
      requestedAt: z.string(),
      decidedAt: z.string().nullable(),
      decisionNote: z.string().nullable(),
    }),
  ),
  conversions: z.array(
    z.object({
      id: z.number(),
      from: z.string(),
      to: z.string(),
      onDate: z.string(),
      reason: z.string(),
      feeDueFen: z.number(),
      feeDueOn: z.string().nullable(),
    }),
  ),
  period: trialPeriodSchema.nullable(),
  closedOn: z.string().nullable(),
  closeMethod: z.string().nullable(),
  closeResult: z.string().nullable(),
});
export type DocketCaseView = z.infer<typeof docketCaseSchema>;

export const docketRowSchema = z.object({
  caseId: z.number(),
  number: z.string(),
  causeName: z.string(),
  partiesText: z.string(),
  amountFen: z.number().nullable(),
  procedure: z.enum(PROCEDURES).nullable(),
  procedureLabel: z.string().nullable(),
  status: z.string(),
  filedOn: z.string(),
  judge: judgeRef.nullable(),
  due: z.string().nullable(),
  daysLeft: z.number().nullable(),
  tier: trialPeriodSchema.shape.tier.nullable(),
  tierLabel: z.string().nullable(),
  suspendedNow: z.boolean(),
  pendingExtension: z.boolean(),
});
export type DocketRow = z.infer<typeof docketRowSchema>;

export const docketListSchema = z.object({ today: z.string(), rows: z.array(docketRowSchema) });

export const triageQueueSchema = z.object({
  rows: z.array(
    z.object({
      caseId: z.number(),
      number: z.string(),
      causeName: z.string(),
      partiesText: z.string(),
      amountFen: z.number().nullable(),
      receivedOn: z.string(),
      source: z.enum(SOURCES),
      sourceLabel: z.string(),
    }),
  ),
});

export const centreSchema = z.object({
  on: z.string(),
  judges: z.array(
    z.object({
      judge: judgeRef,
      open: z.number(),
      closedThisMonth: z.number(),
      closedThisYear: z.number(),
      averageDaysToClose: z.number().nullable(),
      mediatedOrWithdrawnRate: z.number().nullable(),
      overdue: z.number(),
      nearLimit: z.number(),
    }),
  ),
  team: z.object({
    open: z.number(),
    closedThisMonth: z.number(),
    closedThisYear: z.number(),
    averageDaysToClose: z.number().nullable(),
    mediatedOrWithdrawnRate: z.number().nullable(),
    overdue: z.number(),
    nearLimit: z.number(),
  }),
});

export const wageFiguresSchema = z.object({
  province: z.string(),
  figures: z.array(
    z.object({
      id: z.number(),
      province: z.string(),
      wageYear: z.number(),
      amountFen: z.number(),
      publishedOn: z.string(),
      source: z.string(),
    }),
  ),
});

export const judgesSchema = z.object({ judges: z.array(z.object({ id: z.number(), name: z.string(), open: z.number() })) });
