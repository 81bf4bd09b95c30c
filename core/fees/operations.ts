import { z } from 'zod';
import { defineOperation } from '../api/contract';
import { feesMeta } from './meta';
import { fieldError } from '../api/errors';
import { bool, input, integerIn, isoDate, oneOf, optionalText, positiveFen, positiveId, requiredText } from '../api/fields';
import { audit, writeTransaction } from '../audit';
import { ROLE_KEYS } from '../api/roles';
import { caseView } from '../cases';
import { readSetting, writeSetting } from '../settings';
import { dateShanghai } from '../time/clock';
import { provincialProblems } from './config';
import { feeNoticeData } from './documentData';
import { generateFeeNotice, noticeFor } from './notice';
import { documentRecordSchema } from '../documents';
import { EVIDENCE_KINDS, RELIEF_GROUNDS, RELIEF_KIND_IDS, RELIEF_KINDS } from './grounds';
import { deferralFollowUps, flagOverdueDeferrals, recordPayment, type FollowUpState } from './payments';
import { quoteFee, QuoteError, SMALL_CLAIMS_KINDS } from './quote';
import { actOnRelief, applyForRelief, listRelief, reliefChain, reliefView, withdrawRelief, type ReliefStatus } from './relief';
import { AMOUNT_LABELS, PRESERVED_AMOUNT_LABEL, CLOSINGS, FEE_KIND_IDS, FEE_KINDS, PROCEDURES, PROVINCIAL_RANGES } from './schedule';
import { caseFees, readFeeQuoteSettings } from './service';
import { reliefTotals } from './totals';


const quoteRequestShape = {
  kind: oneOf('费用种类', FEE_KIND_IDS),
  amountsFen: z.array(positiveFen('金额'), { error: '金额应为列表' }).max(50, { error: '诉讼请求最多 50 项' }).optional(),
  procedure: oneOf('审理程序', ['ordinary', 'simplified', 'small-claims']).optional(),
  closing: oneOf('结案方式', ['judgment', 'mediation', 'withdrawal']).optional(),
  counterclaim: bool('反诉').optional(),
  withNonPropertyClaims: bool('同时有非财产性诉讼请求').optional(),
  preservedFen: positiveFen('实际保全的财产数额').optional(),
};

/** The quote for a request, with QuoteError turned into the field error of the request field. */
function quoteOrFieldError(request: Parameters<typeof quoteFee>[0], settings: Parameters<typeof quoteFee>[1]) {
  try {
    return quoteFee(request, settings);
  } catch (err) {
    if (err instanceof QuoteError) throw fieldError(err.field === 'amount' ? 'amountsFen' : err.field === 'preserved' ? 'preservedFen' : err.field, err.message);
    throw err;
  }
}

export const feeScheduleOperation = defineOperation({
  ...feesMeta['fees.schedule'],
  input: input({ on: isoDate('日期').optional() }),
  output: z.custom<ReturnType<typeof scheduleView>>(),
  handler: (ctx, i) => scheduleView(ctx.core.db, i.on ?? dateShanghai(ctx.core.clock.now())),
});

function scheduleView(db: Parameters<typeof readFeeQuoteSettings>[0], on: string) {
  const s = readFeeQuoteSettings(db);
  return {
    kinds: FEE_KIND_IDS.map((id) => ({
      id,
      label: FEE_KINDS[id].label,
      acceptance: FEE_KINDS[id].acceptance,
      amount: FEE_KINDS[id].amount,
      amountLabel: AMOUNT_LABELS[id] ?? null,
      smallClaims: SMALL_CLAIMS_KINDS.includes(id),
    })),
    preservedLabel: PRESERVED_AMOUNT_LABEL,
    procedures: Object.entries(PROCEDURES).map(([id, label]) => ({ id, label })),
    closings: Object.entries(CLOSINGS).map(([id, label]) => ({ id, label })),
    provincial: s.provincial,
    provincialRanges: PROVINCIAL_RANGES,
    rounding: s.rounding,
    paymentAccount: readSetting(db, 'fees.paymentAccount')!,
    on,
  };
}

