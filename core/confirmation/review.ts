import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { confirmations, confirmationSteps } from '../../db/schema';
import { ApiError, fieldError } from '../api/errors';
import { audit, writeTransaction } from '../audit/transaction';
import { caseView } from '../cases';
import { addCaseEvent } from '../cases/timeline';
import type { CallContext, Tx } from '../context';
import { dateShanghai, isoShanghai } from '../time/clock';
import { ART355, ART358, groundArticle, type Art355Code, type Art358Code } from './meta';
import {
  applicantNames,
  confirmationView,
  getRow,
  requireStage,
  requireUserWithRole,
  reviewDeadline,
  type ConfirmationRow,
  type StoredGround,
} from './record';
import type {
  appearanceInput,
  assignInput,
  decideInput,
  deemWithdrawnInput,
  extendInput,
  requestInput,
  supplyInput,
  withdrawInput,
} from './schemas';

type In<T extends z.ZodType> = z.output<T>;

function today(ctx: CallContext): string {
  return dateShanghai(ctx.core.clock.now());
}

function notInFuture(ctx: CallContext, date: string, field: string, label: string): void {
  if (date > today(ctx)) throw fieldError(field, `${label}不能晚于今天`);
}

/** Only the assigned judge acts in review (解释: a single judge reviews). */
function requireAssignedJudge(ctx: CallContext, row: ConfirmationRow, action: string): void {
  if (row.judgeId === null) throw new ApiError('CONFLICT', `尚未指定审判员，不能${action}`);
  if (ctx.actor?.userId !== row.judgeId) throw new ApiError('FORBIDDEN', `只有承办本案的审判员才能${action}`);
}

/** One change of a confirmation: the row update, the step (if any), the case event and the audit row. */
function change(ctx: CallContext, id: number, operation: string, fn: (tx: Tx, row: ConfirmationRow) => { event: string; after: unknown }) {
  return writeTransaction(ctx.core, (tx) => {
    const row = getRow(tx, id);
    const { event, after } = fn(tx, row);
    tx.update(confirmations)
      .set({ updatedAt: isoShanghai(ctx.core.clock.now()) })
      .where(eq(confirmations.id, id))
      .run();
    addCaseEvent(tx, ctx, row.caseId, 'confirmation', event, { confirmationId: id });
    audit(tx, ctx, { operation, entityType: 'confirmation', entityId: id, after });
    return confirmationView(tx, id, today(ctx), true);
  });
}

function addStep(
  tx: Tx,
  ctx: CallContext,
  confirmationId: number,
  kind: string,
  on: string,
  data: unknown,
  dueOn: string | null = null,
): number {
  return tx
    .insert(confirmationSteps)
    .values({
      confirmationId,
      kind,
      on,
      data: JSON.stringify(data),
      dueOn,
      userId: ctx.actor?.userId ?? 0,
      at: isoShanghai(ctx.core.clock.now()),
    })
    .returning({ id: confirmationSteps.id })
    .get().id;
}

/** 指定审判员和书记员 (who and when recorded): for review, or to sign a 不予受理 ruling. */
export function assignJudge(ctx: CallContext, i: In<typeof assignInput>) {
  return change(ctx, i.confirmationId, 'confirmation.assign', (tx, row) => {
    requireStage(row, ['accepted', 'not_accepted'], '指定审判员');
    if (row.signedAt) throw new ApiError('CONFLICT', '裁定书已签发，不能更换审判员');
    const judge = requireUserWithRole(tx, i.judgeId, 'judge', 'judgeId', '审判员');
    const clerk = requireUserWithRole(tx, i.clerkId, 'clerk', 'clerkId', '书记员');
    const at = isoShanghai(ctx.core.clock.now());
    tx.update(confirmations)
      .set({ judgeId: i.judgeId, clerkId: i.clerkId, judgeAssignedAt: at, judgeAssignedBy: ctx.actor?.userId ?? 0 })
      .where(eq(confirmations.id, row.id))
      .run();
    return { event: `指定审判员${judge}、书记员${clerk}`, after: { judgeId: i.judgeId, clerkId: i.clerkId, at } };
  });
}

