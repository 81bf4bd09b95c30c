import { listOperation } from '../lists/query';
import { reliefBrowse } from './browse';
import { z } from 'zod';
import { operationsOf } from '../api/contract';
import { bool, input, integerIn, isoDate, oneOf, optionalText, positiveFen, positiveId, requiredText } from '../api/fields';
import { ROLE_KEYS, type Role } from '../api/roles';
import { dateShanghai } from '../time/clock';
import { EVIDENCE_KINDS, RELIEF_KIND_IDS } from './grounds';
import { feesMeta } from './meta';
import { deferralFollowUps, flagOverdueDeferrals, recordPayment } from './payments';
import { actOnRelief, listRelief, reliefView, withdrawRelief } from './relief';
import { FEE_KIND_IDS, PROVINCIAL_RANGES } from './schedule';
import { documentRecordSchema } from '../documents';
import { generateFeeNotice, noticeFor } from './notice';
import {
  applyForReliefWithQuote,
  caseFees,
  feeSchedule,
  quoteOrFieldError,
  readFeeQuoteSettings,
  reliefGroundsView,
  reliefReminders,
  reliefTotalsBetween,
} from './service';
import { feeSettingsView, updateFeeSettings } from './settingsService';
import {
  caseFeesSchema,
  feeSettingsViewSchema,
  followUpSchema,
  noticeDataSchema,
  paymentSchema,
  quoteSchema,
  reliefGroundsSchema,
  reliefListSchema,
  reliefTotalsSchema,
  reliefViewSchema,
  remindersSchema,
  scheduleViewSchema,
} from './views';

/**
 * The fees area's operations: each a declaration (metadata from ./meta.ts, input, output view schema from
 * ./views.ts) and one call into the area's services, where the rules are.
 */

/** Each declaration adds its schemas and its one service call to the metadata (name, label, summary, access) in meta.ts. */
const op = operationsOf(feesMeta);

const quoteRequestShape = {
  kind: oneOf('费用种类', FEE_KIND_IDS),
  amountsFen: z.array(positiveFen('金额'), { error: '金额应为列表' }).max(50, { error: '诉讼请求最多 50 项' }).optional(),
  procedure: oneOf('审理程序', ['ordinary', 'simplified', 'small-claims']).optional(),
  closing: oneOf('结案方式', ['judgment', 'mediation', 'withdrawal']).optional(),
  counterclaim: bool('反诉').optional(),
  withNonPropertyClaims: bool('同时有非财产性诉讼请求').optional(),
  preservedFen: positiveFen('实际保全的财产数额').optional(),
};

export const feeScheduleOperation = op('fees.schedule', {
  input: input({ on: isoDate('日期').optional() }),
  output: scheduleViewSchema,
  handler: (ctx, i) => feeSchedule(ctx.core.db, i.on ?? dateShanghai(ctx.core.clock.now())),
});

export const feeQuoteOperation = op('fees.quote', {
  input: input({ ...quoteRequestShape, on: isoDate('计算日期').optional() }),
  output: quoteSchema,
  handler: (ctx, i) => quoteOrFieldError({ ...i, on: i.on ?? dateShanghai(ctx.core.clock.now()) }, readFeeQuoteSettings(ctx.core.db)),
});

export const feeNoticeDataOperation = op('fees.noticeData', {
  input: input({
    ...quoteRequestShape,
    caseId: positiveId('案件编号').optional(),
    casePartyId: positiveId('受通知人').optional(),
    addressee: optionalText('受通知人', { max: 100 }),
  }),
  output: noticeDataSchema,
  handler: (ctx, i) => noticeFor(ctx, i),
});

export const feeNoticeGenerateOperation = op('fees.generateNotice', {
  input: input({
    ...quoteRequestShape,
    caseId: positiveId('案件编号').optional(),
    casePartyId: positiveId('受通知人').optional(),
    addressee: optionalText('受通知人', { max: 100 }),
    format: oneOf('文书格式', ['pdf', 'docx']),
    confirmDuplicate: bool('确认再次生成').optional(),
  }),
  output: z.object({ document: documentRecordSchema, base64: z.string() }),
  handler: (ctx, i) => generateFeeNotice(ctx, i),
});