export const feeQuoteOperation = defineOperation({
  ...feesMeta['fees.quote'],
  input: input({ ...quoteRequestShape, on: isoDate('计算日期').optional() }),
  output: z.custom<ReturnType<typeof quoteFee>>(),
  handler: (ctx, i) => quoteOrFieldError({ ...i, on: i.on ?? dateShanghai(ctx.core.clock.now()) }, readFeeQuoteSettings(ctx.core.db)),
});

export const feeNoticeDataOperation = defineOperation({
  ...feesMeta['fees.noticeData'],
  input: input({
    ...quoteRequestShape,
    caseId: positiveId('案件编号').optional(),
    casePartyId: positiveId('受通知人').optional(),
    addressee: optionalText('受通知人', { max: 100 }),
  }),
  output: z.custom<ReturnType<typeof feeNoticeData>>(),
  handler: (ctx, i) => noticeFor(ctx, i),
});

export const feeNoticeGenerateOperation = defineOperation({
  ...feesMeta['fees.generateNotice'],
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
  amounts: z.object(Object.fromEntries(Object.entries(PROVINCIAL_RANGES).map(([k, r]) => [k, z.number({ error: `${r.label}的金额须为数字` })])) as Record<keyof typeof PROVINCIAL_RANGES, z.ZodNumber>),
});

export const feeSettingsOperation = defineOperation({
  ...feesMeta['fees.settings'],
  input: input({}),
  output: z.custom<ReturnType<typeof feeSettingsView>>(),
  handler: (ctx) => feeSettingsView(ctx.core.db),
});

function feeSettingsView(db: Parameters<typeof readFeeQuoteSettings>[0]) {
  return {
    provincial: readSetting(db, 'fees.provincial')!,
    rounding: readSetting(db, 'fees.rounding')!,
    paymentAccount: readSetting(db, 'fees.paymentAccount')!,
    chain: readSetting(db, 'relief.chain')!,
    deferralDays: readSetting(db, 'relief.deferralDays')!,
    reminderDays: readSetting(db, 'relief.reminderDays')!,
    reliefTiming: readSetting(db, 'fees.reliefTiming')!,
  };
}

const timingLimit = (label: string) => oneOf(label, ['receipt', 'notice-deadline']);

export const updateFeeSettingsOperation = defineOperation({
  ...feesMeta['fees.updateSettings'],
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
      .array(z.object({ label: requiredText('审批阶段名称', { max: 20 }), role: oneOf('审批角色', ROLE_KEYS as [string, ...string[]]) }))
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
  output: z.custom<ReturnType<typeof feeSettingsView>>(),
  handler: (ctx, i) => {
    if (i.provincial) {
      const dates = new Set<string>();
      i.provincial.forEach((set, n) => {
        const p = provincialProblems(set as never)[0];
        if (p) throw fieldError(`provincial.${n}.${p.field}`, `第 ${n + 1} 套本省标准：${p.message}`);
        if (dates.has(set.effectiveFrom)) throw fieldError(`provincial.${n}.effectiveFrom`, `两套本省标准的施行日期相同：${set.effectiveFrom}`);
        dates.add(set.effectiveFrom);
      });
    }
    const timingDates = new Set<string>();
    i.reliefTiming?.forEach((p, n) => {
      if (timingDates.has(p.effectiveFrom)) throw fieldError(`reliefTiming.${n}.effectiveFrom`, `两项申请期间规定的施行日期相同：${p.effectiveFrom}`);
      timingDates.add(p.effectiveFrom);
    });
    return writeTransaction(ctx.core, (tx) => {
      const before = feeSettingsView(tx);
      const uid = ctx.actor!.userId;
      const c = ctx.core.clock;
      if (i.provincial) writeSetting(tx, c, 'fees.provincial', [...i.provincial].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)) as never, uid);
      if (i.rounding) writeSetting(tx, c, 'fees.rounding', i.rounding as never, uid);
      if (i.paymentAccount) writeSetting(tx, c, 'fees.paymentAccount', { payee: i.paymentAccount.payee ?? '', bank: i.paymentAccount.bank ?? '', accountNo: i.paymentAccount.accountNo ?? '', note: i.paymentAccount.note ?? '' }, uid);
      if (i.chain) writeSetting(tx, c, 'relief.chain', i.chain as never, uid);
      if (i.deferralDays !== undefined) writeSetting(tx, c, 'relief.deferralDays', i.deferralDays, uid);
      if (i.reminderDays !== undefined) writeSetting(tx, c, 'relief.reminderDays', i.reminderDays, uid);
      if (i.reliefTiming) writeSetting(tx, c, 'fees.reliefTiming', [...i.reliefTiming].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)) as never, uid);
      const after = feeSettingsView(tx);
      audit(tx, ctx, { operation: 'fees.updateSettings', entityType: 'settings', entityId: null, before, after });
      return after;
    });
  },
});

