import { listOperation as registerList } from '../lists/query';
import { confirmationsBrowse } from './browse';
import { z } from 'zod';
import { defineOperation } from '../api/contract';
import { fieldError } from '../api/errors';
import { bool, input, positiveId, requiredText } from '../api/fields';
import { audit, writeTransaction } from '../audit/transaction';
import { writeSetting, readSetting } from '../settings';
import { dateShanghai } from '../time/clock';
import { decideAcceptance } from './acceptance';
import { applyFromAgreement } from './application';
import { ACCESS, LABELS } from './meta';
import { confirmationView } from './record';
import { assignableStaff, judgeQueue, listConfirmations, monthlyFigures, printBatch, printQueue } from './register';
import { assignJudge, decide, deemWithdrawn, extendReview, recordAppearance, requestMaterial, supplyMaterial, withdraw } from './review';
import { previewRuling, signRuling } from './rulings';
import {
  acceptanceInput,
  appearanceInput,
  applicationInput,
  assignInput,
  confirmationViewSchema,
  decideInput,
  deemWithdrawnInput,
  extendInput,
  figuresInput,
  idInput,
  listInput,
  listRowSchema,
  objectionInput,
  requestInput,
  serveInput,
  supplyInput,
  withdrawInput,
} from './schemas';
import { recordObjection, recordService } from './serving';

/** 司法确认 operations: each a declaration and one service call (rules in the service modules). */

const today = (ctx: { core: { clock: { now(): Date } } }) => dateShanghai(ctx.core.clock.now());

export const applyOperation = defineOperation({
  name: 'confirmation.apply',
  label: LABELS.apply,
  summary:
    '登记司法确认申请（窗口登记在外达成的调解协议）：各方当事人均为申请人（至少两名），协议条款逐项登记，书面或口头（笔录）申请，解释第三百五十四条材料清单；立民特案号，不收案件受理费（办法第八条第一项）',
  access: ACCESS.counter,
  input: (core) => applicationInput(dateShanghai(core.clock.now())),
  output: confirmationViewSchema,
  handler: (ctx, i) => applyFromAgreement(ctx, i),
});

export const getOperation = defineOperation({
  name: 'confirmation.get',
  label: '查看司法确认',
  summary: '一件司法确认：申请人、调解协议条款、材料、各项期限及其状态、受理审查、审查经过、裁定、送达、异议期限和申请执行期限',
  access: ACCESS.read,
  input: idInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => confirmationView(ctx.core.db, i.confirmationId, today(ctx), false),
});

export const acceptanceOperation = defineOperation({
  name: 'confirmation.decideAcceptance',
  label: LABELS.decideAcceptance,
  summary:
    '受理审查：申请期限（民诉法第二百零五条）、本院管辖、解释第三百五十五条各项情形逐项记录条文；全部通过即受理，任一项未通过即不予受理（须写理由）',
  access: ACCESS.counter,
  input: acceptanceInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => decideAcceptance(ctx, i),
});

export const assignOperation = defineOperation({
  name: 'confirmation.assign',
  label: LABELS.assign,
  summary: '指定承办审判员和书记员（记录指定人和时间）',
  access: ACCESS.assign,
  input: assignInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => assignJudge(ctx, i),
});

const staffSchema = z.array(z.object({ id: z.number(), name: z.string() }));

export const staffOperation = defineOperation({
  name: 'confirmation.staff',
  label: '可指定的审判员和书记员',
  summary: '可指定承办的审判员和书记员（在用账户）',
  access: ACCESS.assign,
  input: input({}),
  output: z.object({ judges: staffSchema, clerks: staffSchema }),
  handler: (ctx) => assignableStaff(ctx.core.db),
});

export const appearanceOperation = defineOperation({
  name: 'confirmation.recordAppearance',
  label: LABELS.recordAppearance,
  summary: '记录双方当事人到场核实：到场的申请人、询问事项和回答（解释第三百五十六条）',
  access: ACCESS.review,
  input: appearanceInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => recordAppearance(ctx, i),
});

export const requestOperation = defineOperation({
  name: 'confirmation.requestMaterial',
  label: LABELS.requestMaterial,
  summary: '要求申请人限期补充陈述或证明材料（解释第三百五十四条、第三百五十六条）',
  access: ACCESS.review,
  input: requestInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => requestMaterial(ctx, i),
});

export const supplyOperation = defineOperation({
  name: 'confirmation.supplyMaterial',
  label: LABELS.supplyMaterial,
  summary: '登记申请人已补充要求的材料',
  access: ACCESS.review,
  input: supplyInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => supplyMaterial(ctx, i),
});