const provincialSchema = z.object({
  effectiveFrom: isoDate('施行日期'),
  source: requiredText('标准依据（文件名称）', { max: 200 }),
  amounts: z.object(
    Object.fromEntries(Object.entries(PROVINCIAL_RANGES).map(([k, r]) => [k, z.number({ error: `${r.label}的金额须为数字` })])) as Record<
      keyof typeof PROVINCIAL_RANGES,
      z.ZodNumber
    >,
  ),
});

export const feeSettingsOperation = op('fees.settings', {
  input: input({}),
  output: feeSettingsViewSchema,
  handler: (ctx) => feeSettingsView(ctx.core.db),
});

const timingLimit = (label: string) => oneOf(label, ['receipt', 'notice-deadline']);

export const updateFeeSettingsOperation = op('fees.updateSettings', {
  input: input({
    provincial: z.array(provincialSchema).min(1, { error: '至少保留一套本省标准' }).max(50).optional(),
    rounding: z.object({ unit: oneOf('取整单位', ['fen', 'yuan']), mode: oneOf('取整方式', ['half-up', 'down']) }).optional(),
    paymentAccount: z
      .object({
        payee: optionalText('收款单位', { max: 100 }),
        bank: optionalText('开户银行', { max: 100 }),
        accountNo: optionalText('账号', { max: 40 }),
        note: optionalText('交费说明', { max: 500 }),
      })
      .optional(),
    chain: z
      .array(z.object({ label: requiredText('审批阶段名称', { max: 20 }), role: oneOf('审批角色', ROLE_KEYS as [Role, ...Role[]]) }))
      .min(1, { error: '审批流程至少一个阶段' })
      .max(4, { error: '审批流程最多四个阶段' })
      .optional(),
    deferralDays: integerIn('默认缓交天数', 1, 365).optional(),
    reminderDays: integerIn('到期提醒天数', 0, 60).optional(),
    // the dated relief timing policy (./reliefTiming.ts; 办法 arts. 48–49 and the 2024意见)
    reliefTiming: z
      .array(
        z.object({
          effectiveFrom: isoDate('施行日期'),
          source: requiredText('依据', { max: 300 }),
          until: z.object({ waive: timingLimit('免交申请截止'), reduce: timingLimit('减交申请截止'), defer: timingLimit('缓交申请截止') }),
          deferDecidedBy: timingLimit('缓交决定截止'),
        }),
      )
      .min(1, { error: '至少保留一项申请期间规定' })
      .max(20)
      .optional(),
  }),
  output: feeSettingsViewSchema,
  handler: (ctx, i) => updateFeeSettings(ctx, i),
});

export const caseFeesOperation = op('fees.case', {
  input: input({ caseId: positiveId('案件编号') }),
  output: caseFeesSchema,
  handler: (ctx, i) => caseFees(ctx.core.db, i.caseId, dateShanghai(ctx.core.clock.now())),
});

export const reliefGroundsOperation = op('relief.grounds', {
  input: input({}),
  output: reliefGroundsSchema,
  handler: (ctx) => reliefGroundsView(ctx.core.db),
});

export const applyReliefOperation = op('relief.apply', {
  input: input({
    caseId: positiveId('案件编号'),
    casePartyId: positiveId('申请人'),
    kind: oneOf('救助种类', RELIEF_KIND_IDS),
    ground: requiredText('申请事由', { max: 40 }),
    reasons: optionalText('具体理由', { max: 2000 }),
    evidence: z
      .array(
        z.object({
          name: requiredText('证明材料名称', { max: 100 }),
          kind: oneOf('证明材料种类', EVIDENCE_KINDS as unknown as [string, ...string[]]),
        }),
        { error: '证明材料应为列表' },
      )
      .max(50, { error: '证明材料最多 50 项' }),
    feeFen: positiveFen('应交诉讼费用').optional(),
    quote: z.object(quoteRequestShape).optional(),
    requestedPercent: integerIn('申请减交比例', 1, 100).optional(),
    requestedUntil: isoDate('申请缓交至').optional(),
    appliedOn: isoDate('申请日期').optional(),
  }),
  output: reliefViewSchema,
  handler: (ctx, i) => applyForReliefWithQuote(ctx, i),
});

