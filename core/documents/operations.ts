import { listOperation as registerList } from '../lists/query';
import { documentsBrowse } from './browse';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { defineOperation } from '../api/contract';
import { documentsMeta } from './meta';
import { ApiError } from '../api/errors';
import { bool, input, integerIn, noInput, oneOf, optionalText, positiveId, requiredText } from '../api/fields';
import { audit, writeTransaction } from '../audit';
import type { CallContext } from '../context';
import { writeSetting } from '../settings';
import { isIsoDate } from '../time/clock';
import { BATCH_MAX, batchResult, batchStatus, startBatch } from './batchJobs';
import { draftData } from './dataBuilders';
import { checkFontConfig, type FontConfig } from './fonts';
import {
  FONT_MAX_BYTES,
  FONT_NAME_REFUSED,
  fontFileName,
  fontsDir,
  fontSpecName,
  listFontFiles,
  resolveFontSpec,
  storeFontFile,
} from './fontFiles';
import { checkCourtTemplate, listTemplates, revertToBuiltin, saveCourtTemplate, templateHistory } from './overrides';
import {
  builderContext,
  caseDraft,
  checkDataFields,
  documentFonts,
  documentRenderOptions,
  fillChecked,
  generateDocument,
  getDocument,
  listDocuments,
  markPrinted,
  renderModel,
  reprintDocument,
  templateFor,
  type DocumentRecord,
} from './register';
import { builtinTemplate, FIELD_TYPES, type FieldType, type Template } from './template';

/**
 * The documents API (issue 4; every operation, input and result is listed in docs/API.md): templates and the court's versions of
 * them, previews, data drafted from a case, the document register (generate, list, reprint, printed), batch
 * print jobs and the court's font files. Binary results are base64 (the same JSON over IPC and HTTP).
 */

const base64 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');

// ───────────────────────────── schemas ─────────────────────────────

const templateListingSchema = z.object({
  id: z.string(),
  title: z.string(),
  version: z.string(),
  origin: z.enum(['builtin', 'court']),
  description: z.string(),
  builtinChangedSince: z.number().optional(),
});

