/**
 * The documents engine (docs/ARCHITECTURE.md, rule 6): templates (templates/*.txt) are filled from data into a document
 * model, which two renderers write as PDF (pdfkit) and DOCX (docx). See README "Documents and fonts".
 */
import type { RenderedDocument, RenderOptions } from './pdf';
import { fillTemplate, type Template } from './template';

export { amountInWords, arabicDate, articleNo, chineseDate, chineseNumber, itemNumber, yuan } from './chinese';
export { checkFontConfig, FontError, loadFonts, shippedFontFiles, type FontConfig } from './fonts';
export { layoutDocument } from './layout';
export {
  DEFAULT_FORMAT,
  formatProblems,
  resolveFormat,
  type Block,
  type DocumentFormat,
  type DocumentModel,
  type FormatOverrides,
} from './model';
// the renderers (pdfkit, docx) are imported from ./pdf and ./docx where used, or loaded on first use: this index
// is imported by every area that names an amount, and must not load them at start
export type { BatchResult, RenderedDocument, RenderOptions } from './pdf';
export {
  builtinTemplate,
  builtinTemplates,
  builtinTemplatesDir,
  FILTERS,
  fillTemplate,
  MARKERS,
  parseTemplate,
  TemplateError,
  unknownDataFields,
  type Template,
} from './template';
export {
  checkCourtTemplate,
  currentTemplate,
  listTemplates,
  revertToBuiltin,
  saveCourtTemplate,
  templateAtVersion,
  templateHistory,
} from './overrides';
export { receiptData } from './caseData';
export { documentRenderOptions, generateDocument, renderModel } from './register';
export { documentRecordSchema } from './operations';
export { DATA_BUILDERS, draftData, type DataBuilder, type DataBuilderContext, type DraftData } from './dataBuilders';

export type OutputFormat = 'pdf' | 'docx';

/** Fills a template and renders it: bytes, page count, SHA-256, and the template id and version in `meta`. */
export async function renderTemplate(
  t: Template,
  data: Record<string, unknown>,
  format: OutputFormat,
  opts: RenderOptions = {},
): Promise<RenderedDocument> {
  const model = fillTemplate(t, data);
  if (format === 'pdf') return (await import('./pdf')).renderPdf(model, opts);
  return (await import('./docx')).renderDocx(model, opts);
}

// the documents area's descriptor, combined in core/areas.ts
export { documentsArea, documentsMeta } from './area';
export { documentsBrowse } from './browse';