export const caseFeesOperation = defineOperation({
  ...feesMeta['fees.case'],
  input: input({ caseId: positiveId('案件编号') }),
  output: z.custom<ReturnType<typeof caseFees>>(),
  handler: (ctx, i) => caseFees(ctx.core.db, i.caseId, dateShanghai(ctx.core.clock.now())),
});

export const reliefGroundsOperation = defineOperation({
  ...feesMeta['relief.grounds'],
  input: input({}),
  output: z.custom<{ kinds: unknown[]; evidenceKinds: readonly string[]; chain: unknown[] }>(),
  handler: (ctx) => ({
    kinds: RELIEF_KIND_IDS.map((id) => ({ id, ...RELIEF_KINDS[id], grounds: RELIEF_GROUNDS[id] })),
    evidenceKinds: EVIDENCE_KINDS,
    chain: reliefChain(ctx.core.db),
  }),
});

const reliefViewSchema = z.custom<ReturnType<typeof reliefView>>();

export const applyReliefOperation = defineOperation({
  ...feesMeta['relief.apply'],
  input: input({
    caseId: positiveId('案件编号'),
    casePartyId: positiveId('申请人'),
    kind: oneOf('救助种类', RELIEF_KIND_IDS),
    ground: requiredText('申请事由', { max: 40 }),
    reasons: optionalText('具体理由', { max: 2000 }),
    evidence: z
      .array(z.object({ name: requiredText('证明材料名称', { max: 100 }), kind: oneOf('证明材料种类', EVIDENCE_KINDS as unknown as [string, ...string[]]) }), { error: '证明材料应为列表' })
      .max(50, { error: '证明材料最多 50 项' }),
    feeFen: positiveFen('应交诉讼费用').optional(),
    quote: z.object(quoteRequestShape).optional(),
    requestedPercent: integerIn('申请减交比例', 1, 100).optional(),
    requestedUntil: isoDate('申请缓交至').optional(),
    appliedOn: isoDate('申请日期').optional(),
  }),
  output: reliefViewSchema,
  handler: (ctx, i) => {
    const { quote: request, feeFen, ...rest } = i;
    let fee = feeFen;
    let feeQuote: unknown;
    if (request) {
      const q = quoteOrFieldError({ ...request, on: i.appliedOn ?? dateShanghai(ctx.core.clock.now()) }, readFeeQuoteSettings(ctx.core.db));
      if (fee !== undefined && fee !== q.feeFen) throw fieldError('feeFen', `应交诉讼费用与计算结果（${q.feeText}）不一致`);
      fee = q.feeFen;
      feeQuote = { request, feeFen: q.feeFen, breakdown: q.breakdown };
    }
    if (fee === undefined) throw fieldError('feeFen', '请填写应交诉讼费用，或给出计费方式');
    return applyForRelief(ctx, { ...rest, feeFen: fee, ...(feeQuote ? { feeQuote } : {}) });
  },
});

