import { listOperation } from '../lists/query';
import { mediationsBrowse } from './browse';
import { z } from 'zod';
import { operationsOf } from '../api/contract';
import { bool, input, integerIn, isoDate, oneOf, positiveId, requiredText, workbookBase64 } from '../api/fields';
import { fieldError } from '../api/errors';
import type { CallContext } from '../context';
import { dateShanghai } from '../time/clock';
import { importRoster } from './importRoster';
import {
  confirmLegacyImport,
  legacyImportStartSchema,
  legacyImportStatus,
  legacyImportStatusSchema,
  legacyPreviewSchema,
  previewLegacyImport,
} from './importLegacy';
import { LEGACY_IMPORT_FIELD_KEYS, MEDIATOR_KIND_IDS } from './labels';
import { lookupProgress } from './lookup';
import { listMediations } from './list';
import { mediationMeta } from './meta';
import {
  assignMediator,
  convertFailed,
  extendPeriod,
  findMediationIdByCase,
  mediationView,
  openMediation,
  recordAgreement,
  recordConsent,
  recordContact,
  recordFailure,
  recuse,
  respond,
} from './register';
import { reasonsFor, recommend } from './routing';
import { createMediator, createOrg, deactivate, listMediators, listOrgs, updateMediator, updateOrg } from './rosters';
import {
  agreementInput,
  assignInput,
  contactInput,
  failureInput,
  idInput,
  importReport,
  listInput,
  listOutput,
  lookupInput,
  mediationView as mediationViewSchema,
  mediatorShape,
  mediatorView,
  openInput,
  orgShape,
  orgView,
  recommendationView,
  recordConsentInput,
  recuseInput,
  respondInput,
  warningsOutput,
} from './schemas';
import { mediationSettingsHistory, mediationSettingsOn, saveMediationSettings } from './settings';
import { readSetting } from '../settings';
import { subsidyStatement } from './subsidies';
import { subsidyWorkbook } from './subsidyWorkbook';
import { mediationWarnings } from './warnings';

const today = (ctx: CallContext) => dateShanghai(ctx.core.clock.now());
/** Each declaration adds its schemas and its one service call to the metadata (name, label, summary, access) in meta.ts. */
const op = operationsOf(mediationMeta);

const fen = z.number().int();
const settingsShape = z.object({
  assignWorkingDays: integerIn('分派期限（工作日）', 1, 30),
  acceptWorkingDays: integerIn('接受期限（工作日）', 1, 30),
  contactWorkingDays: integerIn('首次联系期限（工作日）', 1, 30),
  subsidies: z.object(
    Object.fromEntries(
      MEDIATOR_KIND_IDS.map((k) => [
        k,
        z.object({
          successFen: integerIn('调解成功补贴（分）', 0, 10_000_000),
          failureFen: integerIn('调解不成补贴（分）', 0, 10_000_000),
        }),
      ]),
    ) as Record<(typeof MEDIATOR_KIND_IDS)[number], z.ZodObject<{ successFen: z.ZodNumber; failureFen: z.ZodNumber }>>,
  ),
});
/** a legacy 民诉前调 sheet (core/mediation/importLegacy.ts): the file and the column chosen for each field */
const legacyImportShape = {
  fileBase64: workbookBase64(),
  fileName: requiredText('文件名', { max: 200 }),
  mapping: z
    .partialRecord(z.enum(LEGACY_IMPORT_FIELD_KEYS, { error: '不是可对应的字段' }), z.string().max(100, { error: '列名过长' }))
    .optional(),
};

const settingsOutput = settingsShape.extend({ effectiveFrom: z.string().nullable() });
const monthText = (label: string) =>
  z.string({ error: `请填写${label}` }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: `${label}应为年-月，如 2026-11` });

