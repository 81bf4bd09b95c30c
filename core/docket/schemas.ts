import { z } from 'zod';
import { bool, input, integerIn, isoDate, oneOf, optionalText, positiveFen, positiveId, requiredText } from '../api/fields';
import { JUDGMENT_KINDS } from './elements';
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

const BORNE_BY = ['defendants', 'plaintiffs', 'split'] as const;
const lines = (label: string) =>
  z
    .array(z.string({ error: `${label}每项应为文字` }).max(1000, { error: `${label}每项不超过 1000 字` }), { error: `${label}应为列表` })
    .max(30, { error: `${label}最多 30 项` });

export const closeInput = input({
  caseId: positiveId('案件'),
  method: oneOf('结案方式', CLOSE_METHODS),
  /** omitted: the desk states what the closing document decides */
  result: optionalText('结案情况', { max: 1000 }),
  closedOn: isoDate('结案日期'),
  clerk: optionalText('书记员', { max: 20 }),
  judgment: z
    .strictObject(
      {
        kind: oneOf('判决要素表', JUDGMENT_KINDS),
        elements: z.record(z.string(), z.union([z.string().max(500, { error: '要素不超过 500 字' }), z.number()]), {
          error: '判决要素格式不正确',
        }),
        claims: lines('诉讼请求'),
        reasoning: requiredText('本院认为', { max: 3000, multiline: true }),
        orders: lines('判决主文'),
        feeBorneBy: oneOf('诉讼费用负担', BORNE_BY),
        plaintiffFen: z.number({ error: '原告负担的金额应为数字' }).int({ error: '原告负担的金额应以分为单位' }).min(0).optional(),
      },
      { error: '判决要素格式不正确' },
    )
    .optional(),
  mediation: z
    .strictObject(
      {
        terms: lines('调解协议'),
        feeBorneBy: oneOf('诉讼费用负担', BORNE_BY),
        plaintiffFen: z.number({ error: '原告负担的金额应为数字' }).int({ error: '原告负担的金额应以分为单位' }).min(0).optional(),
      },
      { error: '调解内容格式不正确' },
    )
    .optional(),
  withdrawal: z.strictObject({ appliedOn: isoDate('申请撤诉日期') }, { error: '撤诉申请格式不正确' }).optional(),
  transfer: z.strictObject({ reason: requiredText('转为普通程序的理由', { max: 500 }) }, { error: '转出理由格式不正确' }).optional(),
});

const hearingAt = z
  .string({ error: '请填写开庭时间' })
  .regex(/^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d$/, { error: '开庭时间应写作 YYYY-MM-DD HH:mm' });

export const scheduleHearingInput = input({
  caseIds: z
    .array(positiveId('案件'), { error: '请选择案件' })
    .min(1, { error: '请至少选择一件案件' })
    .max(50, { error: '一次庭审最多 50 件' }),
  courtroom: requiredText('法庭', { max: 40 }),
  startsAt: hearingAt,
  minutes: integerIn('庭审时长（分钟）', 10, 480),
  /** required when the hearing is less than three days away (民诉法 art. 139; simplified procedure only) */
  shortNoticeReason: optionalText('不足三日通知的理由', { max: 500 }),
});

export const postponeHearingInput = input({
  hearingId: positiveId('庭审'),
  reason: requiredText('延期理由', { max: 500 }),
  startsAt: hearingAt.optional(),
  minutes: integerIn('庭审时长（分钟）', 10, 480).optional(),
  courtroom: optionalText('法庭', { max: 40 }),
  shortNoticeReason: optionalText('不足三日通知的理由', { max: 500 }),
});

export const hearingIdInput = input({ hearingId: positiveId('庭审') });

export const hearingCalendarInput = input({
  from: isoDate('起始日期'),
  to: isoDate('结束日期'),
  judgeId: positiveId('法官').optional(),
  courtroom: optionalText('法庭', { max: 40 }),
});

export const docketSettingsInput = input({
  appealCourt: optionalText('上诉法院', { max: 60 }),
  extensionLeadDays: integerIn('提前申请延长审限天数', 0, 60).optional(),
});

export const centreInput = input({ on: isoDate('统计日期').optional() });

// ─── outputs ───────────────────────────────────────────────────────────────────────────────────────────────

export const reasonSchema = z.object({ text: z.string(), basis: z.string() });

export const hearingSchema = z.object({
  id: z.number(),
  caseId: z.number(),
  number: z.string(),
  causeName: z.string(),
  judge: z.object({ id: z.number(), name: z.string() }),
  courtroom: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  postponeReason: z.string().nullable(),
  /** why the hearing is less than three days after the notice (民诉法 art. 139; simplified procedure only) */
  shortNoticeReason: z.string().nullable(),
  batch: z.string().nullable(),
});
export const hearingsSchema = z.object({ hearings: z.array(hearingSchema) });
export const myHearingsSchema = z.object({
  today: z.string(),
  weekEnds: z.string(),
  /** today's hearings, the first DESK_HEARINGS (core/docket/hearings.ts) */
  todays: z.array(hearingSchema),
  /** this week's from today: today's listed, then the first DESK_HEARINGS of the rest of the week */
  week: z.array(hearingSchema),
  todayTotal: z.number().int(),
  weekTotal: z.number().int(),
});
export const courtroomsSchema = z.object({ courtrooms: z.array(z.string()) });

export const closingSchema = z.object({
  method: z.string(),
  closedOn: z.string(),
  judgmentKind: z.string().nullable(),
  elements: z.record(z.string(), z.unknown()),
  feeBeforeFen: z.number(),
  feeFen: z.number(),
  feeRule: z.string(),
  paidFen: z.number(),
  refundFen: z.number(),
  burden: z.array(z.object({ role: z.string(), names: z.string(), fen: z.number() })),
  templateId: z.string().nullable(),
});

export const elementSetsSchema = z.object({
  sets: z.array(
    z.object({
      kind: z.string(),
      label: z.string(),
      causes: z.array(z.string()),
      elements: z.array(
        z.object({
          key: z.string(),
          label: z.string(),
          type: z.enum(['text', 'fen', 'date', 'number']),
          required: z.boolean(),
          /** a number's unit (平方米, %) and upper bound */
          unit: z.string().nullable(),
          max: z.number().nullable(),
        }),
      ),
    }),
  ),
});

export const docketSettingsSchema = z.object({ appealCourt: z.string(), extensionLeadDays: z.number() });

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
  /** the judge should ask for an extension now: fewer days left than the setting docket.extensionLeadDays */
  extensionAdvised: z.boolean(),
  hearings: z.array(hearingSchema),
  postponements: z.number(),
  closing: closingSchema.nullable(),
  /** the element set for the case's cause, when the desk has one */
  judgmentKind: z.string().nullable(),
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
  extensionAdvised: z.boolean(),
});
export type DocketRow = z.infer<typeof docketRowSchema>;

export const docketListSchema = z.object({
  today: z.string(),
  /** every open case in scope; `rows` holds the most urgent of them (at most the limit asked for) */
  total: z.number(),
  counts: z.object({ overdue: z.number(), fiveDays: z.number(), thirtyDays: z.number(), twoThirds: z.number() }),
  rows: z.array(docketRowSchema),
});
export const docketListInput = z
  .strictObject({ limit: integerIn('显示条数', 1, 5000).optional() }, { error: '参数格式不正确' })
  .optional()
  .transform((v) => v ?? {});

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
