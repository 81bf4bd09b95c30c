import { listOperation as registerList } from '../lists/query';
import { confirmationsBrowse } from './browse';
import { z } from 'zod';
import { operationsOf } from '../api/contract';
import { fieldError } from '../api/errors';
import { bool, input, positiveId, requiredText } from '../api/fields';
import { audit, writeTransaction } from '../audit/transaction';
import { writeSetting, readSetting } from '../settings';
import { dateShanghai } from '../time/clock';
import { decideAcceptance } from './acceptance';
import { applyFromAgreement } from './application';
import { applyFromMediation, mediationHandOff } from './fromMediation';
import { confirmationMeta } from './meta';
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
  fromMediationInput,
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

/** Each declaration adds its schemas and its one service call to the metadata in meta.ts. */
const op = operationsOf(confirmationMeta);

export const applyOperation = op('confirmation.apply', {
  input: (core) => applicationInput(dateShanghai(core.clock.now())),
  output: confirmationViewSchema,
  handler: (ctx, i) => applyFromAgreement(ctx, i),
});

export const fromMediationOperation = op('confirmation.applyFromMediation', {
  input: (core) => fromMediationInput(dateShanghai(core.clock.now())),
  output: confirmationViewSchema,
  handler: (ctx, i) => applyFromMediation(ctx, i),
});

export const ofMediationOperation = op('confirmation.ofMediation', {
  input: input({ mediationId: positiveId('调解案件') }),
  output: z.object({
    confirmation: z.object({ id: z.number(), caseId: z.number(), caseNumber: z.string() }).nullable(),
    /** the agreement's application window today (民诉法 2023 art. 205); null without an agreement to hand off */
    window: z
      .object({ effectiveOn: z.string(), due: z.string(), rolledFrom: z.string().nullable(), basis: z.string(), open: z.boolean() })
      .nullable(),
  }),
  handler: (ctx, i) => mediationHandOff(ctx.core.db, i.mediationId, today(ctx)),
});

export const getOperation = op('confirmation.get', {
  input: idInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => confirmationView(ctx.core.db, i.confirmationId, today(ctx), false),
});

export const acceptanceOperation = op('confirmation.decideAcceptance', {
  input: acceptanceInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => decideAcceptance(ctx, i),
});

export const assignOperation = op('confirmation.assign', {
  input: assignInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => assignJudge(ctx, i),
});

const staffSchema = z.array(z.object({ id: z.number(), name: z.string() }));

export const staffOperation = op('confirmation.staff', {
  input: input({}),
  output: z.object({ judges: staffSchema, clerks: staffSchema }),
  handler: (ctx) => assignableStaff(ctx.core.db),
});

export const appearanceOperation = op('confirmation.recordAppearance', {
  input: appearanceInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => recordAppearance(ctx, i),
});

export const requestOperation = op('confirmation.requestMaterial', {
  input: requestInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => requestMaterial(ctx, i),
});

export const supplyOperation = op('confirmation.supplyMaterial', {
  input: supplyInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => supplyMaterial(ctx, i),
});

export const withdrawOperation = op('confirmation.withdraw', {
  input: withdrawInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => withdraw(ctx, i),
});

export const deemWithdrawnOperation = op('confirmation.deemWithdrawn', {
  input: deemWithdrawnInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => deemWithdrawn(ctx, i),
});

export const extendOperation = op('confirmation.extend', {
  input: extendInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => extendReview(ctx, i),
});

export const decideOperation = op('confirmation.decide', {
  input: decideInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => decide(ctx, i),
});

export const previewOperation = op('confirmation.preview', {
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

export const signOperation = op('confirmation.sign', {
  input: idInput,
  output: z.object({ confirmation: confirmationViewSchema, documentId: z.number(), pdfBase64: z.string() }),
  handler: (ctx, i) => signRuling(ctx, i.confirmationId),
});

export const serveOperation = op('confirmation.serve', {
  input: serveInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => recordService(ctx, i),
});

export const objectionOperation = op('confirmation.objection', {
  input: objectionInput,
  output: confirmationViewSchema,
  handler: (ctx, i) => recordObjection(ctx, i),
});

export const listOperation = op('confirmation.list', {
  input: listInput,
  output: z.object({ rows: z.array(listRowSchema), total: z.number() }),
  handler: (ctx, i) => listConfirmations(ctx.core.db, i, today(ctx)),
});

export const figuresOperation = op('confirmation.figures', {
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

export const myQueueOperation = op('confirmation.myQueue', {
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

export const printQueueOperation = op('confirmation.printQueue', {
  input: input({ includePrinted: bool('含已打印').optional() }),
  output: z.object({ rows: z.array(queueRowSchema) }),
  handler: (ctx, i) => ({ rows: printQueue(ctx.core.db, i.includePrinted ?? false) }),
});

export const printBatchOperation = op('confirmation.printBatch', {
  input: input({ confirmationIds: z.array(positiveId('司法确认编号')).min(1, { error: '请选择要打印的裁定书' }).max(200) }),
  output: z.object({ documentIds: z.array(z.number()), sheets: z.number() }),
  handler: (ctx, i) => {
    const queue = new Set(printQueue(ctx.core.db, true).map((r) => r.confirmationId));
    const missing = i.confirmationIds.filter((id) => !queue.has(id));
    if (missing.length) throw fieldError('confirmationIds', `尚未签发裁定书：编号 ${missing.join('、')}`);
    return printBatch(ctx.core.db, i.confirmationIds);
  },
});

export const settingsOperation = op('confirmation.settings', {
  input: input({}),
  output: z.object({ effectLine: z.string() }),
  handler: (ctx) => ({ effectLine: readSetting(ctx.core.db, 'confirmation.effectLine')! }),
});

export const setSettingsOperation = op('confirmation.setSettings', {
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

const browseOperation = registerList(confirmationMeta['confirmation.browse'], confirmationsBrowse);

export const confirmationOperations = [
  browseOperation,
  applyOperation,
  fromMediationOperation,
  ofMediationOperation,
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
