import { createHash } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { templateVersions } from '../../db/schema';
import { ApiError } from '../api/errors';
import { audit, writeTransaction } from '../audit';
import type { CallContext, Db, Tx } from '../context';
import { isoShanghai } from '../time/clock';
import { builtinTemplate, builtinTemplates, parseTemplate, TemplateError, type Template } from './template';

/**
 * A court's own versions of the built-in templates. An admin edits a template's text (a sentence of a ruling,
 * the court's phone number on a receipt); the text is validated exactly as a built-in file is, stored as a new
 * version (never overwritten), and used for the next document. Switching back to the shipped template is a
 * version too. Every document records the version it was filled from: "1" (built-in version 1) or "court.3"
 * (the court's version 3).
 *
 * Core functions only; the admin UI and its API operations come with the document register.
 */

export interface TemplateVersionInfo {
  version: number;
  /** recorded in documents */
  versionLabel: string;
  kind: 'court' | 'builtin';
  sha256: string | null;
  builtinVersion: number;
  note: string | null;
  createdAt: string;
  createdBy: number | null;
}

export interface TemplateListing {
  id: string;
  title: string;
  /** the version in use: "1" or "court.3" */
  version: string;
  origin: 'builtin' | 'court';
  description: string;
  /** the court's text was written against an older built-in version than the one shipped now */
  builtinChangedSince?: number;
}

const courtLabel = (v: number) => `court.${v}`;
const courtFile = (id: string, v: number) => `本院模板 ${id}（版本 ${v}）`;

function latestRow(db: Db | Tx, templateId: string) {
  return db
    .select()
    .from(templateVersions)
    .where(eq(templateVersions.templateId, templateId))
    .orderBy(desc(templateVersions.version))
    .limit(1)
    .get();
}

/** The template in use for `id`: the court's latest version, or the built-in one. */
export function currentTemplate(db: Db | Tx, id: string, builtinDir?: string): Template {
  const builtin = builtinTemplate(id, builtinDir);
  const row = latestRow(db, id);
  if (!row || row.kind === 'builtin') return builtin;
  return parseTemplate(row.source!, courtFile(id, row.version), { origin: 'court', versionLabel: courtLabel(row.version) });
}

/** A recorded version, to reprint a document with the text it had (court versions; the shipped built-in version). */
export function templateAtVersion(db: Db | Tx, id: string, versionLabel: string, builtinDir?: string): Template {
  const m = /^court\.(\d+)$/.exec(versionLabel);
  if (!m) {
    const builtin = builtinTemplate(id, builtinDir);
    if (builtin.versionLabel !== versionLabel) {
      throw new ApiError('NOT_FOUND', `模板 ${id} 的内置版本 ${versionLabel} 已不在本程序中（当前内置版本 ${builtin.versionLabel}）`);
    }
    return builtin;
  }
  const row = db
    .select()
    .from(templateVersions)
    .where(and(eq(templateVersions.templateId, id), eq(templateVersions.version, Number(m[1]))))
    .get();
  if (!row || row.kind !== 'court') throw new ApiError('NOT_FOUND', `模板 ${id} 没有本院版本 ${m[1]}`);
  return parseTemplate(row.source!, courtFile(id, row.version), { origin: 'court', versionLabel });
}

/** Every template with the version in use (built-in templates, with the court's versions applied). */
export function listTemplates(db?: Db | Tx, builtinDir?: string): TemplateListing[] {
  return [...builtinTemplates(builtinDir).values()].map((b) => {
    const row = db ? latestRow(db, b.id) : undefined;
    if (!row || row.kind === 'builtin')
      return { id: b.id, title: b.title, version: b.versionLabel, origin: 'builtin' as const, description: b.description };
    const t = parseTemplate(row.source!, courtFile(b.id, row.version), { origin: 'court', versionLabel: courtLabel(row.version) });
    return {
      id: b.id,
      title: t.title,
      version: t.versionLabel,
      origin: 'court' as const,
      description: t.description,
      ...(row.builtinVersion < b.version ? { builtinChangedSince: row.builtinVersion } : {}),
    };
  });
}