export const actOnReliefOperation = defineOperation({
  ...feesMeta['relief.act'],
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

export const withdrawReliefOperation = defineOperation({
  ...feesMeta['relief.withdraw'],
  input: input({ applicationId: positiveId('申请编号'), note: optionalText('说明', { max: 500 }) }),
  output: reliefViewSchema,
  handler: (ctx, i) => withdrawRelief(ctx, i.applicationId, i.note),
});

export const getReliefOperation = defineOperation({
  ...feesMeta['relief.get'],
  input: input({ id: positiveId('申请编号') }),
  output: reliefViewSchema,
  handler: (ctx, i) => reliefView(ctx.core.db, i.id),
});

export const listReliefOperation = defineOperation({
  ...feesMeta['relief.list'],
  input: input({
    caseId: positiveId('案件编号').optional(),
    status: oneOf('状态', ['open', 'pending', 'reviewed', 'granted', 'partly_granted', 'refused', 'withdrawn']).optional(),
    kind: oneOf('救助种类', RELIEF_KIND_IDS).optional(),
    from: isoDate('起始日期').optional(),
    to: isoDate('截止日期').optional(),
    page: integerIn('页码', 1, 100_000).default(1),
    pageSize: integerIn('每页条数', 1, 200).default(50),
  }),
  output: z.custom<ReturnType<typeof listRelief>>(),
  handler: (ctx, i) => listRelief(ctx.core.db, { ...i, status: i.status as ReliefStatus | 'open' | undefined }),
});

export const followUpOperation = defineOperation({
  ...feesMeta['relief.followUp'],
  input: input({ state: oneOf('跟踪状态', ['open', 'due-soon', 'overdue', 'paid']).optional() }),
  output: z.custom<ReturnType<typeof deferralFollowUps>>(),
  handler: (ctx, i) => deferralFollowUps(ctx.core.db, dateShanghai(ctx.core.clock.now()), { ...(i.state ? { state: i.state as FollowUpState } : {}) }),
});

export const reliefRemindersOperation = defineOperation({
  ...feesMeta['relief.reminders'],
  input: input({}),
  output: z.object({ awaitingMe: z.number(), dueSoon: z.number(), overdue: z.number(), overdueUnflagged: z.number() }),
  handler: (ctx) => {
    const db = ctx.core.db;
    const roles = ctx.actor!.roles;
    // open applications are few (they are decided within days); their stage needs their steps
    const open = listRelief(db, { status: 'open', page: 1, pageSize: 200 }).rows;
    // not the ones this user already gave an opinion on since the last return (a different person decides)
    const actedOn = (a: (typeof open)[number]) => a.steps.slice(a.steps.findLastIndex((s) => s.action === 'return') + 1).some((s) => s.userId === ctx.actor!.userId);
    const awaitingMe = open.filter((a) => a.awaiting && roles.includes(a.awaiting.role) && !actedOn(a)).length;
    const today = dateShanghai(ctx.core.clock.now());
    const dueSoon = deferralFollowUps(db, today, { state: 'due-soon' }).length;
    const overdue = deferralFollowUps(db, today, { state: 'overdue' });
    return { awaitingMe, dueSoon, overdue: overdue.length, overdueUnflagged: overdue.filter((f) => !f.flagged).length };
  },
});

export const flagOverdueOperation = defineOperation({
  ...feesMeta['relief.flagOverdue'],
  input: input({}),
  output: z.object({ flagged: z.number(), caseNumbers: z.array(z.string()) }),
  handler: (ctx) => flagOverdueDeferrals(ctx),
});

export const recordPaymentOperation = defineOperation({
  ...feesMeta['fees.recordPayment'],
  input: input({
    caseId: positiveId('案件编号'),
    applicationId: positiveId('缓交申请编号').optional(),
    kind: oneOf('类型', ['payment', 'refund']),
    amountFen: positiveFen('金额'),
    paidOn: isoDate('日期'),
    reference: optionalText('票据号', { max: 60 }),
    note: optionalText('备注', { max: 500 }),
  }),
  output: z.custom<ReturnType<typeof recordPayment>>(),
  handler: (ctx, i) => recordPayment(ctx, i),
});

export const reliefTotalsOperation = defineOperation({
  ...feesMeta['relief.totals'],
  input: input({
    fromMonth: z.string({ error: '请填写起始月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '起始月份格式应为 YYYY-MM' }),
    toMonth: z.string({ error: '请填写截止月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '截止月份格式应为 YYYY-MM' }),
  }),
  output: z.custom<ReturnType<typeof reliefTotals>>(),
  handler: (ctx, i) => {
    if (i.fromMonth > i.toMonth) throw fieldError('toMonth', '截止月份不能早于起始月份');
    return reliefTotals(ctx.core.db, i.fromMonth, i.toMonth);
  },
});

export const feeOperations = [
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
