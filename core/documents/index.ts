/**
 * The documents engine (docs/ARCHITECTURE.md, rule 6): templates (templates/*.txt) are filled from data into a document
 * model, which two renderers write as PDF (pdfkit) and DOCX (docx). See README "Documents and fonts".
 */
import { renderDocx } from './docx';
import { renderPdf, type RenderedDocument, type RenderOptions } from './pdf';
import { fillTemplate, type Template } from './template';

export { amountInWords, arabicDate, articleNo, chineseDate, chineseNumber, itemNumber, yuan } from './chinese';
export { buildDocx, renderDocx } from './docx';
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
export { renderPdf, renderPdfBatch, type BatchResult, type RenderedDocument, type RenderOptions } from './pdf';
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
export function renderTemplate(
  t: Template,
  data: Record<string, unknown>,
  format: OutputFormat,
  opts: RenderOptions = {},
): Promise<RenderedDocument> {
  const model = fillTemplate(t, data);
  return format === 'pdf' ? renderPdf(model, opts) : renderDocx(model, opts);
}

// the documents area's descriptor, combined in core/areas.ts
export { documentsArea, documentsMeta } from './area';
