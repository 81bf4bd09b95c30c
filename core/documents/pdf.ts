import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import { loadFonts, type Face, type FontConfig } from './fonts';
import { layoutDocument, type LaidOutPage, type Layout } from './layout';
import type { DocumentMeta, DocumentModel, FormatOverrides } from './model';
import { geometry } from './model';

/**
 * The PDF renderer: lays the model out (core/documents/layout.ts) and writes it with pdfkit, with subsets of
 * the fonts embedded. One document, or many into one file for batch printing (each starting on a new page,
 * page numbers per document).
 */

export interface RenderOptions {
  fonts?: FontConfig;
  /** the court's format settings; the template's own `format` is applied after them */
  format?: FormatOverrides;
  /** written as the creation date; fixed → identical bytes for identical input */
  createdAt?: Date;
  /** the producing application, for the document properties */
  creator?: string;
  /** the renderer version to write with (a reprint passes the recorded one); default: the current version */
  rendererVersion?: number;
}

export interface RenderedDocument {
  bytes: Uint8Array;
  pages: number;
  format: 'pdf' | 'docx';
  /** the version of the format's renderer that wrote the bytes (DOCX_RENDERER, PDF_RENDERER) */
  rendererVersion: number;
  /** SHA-256 of the bytes, hex */
  sha256: string;
  meta: DocumentMeta;
  /** characters no font had; the document shows empty boxes there */
  missingGlyphs: string[];
}

function newPdf(opts: RenderOptions, info: { title: string; author?: string; subject?: string; keywords?: string; meta?: DocumentMeta }) {
  const doc = new PDFDocument({
    autoFirstPage: false,
    // no default font: pdfkit would parse Helvetica's AFM for every document
    font: null as unknown as string,
    compress: true,
    lang: 'zh-CN',
    displayTitle: true,
    // pdfkit keeps every laid-out string per document otherwise: memory would grow through a batch.
    fontLayoutCache: false,
    info: {
      Title: info.title,
      ...(info.author ? { Author: info.author } : {}),
      ...(info.subject ? { Subject: info.subject } : {}),
      ...(info.keywords ? { Keywords: info.keywords } : {}),
      Creator: opts.creator ?? '诉服台',
      Producer: '诉服台 文书引擎 (pdfkit)',
      CreationDate: opts.createdAt ?? new Date(),
      ...(info.meta
        ? {
            TemplateId: info.meta.templateId,
            TemplateVersion: info.meta.templateVersion,
            ...(info.meta.templateHash ? { TemplateHash: info.meta.templateHash } : {}),
          }
        : {}),
    } as PDFKit.DocumentInfo,
  });
  const registered = new Set<string>();
  const useFace = (face: Face) => {
    if (!registered.has(face.key)) {
      // a parsed fontkit font: pdfkit embeds a subset of it without parsing the file again
      doc.registerFont(face.key, face.font as unknown as Buffer);
      registered.add(face.key);
    }
    doc.font(face.key);
  };
  return { doc, useFace };
}

function drawPage(doc: PDFKit.PDFDocument, useFace: (f: Face) => void, layout: Layout, page: LaidOutPage): void {
  const g = geometry(layout.format);
  doc.addPage({ size: [g.pageWidth, g.pageHeight], margin: 0 });
  for (const op of page.ops) {
    switch (op.op) {
      case 'text': {
        useFace(op.face);
        doc.fontSize(op.sizePt);
        if (op.syntheticBold) doc.lineWidth(op.sizePt * 0.03).strokeColor('black');
        doc.text(op.text, op.x, op.y, {
          lineBreak: false,
          baseline: 'alphabetic',
          characterSpacing: op.charSpacing,
          // measured already: spares pdfkit one layout of the string
          textWidth: op.width,
          wordCount: 1,
          ...(op.syntheticBold ? { fill: true, stroke: true } : {}),
        } as PDFKit.Mixins.TextOptions);
        if (op.underline) {
          doc
            .moveTo(op.x, op.y + op.sizePt * 0.12)
            .lineTo(op.x + op.width, op.y + op.sizePt * 0.12)
            .lineWidth(op.sizePt * 0.05)
            .stroke();
        }
        break;
      }
      case 'rule':
        doc.moveTo(op.x1, op.y1).lineTo(op.x2, op.y2).lineWidth(op.widthPt).strokeColor('black').stroke();
        break;
      case 'image':
        doc.image(Buffer.from(op.png.buffer, op.png.byteOffset, op.png.byteLength), op.x, op.y, { width: op.width, height: op.height });
        break;
    }
  }
}