const templateVersionSchema = z.object({
  version: z.number(),
  versionLabel: z.string(),
  kind: z.enum(['court', 'builtin']),
  sha256: z.string().nullable(),
  builtinVersion: z.number(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.number().nullable(),
});

export const documentRecordSchema = z.object({
  id: z.number(),
  caseId: z.number().nullable(),
  caseNumber: z.string().nullable(),
  templateId: z.string(),
  templateVersion: z.string(),
  title: z.string(),
  format: z.enum(['pdf', 'docx']),
  sha256: z.string(),
  rendererVersion: z.number().nullable(),
  pageCount: z.number(),
  byteSize: z.number(),
  subjectKind: z.string().nullable(),
  subjectId: z.number().nullable(),
  createdBy: z.number(),
  createdByName: z.string(),
  createdAt: z.string(),
  printCount: z.number(),
  lastPrintedAt: z.string().nullable(),
}) satisfies z.ZodType<DocumentRecord>;

const templateIdField = (label = '模板') => requiredText(label, { max: 60 });
const sourceField = z
  .string({ error: '请填写模板内容' })
  .min(1, { error: '模板内容不能为空' })
  .max(200_000, { error: '模板内容不能超过 200,000 个字符' });
const noteField = optionalText('修改说明', { max: 200 });
const dataField = z.record(z.string(), z.unknown(), { error: '文书数据应为对象（字段名: 值）' });
const formatField = oneOf('文书格式', ['pdf', 'docx'] as const);
const dateField = (label: string) =>
  z.string({ error: `${label}格式不正确` }).refine(isIsoDate, { error: `${label}应为 YYYY-MM-DD 格式的日期` });
const idsField = z
  .array(positiveId('文书编号'), { error: '请选择文书' })
  .min(1, { error: '请至少选择一份文书' })
  .max(BATCH_MAX, { error: `一次最多 ${BATCH_MAX} 份文书` });

/** The placeholders a template uses (field paths, in order of first use), for the admin's editor. */
function placeholdersOf(t: Template): string[] {
  const body = t.source.split(/^={3,}\s*样例数据.*$/m)[0] ?? '';
  const out = new Set<string>();
  for (const m of body.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
    const inner = m[1]!;
    if (/^(#|\/|else\b)/.test(inner)) continue;
    const expr = inner.split('|')[0]!.trim();
    if (expr) out.add(expr);
  }
  return [...out];
}

// ───────────────────────────── templates ─────────────────────────────

export const templatesOperation = defineOperation({
  ...documentsMeta['documents.templates'],
  input: noInput,
  output: z.object({ templates: z.array(templateListingSchema) }),
  handler: (ctx) => ({ templates: listTemplates(ctx.core.db) }),
});

const declaredFieldSchema = z.object({
  path: z.string(),
  label: z.string(),
  type: z.enum(Object.values(FIELD_TYPES) as [FieldType, ...FieldType[]]),
  choices: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  from: z.string().optional(),
});

export const templateOperation = defineOperation({
  ...documentsMeta['documents.template'],
  input: input({ id: templateIdField() }),
  output: z.object({
    template: templateListingSchema,
    source: z.string(),
    builtinSource: z.string(),
    history: z.array(templateVersionSchema),
    sample: z.record(z.string(), z.unknown()),
    /** the fields the template declares: the generate form's names and kinds */
    fields: z.array(declaredFieldSchema),
  }),
  handler: (ctx, i) => {
    const db = ctx.core.db;
    const t = templateFor(db, i.id, 'id');
    return {
      template: listTemplates(db).find((x) => x.id === i.id)!,
      source: t.source,
      builtinSource: builtinTemplate(i.id).source,
      history: templateHistory(db, i.id),
      sample: t.sample,
      fields: t.fields.map(({ path, label, type, choices, from }) => ({
        path,
        label,
        type,
        ...(choices ? { choices } : {}),
        ...(from ? { from } : {}),
      })),
    };
  },
});

export const checkTemplateOperation = defineOperation({
  ...documentsMeta['documents.checkTemplate'],
  input: input({ id: templateIdField(), source: sourceField }),
  output: z.object({ ok: z.literal(true), title: z.string(), placeholders: z.array(z.string()) }),
  handler: (ctx, i) => {
    templateFor(ctx.core.db, i.id, 'id');
    const t = checkCourtTemplate(i.id, i.source);
    return { ok: true as const, title: t.title, placeholders: placeholdersOf(t) };
  },
});

export const saveTemplateOperation = defineOperation({
  ...documentsMeta['documents.saveTemplate'],
  input: input({ id: templateIdField(), source: sourceField, note: noteField }),
  output: z.object({ version: templateVersionSchema }),
  handler: (ctx, i) => {
    templateFor(ctx.core.db, i.id, 'id');
    return { version: saveCourtTemplate(ctx, { id: i.id, source: i.source, ...(i.note ? { note: i.note } : {}) }) };
  },
});

export const revertTemplateOperation = defineOperation({
  ...documentsMeta['documents.revertTemplate'],
  input: input({ id: templateIdField(), note: noteField }),
  output: z.object({ version: templateVersionSchema }),
  handler: (ctx, i) => {
    templateFor(ctx.core.db, i.id, 'id');
    return { version: revertToBuiltin(ctx, { id: i.id, ...(i.note ? { note: i.note } : {}) }) };
  },
});

// ───────────────────────────── preview and data ─────────────────────────────

export const previewOperation = defineOperation({
  ...documentsMeta['documents.preview'],
  input: input({
    templateId: templateIdField(),
    source: sourceField.optional(),
    caseId: positiveId('案件编号').optional(),
    data: dataField.optional(),
    subjectKind: optionalText('文书所属事项', { max: 40 }),
    subjectId: positiveId('文书所属事项编号').optional(),
  }),
  output: z.object({ pdfBase64: z.string(), pageCount: z.number(), missingGlyphs: z.array(z.string()) }),
  handler: async (ctx, i) => {
    const db = ctx.core.db;
    let t: Template;
    if (i.source !== undefined) {
      if (!ctx.actor?.roles.includes('admin')) throw new ApiError('FORBIDDEN', '无权预览未保存的模板文本：需要“管理员”角色');
      templateFor(db, i.templateId);
      t = checkCourtTemplate(i.templateId, i.source);
    } else t = templateFor(db, i.templateId);
    let data: Record<string, unknown>;
    if (i.data) {
      checkDataFields(t, i.data);
      data = i.data;
    } else if (i.caseId !== undefined)
      data = draftData(t, builderContext(ctx, { caseId: i.caseId, unmask: true, subjectKind: i.subjectKind, subjectId: i.subjectId })).data;
    else data = t.sample;
    const doc = await renderModel(fillChecked(t, data), 'pdf', documentRenderOptions(db));
    return { pdfBase64: base64(doc.bytes), pageCount: doc.pages, missingGlyphs: doc.missingGlyphs };
  },
});

export const draftDataOperation = defineOperation({
  ...documentsMeta['documents.draftData'],
  input: input({
    caseId: positiveId('案件编号'),
    templateId: templateIdField(),
    /** what the document belongs to besides the case (a mediation for its 民事调解书), as documents.generate takes it */
    subjectKind: optionalText('文书所属事项', { max: 40 }),
    subjectId: positiveId('文书所属事项编号').optional(),
  }),
  output: z.object({
    data: z.record(z.string(), z.unknown()),
    complete: z.boolean(),
    missing: z.array(z.string()),
    fromSample: z.array(z.string()),
  }),
  handler: (ctx, i) => caseDraft(ctx, i),
});

// ───────────────────────────── the register ─────────────────────────────

export const generateOperation = defineOperation({
  ...documentsMeta['documents.generate'],
  input: input({
    caseId: positiveId('案件编号').optional(),
    templateId: templateIdField(),
    format: formatField,
    data: dataField.optional(),
    subjectKind: optionalText('文书所属事项', { max: 40 }),
    subjectId: positiveId('文书所属事项编号').optional(),
    edited: z
      .array(z.string({ error: '已修改的字段应为字段名' }).max(200, { error: '字段名过长' }), { error: '已修改的字段应为列表' })
      .max(2000, { error: '已修改的字段过多' })
      .optional(),
    confirmDuplicate: bool('确认再次生成').optional(),
  }),
  output: z.object({ document: documentRecordSchema, base64: z.string() }),
  handler: async (ctx, i) => {
    const { document, rendered } = await generateDocument(ctx, i);
    return { document, base64: base64(rendered.bytes) };
  },
});

export const listOperation = defineOperation({
  ...documentsMeta['documents.list'],
  input: input({
    caseId: positiveId('案件编号').optional(),
    templateId: optionalText('模板', { max: 60 }),
    from: dateField('起始日期').optional(),
    to: dateField('截止日期').optional(),
    printed: bool('是否已打印').optional(),
    page: integerIn('页码', 1, 1_000_000).default(1),
    pageSize: integerIn('每页条数', 1, 200).default(50),
  }),
  output: z.object({ rows: z.array(documentRecordSchema), total: z.number() }),
  handler: (ctx, i) => listDocuments(ctx.core.db, i),
});

export const getOperation = defineOperation({
  ...documentsMeta['documents.get'],
  input: input({ id: positiveId('文书编号') }),
  output: z.object({ document: documentRecordSchema }),
  handler: (ctx, i) => ({ document: getDocument(ctx.core.db, i.id) }),
});

export const reprintOperation = defineOperation({
  ...documentsMeta['documents.reprint'],
  input: input({ id: positiveId('文书编号'), format: formatField.optional() }),
  output: z.object({ document: documentRecordSchema, base64: z.string(), identical: z.boolean(), reason: z.string().nullable() }),
  handler: async (ctx, i) => {
    const r = await reprintDocument(ctx, i);
    return { document: r.document, base64: base64(r.rendered.bytes), identical: r.identical, reason: r.reason };
  },
});

export const markPrintedOperation = defineOperation({
  ...documentsMeta['documents.markPrinted'],
  input: input({ ids: idsField }),
  output: z.object({ count: z.number() }),
  handler: (ctx, i) => markPrinted(ctx, i.ids),
});

// ───────────────────────────── batch print ─────────────────────────────

const jobIdField = requiredText('批量打印任务', { max: 60 });

export const batchStartOperation = defineOperation({
  ...documentsMeta['documents.batchStart'],
  input: input({ ids: idsField }),
  output: z.object({ jobId: z.string(), total: z.number() }),
  handler: (ctx, i) => startBatch(ctx, i.ids),
});

export const batchStatusOperation = defineOperation({
  ...documentsMeta['documents.batchStatus'],
  input: input({ jobId: jobIdField }),
  output: z.object({ state: z.enum(['running', 'done', 'failed']), done: z.number(), total: z.number(), error: z.string().optional() }),
  handler: (ctx, i) => batchStatus(ctx, i.jobId),
});

export const batchResultOperation = defineOperation({
  ...documentsMeta['documents.batchResult'],
  input: input({ jobId: jobIdField }),
  output: z.object({
    pdfBase64: z.string(),
    pages: z.number(),
    documents: z.array(z.object({ id: z.number(), firstPage: z.number(), pages: z.number() })),
  }),
  handler: (ctx, i) => {
    const r = batchResult(ctx, i.jobId);
    return { pdfBase64: base64(r.pdf), pages: r.pages, documents: r.documents };
  },
});

// ───────────────────────────── fonts ─────────────────────────────

const FONT_FIELDS = { body: '正文字体', bodyBold: '正文加粗字体', title: '标题字体' } as const;
type FontField = keyof typeof FONT_FIELDS;

const fontSettingsSchema = z.object({ body: z.string().nullable(), bodyBold: z.string().nullable(), title: z.string().nullable() });

function fontView(dataDir: string, f: FontConfig): z.infer<typeof fontSettingsSchema> {
  return { body: fontSpecName(dataDir, f.body), bodyBold: fontSpecName(dataDir, f.bodyBold), title: fontSpecName(dataDir, f.title) };
}

export const fontSettingsOperation = defineOperation({
  ...documentsMeta['documents.fontSettings'],
  input: noInput,
  output: fontSettingsSchema,
  handler: (ctx) => fontView(ctx.core.dataDir, documentFonts(ctx.core.db)),
});

/** Parses a stored font file once (bounded by its size limit); removes it and returns the reasons if unusable. */
function checkFontFile(dataDir: string, name: string): string[] {
  const file = path.join(fontsDir(dataDir), name);
  const problems = checkFontConfig({ body: file }).map((p) => p.replaceAll(fontsDir(dataDir) + path.sep, ''));
  // a collection needs its face name: usable, named in the settings as file#name
  const unusable = problems.filter((p) => !p.startsWith('字体集'));
  if (unusable.length) fs.rmSync(file, { force: true });
  return unusable;
}

async function setFonts(ctx: CallContext, i: Partial<Record<FontField, string | undefined>>) {
  const issues: { field: string; message: string }[] = [];
  const resolved: Partial<Record<FontField, string>> = {};
  // names only, inside <data>/fonts (issue 11 item 4): every name is checked as a string before any file access
  for (const key of Object.keys(FONT_FIELDS) as FontField[]) {
    const spec = i[key];
    if (spec && !fontFileName(spec)) issues.push({ field: key, message: `${FONT_FIELDS[key]}：${FONT_NAME_REFUSED}` });
  }
  if (issues.length) throw new ApiError('VALIDATION', issues[0]!.message, issues[0]!.field, issues);
  for (const key of Object.keys(FONT_FIELDS) as FontField[]) {
    const spec = i[key];
    if (!spec) continue;
    resolved[key] = resolveFontSpec(ctx.core.dataDir, key, FONT_FIELDS[key], spec);
    for (const problem of checkFontConfig({ [key]: resolved[key] }))
      issues.push({ field: key, message: `${FONT_FIELDS[key]}：${problem.replaceAll(fontsDir(ctx.core.dataDir) + path.sep, '')}` });
  }
  if (issues.length) throw new ApiError('VALIDATION', issues[0]!.message, issues[0]!.field, issues);
  i = resolved;
  return writeTransaction(ctx.core, (tx) => {
    const before = documentFonts(tx);
    const after: FontConfig = {
      ...(i.body ? { body: i.body } : {}),
      ...(i.bodyBold ? { bodyBold: i.bodyBold } : {}),
      ...(i.title ? { title: i.title } : {}),
      ...(before.fallback?.length ? { fallback: before.fallback } : {}),
    };
    writeSetting(tx, ctx.core.clock, 'documents.fonts', after, ctx.actor?.userId ?? null);
    audit(tx, ctx, { operation: 'documents.setFontSettings', entityType: 'settings', entityId: 'documents.fonts', before, after });
    return fontView(ctx.core.dataDir, after);
  });
}

export const setFontSettingsOperation = defineOperation({
  ...documentsMeta['documents.setFontSettings'],
  input: input({
    body: optionalText('正文字体', { max: 1000 }),
    bodyBold: optionalText('正文加粗字体', { max: 1000 }),
    title: optionalText('标题字体', { max: 1000 }),
  }),
  output: fontSettingsSchema,
  handler: (ctx, i) => setFonts(ctx, i),
});

const fontFileSchema = z.object({ name: z.string(), bytes: z.number() });

export const fontFilesOperation = defineOperation({
  ...documentsMeta['documents.fontFiles'],
  input: noInput,
  output: z.array(fontFileSchema),
  handler: (ctx) => listFontFiles(ctx.core.dataDir),
});

/** base64 of FONT_MAX_BYTES */
const FONT_BASE64_MAX = Math.ceil(FONT_MAX_BYTES / 3) * 4;

export const uploadFontOperation = defineOperation({
  ...documentsMeta['documents.uploadFont'],
  input: input({
    fileName: requiredText('文件名', { max: 140 }),
    contentBase64: z
      .string({ error: '请选择字体文件' })
      .min(1, { error: '字体文件为空' })
      .max(FONT_BASE64_MAX, { error: '字体文件超过 40 MB' })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: '字体文件内容不是有效的 base64' }),
  }),
  output: fontFileSchema,
  handler: (ctx, i) => {
    const bytes = Buffer.from(i.contentBase64, 'base64');
    const name = storeFontFile(ctx.core.dataDir, i.fileName, bytes);
    // a file that fontkit cannot use is removed again, with the reason
    const problems = checkFontFile(ctx.core.dataDir, name);
    if (problems.length)
      throw new ApiError('VALIDATION', `字体文件：${problems[0]}`, 'contentBase64', [
        { field: 'contentBase64', message: `字体文件：${problems[0]}` },
      ]);
    writeTransaction(ctx.core, (tx) =>
      audit(tx, ctx, {
        operation: 'documents.uploadFont',
        entityType: 'settings',
        entityId: 'documents.fonts',
        after: { name, bytes: bytes.length },
      }),
    );
    return { name, bytes: bytes.length };
  },
});

export const documentOperations = [
  registerList(documentsMeta['documents.browse'], documentsBrowse),
  templatesOperation,
  templateOperation,
  checkTemplateOperation,
  saveTemplateOperation,
  revertTemplateOperation,
  previewOperation,
  draftDataOperation,
  generateOperation,
  listOperation,
  getOperation,
  reprintOperation,
  batchStartOperation,
  batchStatusOperation,
  batchResultOperation,
  markPrintedOperation,
  fontSettingsOperation,
  setFontSettingsOperation,
  fontFilesOperation,
  uploadFontOperation,
] as const;
