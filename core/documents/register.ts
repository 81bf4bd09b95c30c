import { createHash } from 'node:crypto';
import { and, count, desc, eq, gt, gte, inArray, isNull, lt, type SQL } from 'drizzle-orm';
import { cases, documents, users } from '../../db/schema';
import { ApiError, fieldError, notFound } from '../api/errors';
import { audit, writeTransaction } from '../audit';
import { caseView } from '../cases';
import { addCaseEvent } from '../cases';
import type { CallContext, Db, Tx } from '../context';
import { readSetting } from '../settings';
import { dateShanghai, isoShanghai } from '../time/clock';
import { draftData, recordData, type DataBuilderContext, type DraftData } from './dataBuilders';
import { refuseSampleContent } from './sampleCheck';
import type { FontConfig } from './fonts';
import type { DocumentModel } from './model';
import { currentTemplate, templateAtVersion } from './overrides';
import type { RenderedDocument, RenderOptions } from './pdf';
import { fillTemplate, TemplateError, unknownDataFields, type Template } from './template';

/**
 * The document register (issue 4): every generated document is recorded — case, template id and version,
 * format, renderer version, who, when, SHA-256 of the bytes, page count and the data it was filled with. The
 * bytes are not kept: a reprint fills the recorded template version with the recorded data and writes it with the
 * recorded renderer version and creation time, which gives the same bytes (PDF and DOCX are deterministic for a
 * fixed date), and says whether the SHA-256 matches and, when it does not, why.
 */

export type DocumentFormatName = 'pdf' | 'docx';

export interface DocumentRecord {
  id: number;
  caseId: number | null;
  caseNumber: string | null;
  templateId: string;
  templateVersion: string;
  title: string;
  format: DocumentFormatName;
  sha256: string;
  /** the renderer version that wrote the file; null: registered before versions were recorded */
  rendererVersion: number | null;
  pageCount: number;
  byteSize: number;
  subjectKind: string | null;
  subjectId: number | null;
  createdBy: number;
  createdByName: string;
  createdAt: string;
  printCount: number;
  lastPrintedAt: string | null;
}

/** Who created a document, when no account exists (the command line, userId 0). */
const SYSTEM_NAME = '命令行管理';

function selectRecords(db: Db | Tx) {
  return db
    .select({
      id: documents.id,
      caseId: documents.caseId,
      caseNumber: cases.number,
      templateId: documents.templateId,
      templateVersion: documents.templateVersion,
      title: documents.title,
      format: documents.format,
      sha256: documents.sha256,
      rendererVersion: documents.rendererVersion,
      pageCount: documents.pageCount,
      byteSize: documents.byteSize,
      subjectKind: documents.subjectKind,
      subjectId: documents.subjectId,
      createdBy: documents.createdBy,
      createdByName: users.displayName,
      createdAt: documents.createdAt,
      printCount: documents.printCount,
      lastPrintedAt: documents.lastPrintedAt,
    })
    .from(documents)
    .leftJoin(cases, eq(cases.id, documents.caseId))
    .leftJoin(users, eq(users.id, documents.createdBy));
}

type SelectedRow = Awaited<ReturnType<ReturnType<typeof selectRecords>['all']>>[number];

function toRecord(r: SelectedRow): DocumentRecord {
  return {
    ...r,
    caseNumber: r.caseNumber ?? null,
    format: r.format as DocumentFormatName,
    createdByName: r.createdByName ?? SYSTEM_NAME,
  };
}

// ───────────────────────────── rendering ─────────────────────────────

/** The court's font files (setting 'documents.fonts'); empty: the shipped font. */
export function documentFonts(db: Db | Tx): FontConfig {
  return readSetting(db, 'documents.fonts') ?? {};
}

/** Render options of every document: the court's fonts, and the creation date written into the file. */
export function documentRenderOptions(db: Db | Tx, createdAt?: Date): RenderOptions {
  return { fonts: documentFonts(db), ...(createdAt ? { createdAt } : {}) };
}

/**
 * The creation date written into a registered document's file: the start of its day of issue (Asia/Shanghai).
 * The register keeps the exact time; the file carries only the day, so the same document generated the same
 * day — by the print desk or by a clerk — has the same bytes and SHA-256.
 */