function collect(doc: PDFKit.PDFDocument, sink?: Writable): Promise<{ bytes: Uint8Array | null; sha256: string }> {
  const chunks: Buffer[] = [];
  const hash = createHash('sha256');
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => {
      hash.update(c);
      if (sink) sink.write(c);
      else chunks.push(c);
    });
    doc.on('error', reject);
    doc.on('end', () => {
      const sha256 = hash.digest('hex');
      if (sink) sink.end(() => resolve({ bytes: null, sha256 }));
      else resolve({ bytes: new Uint8Array(Buffer.concat(chunks)), sha256 });
    });
  });
}

/**
 * The version of this renderer that new PDFs are written with, recorded with each registered document as for DOCX
 * (core/documents/docx.ts, DOCX_RENDERERS). One so far: a change to the bytes written for the same model and fonts
 * must add a version and keep the old behaviour for reprints (core/documents/rendererVersions.test.ts).
 */
export const PDF_RENDERER = 1;

/** One document as a PDF: bytes, page count, the template id and version it came from. */
export async function renderPdf(model: DocumentModel, opts: RenderOptions = {}): Promise<RenderedDocument> {
  if (opts.rendererVersion !== undefined && opts.rendererVersion !== PDF_RENDERER)
    throw new Error(`unknown PDF renderer version ${opts.rendererVersion}`);
  const fonts = loadFonts(opts.fonts);
  const layout = layoutDocument(model, fonts, opts.format);
  const { doc, useFace } = newPdf(opts, {
    title: model.meta.title,
    author: model.meta.author,
    subject: model.meta.subject,
    keywords: `${model.meta.templateId} ${model.meta.templateVersion}`,
    meta: model.meta,
  });
  const done = collect(doc);
  for (const page of layout.pages) drawPage(doc, useFace, layout, page);
  doc.end();
  const { bytes, sha256 } = await done;
  return {
    bytes: bytes!,
    pages: layout.pages.length,
    format: 'pdf',
    rendererVersion: PDF_RENDERER,
    sha256,
    meta: model.meta,
    missingGlyphs: layout.missingGlyphs,
  };
}

export interface BatchEntry {
  meta: DocumentMeta;
  /** 1-based number of the document's first page in the batch file */
  firstPage: number;
  pages: number;
  missingGlyphs: string[];
}

export interface BatchResult {
  /** the PDF, unless it was written to `output` */
  bytes: Uint8Array | null;
  pages: number;
  sha256: string;
  documents: BatchEntry[];
}

/**
 * Many documents into one PDF for batch printing: each starts on a new page and numbers its own pages. The
 * documents may come from a generator, and with `output` the PDF streams to a file as it is written, so
 * memory stays flat however long the batch.
 */
export async function renderPdfBatch(
  models: Iterable<DocumentModel> | AsyncIterable<DocumentModel>,
  opts: RenderOptions & { title?: string; output?: Writable; onProgress?: (done: number) => void } = {},
): Promise<BatchResult> {
  const fonts = loadFonts(opts.fonts);
  const { doc, useFace } = newPdf(opts, { title: opts.title ?? '批量打印' });
  const done = collect(doc, opts.output);
  const documents: BatchEntry[] = [];
  let pages = 0;
  for await (const model of models) {
    const layout = layoutDocument(model, fonts, opts.format);
    for (const page of layout.pages) drawPage(doc, useFace, layout, page);
    documents.push({ meta: model.meta, firstPage: pages + 1, pages: layout.pages.length, missingGlyphs: layout.missingGlyphs });
    pages += layout.pages.length;
    opts.onProgress?.(documents.length);
    // let the written pages flow out to the sink before the next document
    if (documents.length % 10 === 0) await new Promise((r) => setImmediate(r));
  }
  doc.end();
  const { bytes, sha256 } = await done;
  return { bytes, pages, sha256, documents };
}