export function templateHistory(db: Db | Tx, id: string): TemplateVersionInfo[] {
  return db
    .select()
    .from(templateVersions)
    .where(eq(templateVersions.templateId, id))
    .orderBy(desc(templateVersions.version))
    .all()
    .map((r) => ({
      version: r.version,
      versionLabel: r.kind === 'court' ? courtLabel(r.version) : `内置（${r.builtinVersion}）`,
      kind: r.kind,
      sha256: r.sha256,
      builtinVersion: r.builtinVersion,
      note: r.note,
      createdAt: r.createdAt,
      createdBy: r.createdBy,
    }));
}

/**
 * Checks a court's text for template `id` without saving it: the same validation as at load (header, markers,
 * placeholders against the sample data, blocks), and the id in the header must be `id`. Returns the parsed
 * template, ready for a preview with its sample data. Throws ApiError VALIDATION naming the line.
 */
export function checkCourtTemplate(id: string, source: string, builtinDir?: string): Template {
  builtinTemplate(id, builtinDir); // must override a template that exists
  let t: Template;
  try {
    t = parseTemplate(source, courtFile(id, 0).replace('（版本 0）', '（修改稿）'), { origin: 'court', versionLabel: 'court.draft' });
  } catch (err) {
    if (err instanceof TemplateError) {
      throw new ApiError('VALIDATION', err.message, 'source', [
        { field: 'source', message: err.message, ...(err.line ? { line: err.line } : {}) },
      ]);
    }
    throw err;
  }
  if (t.id !== id) throw new ApiError('VALIDATION', `模板信息中的 id（${t.id}）应为 ${id}`, 'source');
  return t;
}

/** Saves the court's text as the next version of template `id`, with its audit entry, in one transaction. */
export function saveCourtTemplate(
  ctx: CallContext,
  input: { id: string; source: string; note?: string },
  builtinDir?: string,
): TemplateVersionInfo {
  const checked = checkCourtTemplate(input.id, input.source, builtinDir);
  const builtin = builtinTemplate(input.id, builtinDir);
  const source = checked.source;
  return writeTransaction(ctx.core, (tx) => {
    const version = (latestRow(tx, input.id)?.version ?? 0) + 1;
    const row = {
      templateId: input.id,
      version,
      kind: 'court' as const,
      source,
      sha256: createHash('sha256').update(source).digest('hex'),
      builtinVersion: builtin.version,
      note: input.note ?? null,
      createdAt: isoShanghai(ctx.core.clock.now()),
      createdBy: ctx.actor && ctx.actor.userId > 0 ? ctx.actor.userId : null,
    };
    tx.insert(templateVersions).values(row).run();
    audit(tx, ctx, {
      operation: 'templates.save',
      entityType: 'template',
      entityId: input.id,
      after: { version: courtLabel(version), sha256: row.sha256, builtinVersion: row.builtinVersion, note: row.note },
    });
    return templateHistory(tx, input.id)[0]!;
  });
}

/** Goes back to the shipped template (recorded as a version, so the history stays complete). */
export function revertToBuiltin(ctx: CallContext, input: { id: string; note?: string }, builtinDir?: string): TemplateVersionInfo {
  const builtin = builtinTemplate(input.id, builtinDir);
  return writeTransaction(ctx.core, (tx) => {
    const last = latestRow(tx, input.id);
    if (!last || last.kind === 'builtin') throw new ApiError('CONFLICT', `模板 ${input.id} 正在使用内置版本`);
    const version = last.version + 1;
    tx.insert(templateVersions)
      .values({
        templateId: input.id,
        version,
        kind: 'builtin',
        source: null,
        sha256: null,
        builtinVersion: builtin.version,
        note: input.note ?? null,
        createdAt: isoShanghai(ctx.core.clock.now()),
        createdBy: ctx.actor && ctx.actor.userId > 0 ? ctx.actor.userId : null,
      })
      .run();
    audit(tx, ctx, {
      operation: 'templates.revert',
      entityType: 'template',
      entityId: input.id,
      after: { version, builtinVersion: builtin.version },
    });
    return templateHistory(tx, input.id)[0]!;
  });
}