export function fileDateOf(createdAt: string): Date {
  return new Date(`${createdAt.slice(0, 10)}T00:00:00+08:00`);
}

/** Fills a template, turning a data error (a missing field) into an input error on `data`. */
export function fillChecked(t: Template, data: Record<string, unknown>): DocumentModel {
  try {
    return fillTemplate(t, data);
  } catch (err) {
    if (err instanceof TemplateError) throw fieldError('data', err.message);
    throw err;
  }
}

/** Renders a model, turning a broken font setting into a message an admin can act on. */
export async function renderModel(model: DocumentModel, format: DocumentFormatName, opts: RenderOptions): Promise<RenderedDocument> {
  // the renderers (pdfkit, docx, fontkit) load on first use: every other command and call spares their imports
  const [{ renderPdf }, { renderDocx }, { FontError }] = await Promise.all([import('./pdf'), import('./docx'), import('./fonts')]);
  try {
    return format === 'pdf' ? await renderPdf(model, opts) : await renderDocx(model, opts);
  } catch (err) {
    if (err instanceof FontError) throw new ApiError('CONFLICT', `文书字体设置有误：${err.message}。请管理员在“文书字体”中修改`);
    throw err;
  }
}

/** A template by id for an API call: an unknown id is an input error on `field`. */
export function templateFor(db: Db | Tx, id: string, field = 'templateId'): Template {
  try {
    return currentTemplate(db, id);
  } catch (err) {
    if (err instanceof TemplateError) throw fieldError(field, `没有这个文书模板：${id}`);
    throw err;
  }
}

/** Refuses data with fields the template does not know (a misspelt key), naming them. */
export function checkDataFields(t: Template, data: Record<string, unknown>): void {
  const extra = unknownDataFields(t, data);
  if (extra.length) throw fieldError('data', `数据中有模板“${t.title}”不使用的字段：${extra.join('、')}`);
}

// ───────────────────────────── data from the record ─────────────────────────────

/** The context a data builder gets for a call. `unmask`: full ID numbers (documents show them). */
export function builderContext(
  ctx: CallContext,
  opts: { caseId?: number | undefined; unmask: boolean; subjectKind?: string | undefined; subjectId?: number | undefined },
): DataBuilderContext {
  const db = ctx.core.db;
  return {
    db,
    caseView: opts.caseId !== undefined ? caseView(db, opts.caseId, opts.unmask) : null,
    ...(opts.subjectKind !== undefined ? { subjectKind: opts.subjectKind } : {}),
    ...(opts.subjectId !== undefined ? { subjectId: opts.subjectId } : {}),
    courtName: readSetting(db, 'court.name') ?? '人民法院',
    issuedOn: dateShanghai(ctx.core.clock.now()),
    actorName: ctx.actor?.displayName ?? '',
  };
}

/**
 * documents.draftData: the data of a template as far as the case holds it, the rest from the sample. Always
 * with full identity numbers whatever the caller's role: the form shows what will print, and a court document
 * is never masked (masking is for screens listing cases).
 */
export function caseDraft(
  ctx: CallContext,
  input: { caseId: number; templateId: string; subjectKind?: string | undefined; subjectId?: number | undefined },
): DraftData {
  const t = templateFor(ctx.core.db, input.templateId);
  return draftData(
    t,
    builderContext(ctx, { caseId: input.caseId, unmask: true, subjectKind: input.subjectKind, subjectId: input.subjectId }),
  );
}

// ───────────────────────────── generate and record ─────────────────────────────

export interface GenerateInput {
  caseId?: number | undefined;
  templateId: string;
  format: DocumentFormatName;
  data?: Record<string, unknown> | undefined;
  subjectKind?: string | undefined;
  subjectId?: number | undefined;
  /** the fields (dotted paths) a person typed or changed in the form; a value equal to the sample's is accepted there */
  edited?: string[] | undefined;
  /** register even though the same document (template, case, subject, format and data) is already registered */
  confirmDuplicate?: boolean | undefined;
}

export interface GenerateOptions {
  /** the data was built on the server from the record by the caller (e.g. the fee notice of a quote) */
  dataFromRecord?: boolean;
}

export interface RecordInput {
  caseId: number | null;
  template: Template;
  rendered: RenderedDocument;
  /** the data exactly as filled (recorded as JSON) */
  data: Record<string, unknown>;
  subjectKind?: string | null | undefined;
  subjectId?: number | null | undefined;
  /** the creation time written into the document (ISO, +08:00) */
  createdAt: string;
}