export const withdrawOperation = defineOperation({
  name: 'confirmation.withdraw',
  label: LABELS.withdraw,
  summary: '裁定作出前申请人撤回申请，准许撤回（解释第三百五十七条第一款）；随后签发准许撤回的裁定书',
  access: ACCESS.review,
  input: withdrawInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => withdraw(ctx, i),
});

export const deemWithdrawnOperation = defineOperation({
  name: 'confirmation.deemWithdrawn',
  label: LABELS.deemWithdrawn,
  summary: '补充期限届满仍未补充的，按撤回申请处理（解释第三百五十七条第二款）',
  access: ACCESS.review,
  input: deemWithdrawnInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => deemWithdrawn(ctx, i),
});

export const extendOperation = defineOperation({
  name: 'confirmation.extend',
  label: LABELS.extend,
  summary: '批准延长审查期限（民诉法第一百八十七条：有特殊情况需要延长的由院长批准），记录批准人、时间和理由',
  access: ACCESS.approve,
  input: extendInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => extendReview(ctx, i),
});

export const decideOperation = defineOperation({
  name: 'confirmation.decide',
  label: LABELS.decide,
  summary:
    '审查终结：确认调解协议有效，或驳回申请（每项理由引用其条文：受理后发现的解释第三百五十五条情形引第二款及项，其他引第三百五十八条的项）；须写审查意见',
  access: ACCESS.review,
  input: decideInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => decide(ctx, i),
});

export const previewOperation = defineOperation({
  name: 'confirmation.preview',
  label: LABELS.preview,
  summary: '预览裁定书（由记录填写，不登记）',
  access: ACCESS.read,
  input: idInput,
  output: z.object({
    templateId: z.string(),
    title: z.string(),
    pdfBase64: z.string(),
    pageCount: z.number(),
    missingGlyphs: z.array(z.string()),
  }),
  handler: (ctx, i) => previewRuling(ctx, i.confirmationId),
});

export const signOperation = defineOperation({
  name: 'confirmation.sign',
  label: LABELS.sign,
  summary: '承办审判员签发裁定书：由记录生成并登记，此后文本固定，重印与原件逐字节相同',
  access: ACCESS.review,
  input: idInput,
  output: z.object({ confirmation: confirmationViewSchema, documentId: z.number(), pdfBase64: z.string() }),
  handler: (ctx, i) => signRuling(ctx, i.confirmationId),
});

export const serveOperation = defineOperation({
  name: 'confirmation.serve',
  label: LABELS.serve,
  summary: '登记向一名申请人送达裁定书：方式、日期、签收人、凭证；据此计算异议期限和申请执行期限',
  access: ACCESS.serve,
  input: serveInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => recordService(ctx, i),
});

export const objectionOperation = defineOperation({
  name: 'confirmation.objection',
  label: LABELS.objection,
  summary: '登记对裁定书的异议（解释第三百七十二条：当事人十五日，利害关系人六个月），与裁定书关联',
  access: ACCESS.serve,
  input: objectionInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => recordObjection(ctx, i),
});

export const listOperation = defineOperation({
  name: 'confirmation.list',
  label: '司法确认登记簿',
  summary: '司法确认登记簿：按阶段、承办审判员、申请月份、裁定结果、是否超期筛选',
  access: ACCESS.read,
  input: listInput,
  output: z.object({ rows: z.array(listRowSchema), total: z.number() }),
  handler: (ctx, i) => listConfirmations(ctx.core.db, i, today(ctx)),
});

export const figuresOperation = defineOperation({
  name: 'confirmation.figures',
  label: '司法确认统计',
  summary: '按月统计：申请、受理、不予受理、确认有效、驳回（按理由）、撤回、平均审结天数',
  access: ACCESS.read,
  input: figuresInput,
  output: z.object({
    months: z.array(
      z.object({
        month: z.string(),
        applications: z.number(),
        accepted: z.number(),
        notAccepted: z.number(),
        confirmed: z.number(),
        rejected: z.number(),
        rejectedByGround: z.array(z.object({ code: z.string(), label: z.string(), count: z.number() })),
        withdrawn: z.number(),
        averageDaysToRuling: z.number().nullable(),
      }),
    ),
  }),
  handler: (ctx, i) => ({ months: monthlyFigures(ctx.core.db, i.year) }),
});

export const myQueueOperation = defineOperation({
  name: 'confirmation.myQueue',
  label: '待我审查的司法确认',
  summary: '审判员首页：本人承办、尚未签发裁定书的司法确认，按紧急程度排列',
  access: ACCESS.review,
  input: input({}),
  output: z.object({ rows: z.array(listRowSchema) }),
  handler: (ctx) => ({ rows: judgeQueue(ctx.core.db, ctx.actor!.userId, today(ctx)) }),
});