/** 到场核实 (解释 art. 356): who appeared and what was asked. */
export function recordAppearance(ctx: CallContext, i: In<typeof appearanceInput>) {
  notInFuture(ctx, i.on, 'on', '到场日期');
  return change(ctx, i.confirmationId, 'confirmation.recordAppearance', (tx, row) => {
    requireStage(row, ['accepted'], '记录到场核实');
    requireAssignedJudge(ctx, row, '记录到场核实');
    const names = applicantNames(caseView(tx, row.caseId, false), i.appeared, 'appeared');
    addStep(tx, ctx, row.id, 'appearance', i.on, { casePartyIds: i.appeared, names, questions: i.questions });
    return { event: `到场核实：${names.join('、')}`, after: i };
  });
}

/** 限期补充陈述或证明材料 (解释 arts. 354, 356). */
export function requestMaterial(ctx: CallContext, i: In<typeof requestInput>) {
  notInFuture(ctx, i.on, 'on', '通知日期');
  if (i.dueOn <= i.on) throw fieldError('dueOn', '补充期限须晚于通知日期');
  return change(ctx, i.confirmationId, 'confirmation.requestMaterial', (tx, row) => {
    requireStage(row, ['accepted'], '要求补充材料');
    requireAssignedJudge(ctx, row, '要求补充材料');
    addStep(tx, ctx, row.id, 'request', i.on, { what: i.what }, i.dueOn);
    return { event: `要求补充：${i.what}（限 ${i.dueOn} 前）`, after: i };
  });
}

export function supplyMaterial(ctx: CallContext, i: In<typeof supplyInput>) {
  notInFuture(ctx, i.on, 'on', '补充日期');
  return change(ctx, i.confirmationId, 'confirmation.supplyMaterial', (tx, row) => {
    requireStage(row, ['accepted'], '登记补充材料');
    const step = tx.select().from(confirmationSteps).where(eq(confirmationSteps.id, i.stepId)).get();
    if (!step || step.confirmationId !== row.id || step.kind !== 'request') throw fieldError('stepId', '没有这项补充要求');
    if (step.fulfilledOn) throw new ApiError('CONFLICT', `这项材料已于 ${step.fulfilledOn} 补充`);
    tx.update(confirmationSteps).set({ fulfilledOn: i.on }).where(eq(confirmationSteps.id, step.id)).run();
    return { event: `已补充：${(JSON.parse(step.data) as { what: string }).what}`, after: i };
  });
}

function close(
  tx: Tx,
  ctx: CallContext,
  row: ConfirmationRow,
  outcome: string,
  grounds: StoredGround[],
  reasons: string,
  on: string,
): void {
  tx.update(confirmations)
    .set({ stage: 'decided', outcome, grounds: JSON.stringify(grounds), reasons, decidedOn: on, decidedBy: ctx.actor?.userId ?? 0 })
    .where(eq(confirmations.id, row.id))
    .run();
}

/** 撤回申请 before the ruling (解释 art. 357 para. 1): the judge allows it; the 准许撤回 ruling follows. */
export function withdraw(ctx: CallContext, i: In<typeof withdrawInput>) {
  notInFuture(ctx, i.on, 'on', '撤回日期');
  return change(ctx, i.confirmationId, 'confirmation.withdraw', (tx, row) => {
    requireStage(row, ['accepted'], '登记撤回申请');
    requireAssignedJudge(ctx, row, '准许撤回申请');
    if (i.on < (row.acceptanceDecidedOn ?? row.appliedOn)) throw fieldError('on', '撤回日期不能早于受理日期');
    const names = applicantNames(caseView(tx, row.caseId, false), i.by, 'by');
    addStep(tx, ctx, row.id, 'withdrawal', i.on, { casePartyIds: i.by, names, reasons: i.reasons });
    close(
      tx,
      ctx,
      row,
      'withdrawn',
      [{ code: 'art357-1', label: '申请人撤回申请', article: '第三百五十七条第一款', statute: 'interpretation' }],
      i.reasons,
      today(ctx),
    );
    return { event: `${names.join('、')}撤回司法确认申请，准许撤回`, after: i };
  });
}

/**
 * 按撤回申请处理 (解释 art. 357 para. 2): a request for material whose deadline passed without the material.
 */