/**
 * Records a rendered document inside the caller's transaction: the register row, the case event and the audit
 * entry. Other areas (a fee decision) call it in the transaction of their own change.
 */
export function recordDocument(tx: Tx, ctx: CallContext, r: RecordInput): DocumentRecord {
  const userId = ctx.actor?.userId ?? 0;
  const dataJson = JSON.stringify(r.data);
  const row = tx
    .insert(documents)
    .values({
      caseId: r.caseId,
      templateId: r.template.id,
      templateVersion: r.template.versionLabel,
      title: r.rendered.meta.title,
      format: r.rendered.format,
      data: dataJson,
      sha256: r.rendered.sha256,
      rendererVersion: r.rendered.rendererVersion,
      pageCount: r.rendered.pages,
      byteSize: r.rendered.bytes.byteLength,
      subjectKind: r.subjectKind ?? null,
      subjectId: r.subjectId ?? null,
      createdBy: userId,
      createdAt: r.createdAt,
    })
    .returning({ id: documents.id })
    .get();
  if (r.caseId !== null) {
    addCaseEvent(tx, ctx, r.caseId, 'document', `生成文书：${r.rendered.meta.title}`, { documentId: row.id, format: r.rendered.format });
  }
  audit(tx, ctx, {
    operation: 'documents.generate',
    entityType: 'document',
    entityId: row.id,
    after: {
      caseId: r.caseId,
      templateId: r.template.id,
      templateVersion: r.template.versionLabel,
      format: r.rendered.format,
      rendererVersion: r.rendered.rendererVersion,
      sha256: r.rendered.sha256,
      pageCount: r.rendered.pages,
      dataSha256: createHash('sha256').update(dataJson).digest('hex'),
      subjectKind: r.subjectKind ?? null,
      subjectId: r.subjectId ?? null,
    },
  });
  return getDocument(tx, row.id);
}

/**
 * documents.generate: fills the court's current version of the template with the given data (checked against
 * the template) or with the data built from the case (which must then be complete), renders it, and records it.
 */
export async function generateDocument(
  ctx: CallContext,
  input: GenerateInput,
  opts: GenerateOptions = {},
): Promise<{ document: DocumentRecord; rendered: RenderedDocument }> {
  const db = ctx.core.db;
  const t = templateFor(db, input.templateId);
  if (input.caseId !== undefined && !db.select({ id: cases.id }).from(cases).where(eq(cases.id, input.caseId)).get())
    throw notFound('案件');
  const built = () =>
    builderContext(ctx, { caseId: input.caseId, unmask: true, subjectKind: input.subjectKind, subjectId: input.subjectId });
  let data: Record<string, unknown>;
  if (input.data) {
    checkDataFields(t, input.data);
    if (!opts.dataFromRecord) refuseSampleContent(t, input.data, recordOrEmpty(t, built), input.edited ?? []);
    data = input.data;
  } else {
    const draft = draftData(t, built());
    if (!draft.complete) {
      throw fieldError(
        'data',
        `“${t.title}”还需要这些内容，无法仅凭${input.caseId !== undefined ? '案件' : '模板'}生成：${draft.missing.join('、')}。请先核对并填写文书数据`,
      );
    }
    data = draft.data;
  }
  // exactly what is recorded, so that a reprint fills the same model
  data = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  if (!input.confirmDuplicate) refuseDuplicate(db, t, input, data);
  const model = fillChecked(t, data);
  const createdAt = isoShanghai(ctx.core.clock.now());
  const rendered = await renderModel(model, input.format, documentRenderOptions(db, fileDateOf(createdAt)));
  const document = writeTransaction(ctx.core, (tx) =>
    recordDocument(tx, ctx, {
      caseId: input.caseId ?? null,
      template: t,
      rendered,
      data,
      subjectKind: input.subjectKind,
      subjectId: input.subjectId,
      createdAt,
    }),
  );
  return { document, rendered };
}

/** What the record holds for the template, or nothing when its builder cannot build for this call. */
function recordOrEmpty(t: Template, context: () => DataBuilderContext): Record<string, unknown> {
  try {
    return recordData(t, context());
  } catch (err) {
    if (err instanceof ApiError) return {};
    throw err;
  }
}

