import { z } from 'zod';
import { defineOperation } from '../api/contract';
import { casesMeta } from './meta';
import { input, integerIn, optionalText, positiveId, requiredText } from '../api/fields';
import { fieldError } from '../api/errors';
import { dateShanghai } from '../time/clock';
import { caseSummaries, searchCaseIds } from './search';
import { caseView, fileCase, findCaseId, LINK_KINDS, linkCases, mayUnmask, type LinkKind } from './service';
import { fileCaseInput } from './schemas';
import { caseViewSchema } from './views';
import { normaliseCaseCode } from './caseCode';
import { normaliseCaseNumber } from '../numbering';
import { partyInputSchema, partyViewSchema } from '../parties';
import { correctPartyOnCases } from './partyCorrection';
import { listOperation } from '../lists/query';
import { casesBrowse } from './browse';
import { confirmImport, IMPORT_FIELD_KEYS, IMPORT_SOURCES, importResultSchema, previewImport, type ImportSource } from './importSheet';
import { FILING_CASE_TYPES } from './types';
import { oneOf, workbookBase64 } from '../api/fields';

const caseSummarySchema = z.object({
  id: z.number(),
  caseType: z.string(),
  number: z.string(),
  code: z.string(),
  receivedOn: z.string(),
  causeName: z.string(),
  status: z.string(),
  amountFen: z.number().nullable(),
  partiesText: z.string(),
});

export const fileCaseOperation = defineOperation({
  ...casesMeta['cases.file'],
  input: (core) => fileCaseInput(dateShanghai(core.clock.now())),
  output: caseViewSchema,
  handler: (ctx, i) => fileCase(ctx, i),
});

export const getCaseOperation = defineOperation({
  ...casesMeta['cases.get'],
  input: input({
    id: positiveId('案件编号').optional(),
    number: optionalText('案号', { max: 40 }),
    code: optionalText('案件码', { max: 20 }),
  }),
  output: caseViewSchema,
  handler: (ctx, i) => {
    let by: { id?: number; number?: string; code?: string };
    if (i.id !== undefined) by = { id: i.id };
    else if (i.number) {
      const number = normaliseCaseNumber(i.number);
      if (!number) throw fieldError('number', '案号格式不正确，应如（2026）浙0522民初1234号');
      by = { number };
    } else if (i.code) {
      const code = normaliseCaseCode(i.code);
      if (!code) throw fieldError('code', '案件码无效（校验位不符），请重新扫描或核对');
      by = { code };
    } else throw fieldError('id', '请提供案件编号、案号或案件码');
    return caseView(ctx.core.db, findCaseId(ctx.core.db, by), mayUnmask(ctx));
  },
});

export const searchCasesOperation = defineOperation({
  ...casesMeta['cases.search'],
  input: input({
    q: z.string({ error: '请输入查询内容' }).max(60, { error: '查询内容不能超过 60 个字符' }),
    limit: integerIn('条数', 1, 100).default(20),
  }),
  output: z.object({ rows: z.array(caseSummarySchema), matchedBy: z.enum(['code', 'number', 'text', 'name']).nullable() }),
  handler: (ctx, i) => {
    const { ids, matchedBy } = searchCaseIds(ctx.core.db, i.q, i.limit);
    return { rows: caseSummaries(ctx.core.db, ids), matchedBy };
  },
});

export const recentCasesOperation = defineOperation({
  ...casesMeta['cases.recent'],
  input: input({ limit: integerIn('条数', 1, 100).default(20) }),
  output: z.array(caseSummarySchema),
  handler: (ctx, i) => {
    const ids = ctx.core.sqlite.prepare('SELECT id FROM cases ORDER BY id DESC LIMIT ?').pluck().all(i.limit) as number[];
    return caseSummaries(ctx.core.db, ids);
  },
});

export const linkCasesOperation = defineOperation({
  ...casesMeta['cases.link'],
  input: input({
    fromId: positiveId('案件编号'),
    toId: positiveId('关联案件编号'),
    kind: z.enum(Object.keys(LINK_KINDS) as [LinkKind, ...LinkKind[]], { error: '关联类型不是有效的选项' }),
    note: optionalText('备注', { max: 200 }),
  }),
  output: z.object({
    id: z.number(),
    fromCaseId: z.number(),
    toCaseId: z.number(),
    kind: z.string(),
    note: z.string().nullable(),
    createdAt: z.string(),
  }),
  handler: (ctx, i) => linkCases(ctx, i.fromId, i.toId, i.kind, i.note),
});

/** Served by the cases area: a correction is carried into every case of the party (core/cases/partyCorrection.ts). */
export const correctPartyOperation = defineOperation({
  ...casesMeta['parties.correct'],
  input: (core) =>
    input({
      id: positiveId('当事人编号'),
      party: partyInputSchema(dateShanghai(core.clock.now())),
      reason: requiredText('更正理由', { max: 200 }),
    }),
  output: z.object({ party: partyViewSchema, changed: z.array(z.string()) }),
  handler: (ctx, i) => correctPartyOnCases(ctx, i),
});

const importShape = {
  fileBase64: workbookBase64(),
  fileName: requiredText('文件名', { max: 200 }),
  caseType: oneOf('案件类型', FILING_CASE_TYPES),
  source: oneOf('移送单位类别', Object.keys(IMPORT_SOURCES) as [ImportSource, ...ImportSource[]]),
  sourceName: requiredText('移送单位名称', { max: 100 }),
  mapping: z.partialRecord(z.enum(IMPORT_FIELD_KEYS, { error: '不是可对应的字段' }), z.string().max(100, { error: '列名过长' })).optional(),
};

const importPreviewOperation = defineOperation({
  ...casesMeta['cases.importPreview'],
  input: input(importShape),
  output: z.object({
    sheet: z.string(),
    headers: z.array(z.string()),
    mapping: z.partialRecord(z.enum(IMPORT_FIELD_KEYS), z.string()),
    total: z.number(),
    accepted: z.number(),
    refused: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
    sample: z.array(
      z.object({
        row: z.number(),
        applicant: z.string(),
        respondent: z.string(),
        cause: z.string(),
        amountFen: z.number().nullable(),
        receivedOn: z.string(),
      }),
    ),
    digest: z.string(),
  }),
  handler: (ctx, i) => previewImport(ctx, i),
});

const importConfirmOperation = defineOperation({
  ...casesMeta['cases.importConfirm'],
  input: input({
    ...importShape,
    digest: z.string({ error: '请先预览' }).regex(/^[0-9a-f]{64}$/, { error: '预览标识无效，请重新预览' }),
    skipRefused: z.boolean({ error: '是否跳过未通过的行只能是“是”或“否”' }).default(false),
  }),
  output: importResultSchema,
  handler: (ctx, i) => confirmImport(ctx, i),
});

export const caseOperations = [
  importPreviewOperation,
  importConfirmOperation,
  fileCaseOperation,
  getCaseOperation,
  searchCasesOperation,
  recentCasesOperation,
  listOperation(casesMeta['cases.browse'], casesBrowse),
  linkCasesOperation,
  correctPartyOperation,
] as const;