export function deemWithdrawn(ctx: CallContext, i: In<typeof deemWithdrawnInput>) {
  return change(ctx, i.confirmationId, 'confirmation.deemWithdrawn', (tx, row) => {
    requireStage(row, ['accepted'], '按撤回申请处理');
    requireAssignedJudge(ctx, row, '按撤回申请处理');
    const step = tx.select().from(confirmationSteps).where(eq(confirmationSteps.id, i.stepId)).get();
    if (!step || step.confirmationId !== row.id || step.kind !== 'request') throw fieldError('stepId', '没有这项补充要求');
    if (step.fulfilledOn) throw fieldError('stepId', `这项材料已于 ${step.fulfilledOn} 补充，不能按撤回申请处理`);
    if (today(ctx) <= step.dueOn!) throw fieldError('stepId', `补充期限 ${step.dueOn} 尚未届满，不能按撤回申请处理`);
    close(
      tx,
      ctx,
      row,
      'deemed_withdrawn',
      [{ code: 'art357-2', label: '无正当理由未在限期内补充', article: '第三百五十七条第二款', statute: 'interpretation' }],
      i.reasons,
      today(ctx),
    );
    return { event: `逾期未补充（${(JSON.parse(step.data) as { what: string }).what}，限 ${step.dueOn}），按撤回申请处理`, after: i };
  });
}

/** 延长审查期限: only with an approver's recorded approval (民诉法 2023 art. 187: by the president). */
export function extendReview(ctx: CallContext, i: In<typeof extendInput>) {
  return change(ctx, i.confirmationId, 'confirmation.extend', (tx, row) => {
    requireStage(row, ['accepted'], '延长审查期限');
    if (row.extensionDays > 0) throw new ApiError('CONFLICT', `审查期限已于 ${row.extensionApprovedAt} 批准延长 ${row.extensionDays} 日`);
    const at = isoShanghai(ctx.core.clock.now());
    tx.update(confirmations)
      .set({ extensionDays: i.days, extensionApprovedBy: ctx.actor?.userId ?? 0, extensionApprovedAt: at, extensionReason: i.reason })
      .where(eq(confirmations.id, row.id))
      .run();
    const d = reviewDeadline(tx, { ...row, extensionDays: i.days })!;
    return { event: `批准延长审查期限 ${i.days} 日，至 ${d.due}：${i.reason}`, after: { ...i, approvedAt: at, due: d.due } };
  });
}

/**
 * The decision: valid, or rejected on grounds each carrying its own article — an art. 355 ground found after
 * acceptance under 解释 art. 355 para. 2 with its item; any other under 解释 art. 358 with its item. Reasons required.
 */
export function decide(ctx: CallContext, i: In<typeof decideInput>) {
  if (i.outcome === 'valid' && i.grounds.length) throw fieldError('grounds', '确认调解协议有效时不列驳回理由');
  if (i.outcome === 'rejected' && !i.grounds.length) throw fieldError('grounds', '驳回申请须至少选择一项理由');
  if (new Set(i.grounds).size !== i.grounds.length) throw fieldError('grounds', '驳回理由不能重复');
  return change(ctx, i.confirmationId, 'confirmation.decide', (tx, row) => {
    requireStage(row, ['accepted'], '作出裁定');
    requireAssignedJudge(ctx, row, '作出裁定');
    const open = tx
      .select()
      .from(confirmationSteps)
      .where(eq(confirmationSteps.confirmationId, row.id))
      .all()
      .filter((s) => s.kind === 'request' && !s.fulfilledOn);
    if (open.length && i.outcome === 'valid')
      throw new ApiError(
        'CONFLICT',
        `尚有要求补充的材料未补充（${open.map((s) => (JSON.parse(s.data) as { what: string }).what).join('；')}），不能确认调解协议有效`,
      );
    const grounds: StoredGround[] = i.grounds.map((code) => {
      const a = groundArticle(code, true);
      const label = code in ART355 ? ART355[code as Art355Code].label : ART358[code as Art358Code].label;
      return { code, label, article: a.article, statute: a.statute };
    });
    close(tx, ctx, row, i.outcome, grounds, i.reasons, today(ctx));
    return {
      event:
        i.outcome === 'valid'
          ? '审查终结：裁定调解协议有效（待签发）'
          : `审查终结：驳回申请（${grounds.map((g) => `${g.label}，${g.article}`).join('；')}；待签发）`,
      after: { outcome: i.outcome, grounds, reasons: i.reasons },
    };
  });
}