/**
 * A second generation of the same template for the same case (and subject) with the same data and format asks
 * first: a CONFLICT on `confirmDuplicate` naming the registered document; the caller confirms with
 * `confirmDuplicate: true`.
 */
function refuseDuplicate(db: Db | Tx, t: Template, input: GenerateInput, data: Record<string, unknown>): void {
  const existing = db
    .select({ id: documents.id, createdAt: documents.createdAt, printCount: documents.printCount })
    .from(documents)
    .where(
      and(
        input.caseId !== undefined ? eq(documents.caseId, input.caseId) : isNull(documents.caseId),
        eq(documents.templateId, t.id),
        eq(documents.templateVersion, t.versionLabel),
        eq(documents.format, input.format),
        input.subjectKind !== undefined ? eq(documents.subjectKind, input.subjectKind) : isNull(documents.subjectKind),
        input.subjectId !== undefined ? eq(documents.subjectId, input.subjectId) : isNull(documents.subjectId),
        eq(documents.data, JSON.stringify(data)),
      ),
    )
    .orderBy(desc(documents.id))
    .get();
  if (!existing) return;
  const when = `${existing.createdAt.slice(0, 10)} ${existing.createdAt.slice(11, 16)}`;
  throw new ApiError(
    'CONFLICT',
    `${when} 已生成过内容相同的“${t.title}”（${input.format.toUpperCase()}，文书编号 ${existing.id}${existing.printCount ? `，已打印 ${existing.printCount} 次` : ''}）。需要再次生成并登记吗？如只需再打印，请在文书登记中重新打印`,
    'confirmDuplicate',
  );
}

// ───────────────────────────── read ─────────────────────────────

export function getDocument(db: Db | Tx, id: number): DocumentRecord {
  const r = selectRecords(db).where(eq(documents.id, id)).get();
  if (!r) throw notFound('文书');
  return toRecord(r);
}

export interface ListFilter {
  caseId?: number | undefined;
  templateId?: string | undefined;
  /** YYYY-MM-DD, inclusive, by creation date */
  from?: string | undefined;
  to?: string | undefined;
  printed?: boolean | undefined;
  page: number;
  pageSize: number;
}

