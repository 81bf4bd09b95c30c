import { operationsOf } from '../api/contract';
import { input, noInput } from '../api/fields';
import { requireActor } from '../context';
import { dateShanghai } from '../time/clock';
import { judgeLoads } from './assignment';
import { triageQueue } from './entry';
import { docketMeta } from './meta';
import {
  assignInput,
  caseIdInput,
  centreInput,
  centreSchema,
  closeInput,
  conversionInput,
  docketCaseSchema,
  docketListSchema,
  endSuspensionInput,
  extensionDecisionInput,
  extensionRequestInput,
  judgesSchema,
  previewTriageInput,
  suspensionInput,
  triageInput,
  triagePreviewSchema,
  triageQueueSchema,
  wageFigureInput,
  wageFiguresSchema,
} from './schemas';
import {
  addSuspension,
  assignCase,
  closeCase,
  convertCase,
  decideExtension,
  docketCaseView,
  endSuspension,
  previewTriage,
  requestExtension,
  triageCase,
} from './service';
import { centreFigures, openDocket } from './views';
import { recordWageFigure, wageFiguresView } from './wageSettings';

/** The docket (速裁) operations: thin declarations, one service call each. */

const today = (ctx: { core: { clock: { now(): Date } } }) => dateShanghai(ctx.core.clock.now());

/** Each declaration adds its schemas and its one service call to the metadata in meta.ts. */
const op = operationsOf(docketMeta);

export const docketTriageQueueOperation = op('docket.triageQueue', {
  input: noInput,
  output: triageQueueSchema,
  handler: (ctx) => triageQueue(ctx.core.db),
});

export const docketPreviewTriageOperation = op('docket.previewTriage', {
  input: previewTriageInput,
  output: triagePreviewSchema,
  handler: (ctx, i) => previewTriage(ctx.core.db, i.caseId, i.consent ?? false, i.flags ?? {}),
});

export const docketTriageOperation = op('docket.triage', {
  input: triageInput,
  output: docketCaseSchema,
  handler: (ctx, i) => triageCase(ctx, i),
});

export const docketAssignOperation = op('docket.assign', {
  input: assignInput,
  output: docketCaseSchema,
  handler: (ctx, i) => assignCase(ctx, i),
});

export const docketCaseOperation = op('docket.case', {
  input: caseIdInput,
  output: docketCaseSchema.nullable(),
  handler: (ctx, i) => {
    try {
      return docketCaseView(ctx.core.db, i.caseId, today(ctx));
    } catch (err) {
      if (err instanceof Error && err.message === '速裁案件不存在') return null;
      throw err;
    }
  },
});

export const docketMineOperation = op('docket.mine', {
  input: noInput,
  output: docketListSchema,
  handler: (ctx) => openDocket(ctx.core.db, today(ctx), requireActor(ctx).userId),
});

export const docketOpenOperation = op('docket.open', {
  input: noInput,
  output: docketListSchema,
  handler: (ctx) => openDocket(ctx.core.db, today(ctx), null),
});

export const docketCentreOperation = op('docket.centre', {
  input: centreInput,
  output: centreSchema,
  handler: (ctx, i) => centreFigures(ctx.core.db, i.on ?? today(ctx)),
});

export const docketJudgesOperation = op('docket.judges', {
  input: noInput,
  output: judgesSchema,
  handler: (ctx) => ({ judges: judgeLoads(ctx.core.db) }),
});

export const docketSuspendOperation = op('docket.suspend', {
  input: suspensionInput,
  output: docketCaseSchema,
  handler: (ctx, i) => addSuspension(ctx, i),
});

export const docketEndSuspensionOperation = op('docket.endSuspension', {
  input: endSuspensionInput,
  output: docketCaseSchema,
  handler: (ctx, i) => endSuspension(ctx, i),
});

export const docketRequestExtensionOperation = op('docket.requestExtension', {
  input: extensionRequestInput,
  output: docketCaseSchema,
  handler: (ctx, i) => requestExtension(ctx, i),
});

export const docketDecideExtensionOperation = op('docket.decideExtension', {
  input: extensionDecisionInput,
  output: docketCaseSchema,
  handler: (ctx, i) => decideExtension(ctx, i),
});

export const docketConvertOperation = op('docket.convert', {
  input: conversionInput,
  output: docketCaseSchema,
  handler: (ctx, i) => convertCase(ctx, i),
});

export const docketCloseOperation = op('docket.close', {
  input: closeInput,
  output: docketCaseSchema,
  handler: (ctx, i) => closeCase(ctx, i),
});

export const docketWageFiguresOperation = op('docket.wageFigures', {
  input: input({}),
  output: wageFiguresSchema,
  handler: (ctx) => wageFiguresView(ctx.core.db),
});

export const docketSetWageFigureOperation = op('docket.setWageFigure', {
  input: wageFigureInput,
  output: wageFiguresSchema,
  handler: (ctx, i) => recordWageFigure(ctx, i),
});

export const docketOperations = [
  docketTriageQueueOperation,
  docketPreviewTriageOperation,
  docketTriageOperation,
  docketAssignOperation,
  docketCaseOperation,
  docketMineOperation,
  docketOpenOperation,
  docketCentreOperation,
  docketJudgesOperation,
  docketSuspendOperation,
  docketEndSuspensionOperation,
  docketRequestExtensionOperation,
  docketDecideExtensionOperation,
  docketConvertOperation,
  docketCloseOperation,
  docketWageFiguresOperation,
  docketSetWageFigureOperation,
] as const;