const queueRowSchema = z.object({
  confirmationId: z.number(),
  caseId: z.number(),
  caseNumber: z.string(),
  documentId: z.number(),
  title: z.string(),
  outcomeLabel: z.string(),
  applicants: z.string(),
  signedAt: z.string(),
  judgeName: z.string(),
  copies: z.number(),
  printCount: z.number(),
  lastPrintedAt: z.string().nullable(),
});

export const printQueueOperation = defineOperation({
  name: 'confirmation.printQueue',
  label: '裁定书打印队列',
  summary: '文书打印首页：已签发待打印的裁定书（每件原本一份、每名申请人副本一份）；可含已打印的以便重印',
  access: [...ACCESS.print, 'clerk'],
  input: input({ includePrinted: bool('含已打印').optional() }),
  output: z.object({ rows: z.array(queueRowSchema) }),
  handler: (ctx, i) => ({ rows: printQueue(ctx.core.db, i.includePrinted ?? false) }),
});

export const printBatchOperation = defineOperation({
  name: 'confirmation.printBatch',
  label: '批量打印裁定书',
  summary: '所选裁定书的打印顺序（原本及每名申请人副本各一份），交 documents.batchStart 合成一个 PDF；打印后以 documents.markPrinted 登记',
  access: [...ACCESS.print, 'clerk'],
  input: input({ confirmationIds: z.array(positiveId('司法确认编号')).min(1, { error: '请选择要打印的裁定书' }).max(200) }),
  output: z.object({ documentIds: z.array(z.number()), sheets: z.number() }),
  handler: (ctx, i) => {
    const queue = new Set(printQueue(ctx.core.db, true).map((r) => r.confirmationId));
    const missing = i.confirmationIds.filter((id) => !queue.has(id));
    if (missing.length) throw fieldError('confirmationIds', `尚未签发裁定书：编号 ${missing.join('、')}`);
    return printBatch(ctx.core.db, i.confirmationIds);
  },
});

export const settingsOperation = defineOperation({
  name: 'confirmation.settings',
  label: '司法确认设置',
  summary: '裁定书的生效表述（本裁定自即日起发生法律效力 / 本裁定送达后即发生法律效力）',
  access: 'authenticated',
  input: input({}),
  output: z.object({ effectLine: z.string() }),
  handler: (ctx) => ({ effectLine: readSetting(ctx.core.db, 'confirmation.effectLine')! }),
});

export const setSettingsOperation = defineOperation({
  name: 'confirmation.setSettings',
  label: '修改司法确认设置',
  summary: '修改裁定书的生效表述；已签发的裁定书不受影响（其文本已固定）',
  access: ['admin'],
  input: input({ effectLine: requiredText('生效表述', { max: 60 }) }),
  output: z.object({ effectLine: z.string() }),
  handler: (ctx, i) => {
    if (!/^本裁定.*(生效|发生法律效力)。$/u.test(i.effectLine))
      throw fieldError('effectLine', '生效表述应以“本裁定”开头，以“发生法律效力。”或“生效。”结尾');
    return writeTransaction(ctx.core, (tx) => {
      const before = readSetting(tx, 'confirmation.effectLine');
      writeSetting(tx, ctx.core.clock, 'confirmation.effectLine', i.effectLine, ctx.actor?.userId ?? null);
      audit(tx, ctx, {
        operation: 'confirmation.setSettings',
        entityType: 'setting',
        entityId: null,
        before: { effectLine: before },
        after: { effectLine: i.effectLine },
      });
      return { effectLine: i.effectLine };
    });
  },
});

const browseOperation = registerList(
  {
    name: 'confirmation.browse',
    label: '司法确认列表',
    summary: '司法确认申请列表：按阶段、结果、申请日期、调解组织、审查法官筛选，按申请日期排序，按位置翻页',
    access: ACCESS.read,
  },
  confirmationsBrowse,
);

export const confirmationOperations = [
  browseOperation,
  applyOperation,
  getOperation,
  acceptanceOperation,
  assignOperation,
  staffOperation,
  appearanceOperation,
  requestOperation,
  supplyOperation,
  withdrawOperation,
  deemWithdrawnOperation,
  extendOperation,
  decideOperation,
  previewOperation,
  signOperation,
  serveOperation,
  objectionOperation,
  listOperation,
  figuresOperation,
  myQueueOperation,
  printQueueOperation,
  printBatchOperation,
  settingsOperation,
  setSettingsOperation,
] as const;