/** The register, newest first, one page at a time. */
export function listDocuments(db: Db | Tx, f: ListFilter): { rows: DocumentRecord[]; total: number } {
  const where: SQL[] = [];
  if (f.caseId !== undefined) where.push(eq(documents.caseId, f.caseId));
  if (f.templateId) where.push(eq(documents.templateId, f.templateId));
  if (f.from) where.push(gte(documents.createdAt, f.from));
  // every time of day `to` sorts before `${to}T24`
  if (f.to) where.push(lt(documents.createdAt, `${f.to}T24`));
  if (f.printed === true) where.push(gt(documents.printCount, 0));
  if (f.printed === false) where.push(eq(documents.printCount, 0));
  const cond = where.length ? and(...where) : undefined;
  const total = db.select({ n: count() }).from(documents).where(cond).get()?.n ?? 0;
  const rows = selectRecords(db)
    .where(cond)
    .orderBy(desc(documents.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .all()
    .map(toRecord);
  return { rows, total };
}

/** The recorded template version filled with the recorded data: the document's model as it was generated. */
export function recordedModel(db: Db | Tx, id: number): { model: DocumentModel; row: typeof documents.$inferSelect } {
  const row = db.select().from(documents).where(eq(documents.id, id)).get();
  if (!row) throw notFound('文书');
  const t = templateAtVersion(db, row.templateId, row.templateVersion);
  return { model: fillTemplate(t, JSON.parse(row.data) as Record<string, unknown>), row };
}

/** A reprint: the file, whether it has the registered SHA-256, and if not, why (in Chinese, for the clerk). */
export interface Reprint {
  document: DocumentRecord;
  rendered: RenderedDocument;
  identical: boolean;
  /** why the bytes differ from the registered file; null when identical */
  reason: string | null;
}

/**
 * The renderer versions that may have written a registered document, most likely first: the recorded one; for a
 * document registered before versions were recorded, every version of its format, newest first.
 */
async function candidateVersions(format: DocumentFormatName, recorded: number | null): Promise<number[]> {
  if (recorded !== null) return [recorded];
  if (format === 'pdf') return [(await import('./pdf')).PDF_RENDERER];
  const { DOCX_RENDERERS } = await import('./docx');
  return Object.keys(DOCX_RENDERERS)
    .map(Number)
    .sort((a, b) => b - a);
}

/**
 * documents.reprint: the recorded document again, from the recorded template version, data, creation time and
 * renderer version, so a document issued before the renderer changed comes back with the issued bytes.
 * `identical` is true when the bytes have the recorded SHA-256; `reason` says why not (another format asked for,
 * the court's fonts changed since, a renderer version this program no longer has).
 */
export async function reprintDocument(ctx: CallContext, input: { id: number; format?: DocumentFormatName | undefined }): Promise<Reprint> {
  const db = ctx.core.db;
  const { model, row } = recordedModel(db, input.id);
  const document = getDocument(db, row.id);
  const format = input.format ?? (row.format as DocumentFormatName);
  const options = (version: number | undefined, createdAt: Date) => ({
    ...documentRenderOptions(db, createdAt),
    ...(version !== undefined ? { rendererVersion: version } : {}),
  });
  if (format !== row.format) {
    const rendered = await renderModel(model, format, options(undefined, fileDateOf(row.createdAt)));
    const reason = `登记的是 ${row.format.toUpperCase()} 文件，此次生成的是 ${format.toUpperCase()}，不能与登记的摘要比对`;
    return { document, rendered, identical: false, reason };
  }
  const versions = await candidateVersions(format, row.rendererVersion);
  // documents registered before files carried only the day of issue were stamped with the exact time
  const dates = [fileDateOf(row.createdAt), new Date(row.createdAt)];
  let first: RenderedDocument | undefined;
  for (const date of dates) {
    for (const version of versions) {
      const rendered = await renderModel(model, format, options(version, date));
      first ??= rendered;
      if (rendered.sha256 === row.sha256) return { document, rendered, identical: true, reason: null };
    }
  }
  return { document, rendered: first!, identical: false, reason: notReproducedReason(format, row.rendererVersion) };
}

/** Why the recorded renderer version, with the recorded data and template, did not give the registered bytes. */
function notReproducedReason(format: DocumentFormatName, recorded: number | null): string {
  const fonts = format === 'pdf' ? '本院的文书字体设置自登记以来已更改，或' : '';
  const content = '内容仍按登记的模板版本和数据重新生成';
  if (recorded === null)
    return `本文书登记时尚未记录生成程序版本，现有各版本都未能重现登记的文件（${fonts}它由更早的程序生成）；${content}`;
  return `用登记时的生成程序版本 ${recorded} 重新生成的文件与登记的摘要不一致（${fonts}程序所用的组件已更新）；${content}`;
}

// ───────────────────────────── printed ─────────────────────────────

/** documents.markPrinted: counts a print of each document, with a case event each and one audit entry. */
export function markPrinted(ctx: CallContext, ids: number[]): { count: number } {
  const unique = [...new Set(ids)];
  return writeTransaction(ctx.core, (tx) => {
    const rows = tx
      .select({ id: documents.id, caseId: documents.caseId, title: documents.title, printCount: documents.printCount })
      .from(documents)
      .where(inArray(documents.id, unique))
      .all();
    if (rows.length !== unique.length) {
      const found = new Set(rows.map((r) => r.id));
      throw fieldError('ids', `文书不存在：编号 ${unique.filter((id) => !found.has(id)).join('、')}`);
    }
    const now = isoShanghai(ctx.core.clock.now());
    const userId = ctx.actor?.userId ?? 0;
    for (const r of rows) {
      tx.update(documents)
        .set({ printCount: r.printCount + 1, lastPrintedAt: now, lastPrintedBy: userId })
        .where(eq(documents.id, r.id))
        .run();
      if (r.caseId !== null)
        addCaseEvent(tx, ctx, r.caseId, 'document', `打印文书：${r.title}（第 ${r.printCount + 1} 次）`, { documentId: r.id });
    }
    audit(tx, ctx, {
      operation: 'documents.markPrinted',
      entityType: 'document',
      entityId: unique.length === 1 ? unique[0]! : null,
      after: { ids: unique, printedAt: now },
    });
    return { count: unique.length };
  });
}