export const mediationOperations = [
  listOperation(mediationMeta['mediation.browse'], mediationsBrowse),
  op('mediation.listOrgs', {
    input: input({ includeInactive: bool('含已停用').default(false) }),
    output: z.array(orgView),
    handler: (ctx, i) => listOrgs(ctx.core.db, today(ctx), i.includeInactive),
  }),
  op('mediation.saveOrg', {
    input: input({ id: positiveId('调解组织编号').optional(), ...orgShape }),
    output: orgView,
    handler: (ctx, { id, ...i }) => (id ? updateOrg(ctx, id, i) : createOrg(ctx, i)),
  }),
  op('mediation.listMediators', {
    input: input({ includeInactive: bool('含已停用').default(false), orgId: positiveId('调解组织').optional() }),
    output: z.array(mediatorView),
    handler: (ctx, i) => listMediators(ctx.core.db, today(ctx), i),
  }),
  op('mediation.saveMediator', {
    input: input({ id: positiveId('调解员编号').optional(), ...mediatorShape }),
    output: mediatorView,
    handler: (ctx, { id, ...i }) => (id ? updateMediator(ctx, id, i) : createMediator(ctx, i)),
  }),
  op('mediation.deactivate', {
    input: input({ what: oneOf('名册类别', ['org', 'mediator']), id: positiveId('名册编号'), lastDay: isoDate('最后有效日期') }),
    output: z.object({ id: z.number(), activeTo: z.string() }),
    handler: (ctx, i) => deactivate(ctx, i.what, i.id, i.lastDay),
  }),
  op('mediation.importRoster', {
    input: input({ fileBase64: requiredText('Excel 文件', { max: 20_000_000 }) }),
    output: importReport,
    handler: (ctx, i) => importRoster(ctx, Buffer.from(i.fileBase64, 'base64')),
  }),
  op('mediation.legacyImportPreview', {
    input: input(legacyImportShape),
    output: legacyPreviewSchema,
    handler: (ctx, i) => previewLegacyImport(ctx, i),
  }),
  op('mediation.legacyImportConfirm', {
    input: input({
      ...legacyImportShape,
      digest: z.string({ error: '请先预览' }).regex(/^[0-9a-f]{64}$/, { error: '预览标识无效，请重新预览' }),
      skipRefused: bool('是否跳过未通过的行').default(false),
    }),
    output: legacyImportStartSchema,
    handler: (ctx, i) => confirmLegacyImport(ctx, i),
  }),
  op('mediation.legacyImportStatus', {
    input: input({ jobId: requiredText('导入任务', { max: 64 }) }),
    output: legacyImportStatusSchema,
    handler: (ctx, i) => legacyImportStatus(ctx, i.jobId),
  }),
  op('mediation.open', {
    input: (core) => openInput(dateShanghai(core.clock.now())),
    output: mediationViewSchema,
    handler: (ctx, i) => openMediation(ctx, i),
  }),
  op('mediation.get', {
    input: input({ id: positiveId('调解案件').optional(), caseId: positiveId('案件').optional() }),
    output: mediationViewSchema,
    handler: (ctx, i) => {
      const id = i.id ?? (i.caseId ? findMediationIdByCase(ctx.core.db, i.caseId) : null);
      if (!id) throw fieldError(i.caseId ? 'caseId' : 'id', i.caseId ? '该案件没有调解记录' : '请提供调解案件编号');
      return mediationView(ctx.core.db, id);
    },
  }),
  op('mediation.list', {
    input: listInput,
    output: listOutput,
    handler: (ctx, i) => listMediations(ctx.core.sqlite, i, today(ctx)),
  }),
  op('mediation.recommend', {
    input: input({ mediationId: positiveId('调解案件'), limit: integerIn('条数', 1, 50).default(10) }),
    output: recommendationView,
    handler: (ctx, i) => recommend(ctx.core.sqlite, i.mediationId, today(ctx), i.limit),
  }),
  op('mediation.assign', {
    input: assignInput,
    output: mediationViewSchema,
    handler: (ctx, i) =>
      assignMediator(ctx, i, i.how === 'recommended' ? reasonsFor(ctx.core.sqlite, i.mediationId, i.mediatorId, today(ctx)) : undefined),
  }),
  op('mediation.respond', { input: respondInput, output: mediationViewSchema, handler: (ctx, i) => respond(ctx, i) }),
  op('mediation.recuse', {
    input: recuseInput,
    output: mediationViewSchema,
    handler: (ctx, i) => recuse(ctx, i.mediationId, i.reason),
  }),
  op('mediation.recordContact', {
    input: contactInput,
    output: mediationViewSchema,
    handler: (ctx, i) => recordContact(ctx, i.mediationId, i.on),
  }),
  op('mediation.recordConsent', {
    input: recordConsentInput,
    output: mediationViewSchema,
    handler: (ctx, i) => recordConsent(ctx, i),
  }),
  op('mediation.extend', {
    input: idInput,
    output: mediationViewSchema,
    handler: (ctx, i) => extendPeriod(ctx, i.mediationId),
  }),
  op('mediation.recordAgreement', {
    input: agreementInput,
    output: mediationViewSchema,
    handler: (ctx, i) => recordAgreement(ctx, i),
  }),
  op('mediation.recordFailure', {
    input: failureInput,
    output: mediationViewSchema,
    handler: (ctx, i) => recordFailure(ctx, i),
  }),
  op('mediation.convert', {
    input: idInput,
    output: mediationViewSchema,
    handler: (ctx, i) => convertFailed(ctx, i.mediationId),
  }),
  op('mediation.warnings', {
    input: input({ mediatorId: positiveId('调解员').optional(), orgId: positiveId('调解组织').optional() }),
    output: warningsOutput,
    handler: (ctx, i) => mediationWarnings(ctx.core.sqlite, today(ctx), i),
  }),
  op('mediation.settings', {
    input: input({ on: isoDate('日期').optional() }),
    output: z.object({
      current: settingsOutput,
      history: z.array(z.object({ effectiveFrom: z.string(), updatedAt: z.string(), value: settingsShape })),
    }),
    handler: (ctx, i) => ({
      current: mediationSettingsOn(ctx.core.db, i.on ?? today(ctx)),
      history: mediationSettingsHistory(ctx.core.db),
    }),
  }),
  op('mediation.saveSettings', {
    input: input({ effectiveFrom: isoDate('施行日期'), value: settingsShape }),
    output: settingsOutput,
    handler: (ctx, i) => saveMediationSettings(ctx, i.effectiveFrom, i.value),
  }),
  op('mediation.subsidies', {
    input: input({ month: monthText('月份') }),
    output: z.object({
      month: z.string(),
      lines: z.array(
        z.object({
          mediationId: z.number(),
          caseNumber: z.string(),
          outcomeLabel: z.string(),
          outcomeOn: z.string(),
          mediatorId: z.number(),
          mediatorName: z.string(),
          kindLabel: z.string(),
          orgName: z.string().nullable(),
          amountFen: fen,
        }),
      ),
      byMediator: z.array(z.object({ name: z.string(), cases: z.number(), success: z.number(), amountFen: fen })),
      byOrg: z.array(z.object({ name: z.string(), cases: z.number(), success: z.number(), amountFen: fen })),
      totalFen: fen,
    }),
    handler: (ctx, i) => subsidyStatement(ctx.core.db, ctx.core.sqlite, i.month),
  }),
  op('mediation.subsidiesExport', {
    input: input({ month: monthText('月份') }),
    output: z.object({ fileName: z.string(), base64: z.string(), lines: z.number(), totalFen: fen }),
    handler: async (ctx, i) => {
      const s = subsidyStatement(ctx.core.db, ctx.core.sqlite, i.month);
      const courtName = readSetting(ctx.core.db, 'court.name') ?? '人民法院';
      const bytes = await subsidyWorkbook(s, { courtName, createdAt: ctx.core.clock.now() });
      return {
        fileName: `${courtName}调解补贴月报-${i.month}.xlsx`,
        base64: bytes.toString('base64'),
        lines: s.lines.length,
        totalFen: s.totalFen,
      };
    },
  }),
  op('mediation.lookup', {
    input: lookupInput,
    output: z.object({
      found: z.boolean(),
      stage: z.string().nullable(),
      organisation: z.string().nullable(),
      nextStep: z.string().nullable(),
      nextDate: z.string().nullable(),
    }),
    handler: (ctx, i) => lookupProgress(ctx, i.code, i.phoneLast4),
  }),
] as const;

void recuseInput;