export const actOnReliefOperation = op('relief.act', {
  input: input({
    applicationId: positiveId('申请编号'),
    action: oneOf('审批意见', ['grant', 'partial', 'refuse', 'return']),
    opinion: optionalText('审批意见说明', { max: 2000 }),
    grantedPercent: integerIn('准予比例', 1, 100).optional(),
    deferredUntil: isoDate('缓交期限').optional(),
    refusalReasons: optionalText('不予批准的理由', { max: 2000 }),
  }),
  output: reliefViewSchema,
  handler: (ctx, i) => actOnRelief(ctx, i),
});

export const withdrawReliefOperation = op('relief.withdraw', {
  input: input({ applicationId: positiveId('申请编号'), note: optionalText('说明', { max: 500 }) }),
  output: reliefViewSchema,
  handler: (ctx, i) => withdrawRelief(ctx, i.applicationId, i.note),
});

export const getReliefOperation = op('relief.get', {
  input: input({ id: positiveId('申请编号') }),
  output: reliefViewSchema,
  handler: (ctx, i) => reliefView(ctx.core.db, i.id),
});

export const listReliefOperation = op('relief.list', {
  input: input({
    caseId: positiveId('案件编号').optional(),
    status: oneOf('状态', ['open', 'pending', 'reviewed', 'granted', 'partly_granted', 'refused', 'withdrawn']).optional(),
    kind: oneOf('救助种类', RELIEF_KIND_IDS).optional(),
    from: isoDate('起始日期').optional(),
    to: isoDate('截止日期').optional(),
    page: integerIn('页码', 1, 100_000).default(1),
    pageSize: integerIn('每页条数', 1, 200).default(50),
  }),
  output: reliefListSchema,
  handler: (ctx, i) => listRelief(ctx.core.db, i),
});

export const followUpOperation = op('relief.followUp', {
  input: input({ state: oneOf('跟踪状态', ['open', 'due-soon', 'overdue', 'paid']).optional() }),
  output: z.array(followUpSchema),
  handler: (ctx, i) => deferralFollowUps(ctx.core.db, dateShanghai(ctx.core.clock.now()), { ...(i.state ? { state: i.state } : {}) }),
});

export const reliefRemindersOperation = op('relief.reminders', {
  input: input({}),
  output: remindersSchema,
  handler: (ctx) => reliefReminders(ctx),
});

export const flagOverdueOperation = op('relief.flagOverdue', {
  input: input({}),
  output: z.object({ flagged: z.number(), caseNumbers: z.array(z.string()) }),
  handler: (ctx) => flagOverdueDeferrals(ctx),
});

export const recordPaymentOperation = op('fees.recordPayment', {
  input: input({
    caseId: positiveId('案件编号'),
    applicationId: positiveId('缓交申请编号').optional(),
    kind: oneOf('类型', ['payment', 'refund']),
    amountFen: positiveFen('金额'),
    paidOn: isoDate('日期'),
    reference: optionalText('票据号', { max: 60 }),
    note: optionalText('备注', { max: 500 }),
  }),
  output: paymentSchema,
  handler: (ctx, i) => recordPayment(ctx, i),
});

export const reliefTotalsOperation = op('relief.totals', {
  input: input({
    fromMonth: z.string({ error: '请填写起始月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '起始月份格式应为 YYYY-MM' }),
    toMonth: z.string({ error: '请填写截止月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '截止月份格式应为 YYYY-MM' }),
  }),
  output: reliefTotalsSchema,
  handler: (ctx, i) => reliefTotalsBetween(ctx.core.db, i.fromMonth, i.toMonth),
});

export const feeOperations = [
  listOperation(feesMeta['relief.browse'], reliefBrowse),
  feeScheduleOperation,
  feeQuoteOperation,
  feeNoticeDataOperation,
  feeNoticeGenerateOperation,
  feeSettingsOperation,
  updateFeeSettingsOperation,
  caseFeesOperation,
  recordPaymentOperation,
  reliefGroundsOperation,
  applyReliefOperation,
  actOnReliefOperation,
  withdrawReliefOperation,
  getReliefOperation,
  listReliefOperation,
  followUpOperation,
  reliefRemindersOperation,
  flagOverdueOperation,
  reliefTotalsOperation,
] as const;
