import { operationsOf } from '../api/contract';
import { listOperation } from '../lists/query';
import { docketBrowse } from './browse';
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
  courtroomsSchema,
  docketSettingsInput,
  docketSettingsSchema,
  elementSetsSchema,
  hearingCalendarInput,
  hearingIdInput,
  hearingSchema,
  hearingsSchema,
  myHearingsSchema,
  postponeHearingInput,
  scheduleHearingInput,
  conversionInput,
  docketCaseSchema,
  docketListInput,
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
import { closeDocketCase } from './closing';
import { ELEMENT_SETS, type ElementDef } from './elements';
import { courtrooms, hearingCalendar, markHearingHeld, myHearings, postponeHearing, scheduleHearing } from './hearings';
import { docketSettingsView, updateDocketSettings } from './settingsService';
import {
  addSuspension,
  assignCase,
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

/** Each declaration adds its schemas and its one service call to the metadata in meta.ts. */
const op = operationsOf(docketMeta);

const today = (ctx: { core: { clock: { now(): Date } } }) => dateShanghai(ctx.core.clock.now());

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
  input: docketListInput,
  output: docketListSchema,
  handler: (ctx, i) => openDocket(ctx.core.db, today(ctx), requireActor(ctx).userId, i.limit),
});

export const docketOpenOperation = op('docket.open', {
  input: docketListInput,
  output: docketListSchema,
  handler: (ctx, i) => openDocket(ctx.core.db, today(ctx), null, i.limit),
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
  handler: (ctx, i) => {
    closeDocketCase(ctx, i);
    return docketCaseView(ctx.core.db, i.caseId, today(ctx));
  },
});

export const docketElementSetsOperation = op('docket.elementSets', {
  input: noInput,
  output: elementSetsSchema,
  handler: () => ({
    sets: Object.entries(ELEMENT_SETS).map(([kind, s]) => ({
      kind,
      label: s.label,
      causes: [...s.causes],
      elements: s.elements.map((e: ElementDef) => ({
        key: e.key,
        label: e.label,
        type: e.type,
        required: e.required,
        unit: e.unit ?? null,
        max: e.max ?? null,
      })),
    })),
  }),
});

export const docketScheduleHearingOperation = op('docket.scheduleHearing', {
  input: scheduleHearingInput,
  output: hearingsSchema,
  handler: (ctx, i) => scheduleHearing(ctx, i),
});

export const docketPostponeHearingOperation = op('docket.postponeHearing', {
  input: postponeHearingInput,
  output: hearingsSchema,
  handler: (ctx, i) => postponeHearing(ctx, i),
});

export const docketHearingHeldOperation = op('docket.hearingHeld', {
  input: hearingIdInput,
  output: hearingSchema,
  handler: (ctx, i) => markHearingHeld(ctx, i),
});

export const docketHearingsOperation = op('docket.hearings', {
  input: hearingCalendarInput,
  output: hearingsSchema,
  handler: (ctx, i) => ({ hearings: hearingCalendar(ctx.core.db, i) }),
});

export const docketMyHearingsOperation = op('docket.myHearings', {
  input: noInput,
  output: myHearingsSchema,
  handler: (ctx) => myHearings(ctx.core.db, requireActor(ctx).userId, today(ctx)),
});

export const docketCourtroomsOperation = op('docket.courtrooms', {
  input: noInput,
  output: courtroomsSchema,
  handler: (ctx) => ({ courtrooms: courtrooms(ctx.core.db) }),
});

export const docketSettingsOperation = op('docket.settings', {
  input: noInput,
  output: docketSettingsSchema,
  handler: (ctx) => docketSettingsView(ctx.core.db),
});

export const docketUpdateSettingsOperation = op('docket.updateSettings', {
  input: docketSettingsInput,
  output: docketSettingsSchema,
  handler: (ctx, i) => updateDocketSettings(ctx, i),
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

const docketBrowseOperation = listOperation(docketMeta['docket.browse'], docketBrowse);

export const docketOperations = [
  docketBrowseOperation,
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
  docketElementSetsOperation,
  docketScheduleHearingOperation,
  docketPostponeHearingOperation,
  docketHearingHeldOperation,
  docketHearingsOperation,
  docketMyHearingsOperation,
  docketCourtroomsOperation,
  docketSettingsOperation,
  docketUpdateSettingsOperation,
  docketWageFiguresOperation,
  docketSetWageFigureOperation,
] as const;
