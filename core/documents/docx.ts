import { createHash } from 'node:crypto';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HorizontalPositionAlign,
  HorizontalPositionRelativeFrom,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  TextWrappingType,
  VerticalAlignTable,
  VerticalPositionAlign,
  VerticalPositionRelativeFrom,
  WidthType,
  type IParagraphOptions,
  type IRunOptions,
} from 'docx';
import { itemNumber } from './chinese';
import { loadFonts } from './fonts';
import { layoutDocument } from './layout';
import { protectedSpans } from './linebreak';
import { geometry, resolveFormat, type Block, type DocumentFormat, type DocumentModel, type DocxFontNames, type Run } from './model';
import type { RenderOptions, RenderedDocument } from './pdf';

/**
 * The DOCX renderer (the `docx` package): the copy clerks edit in Word or WPS. Same model, same format as the
 * PDF. The East-Asian font slot is set in the document defaults and in the document's own paragraph styles
 * (正文, 文书标题, …) so that a clerk's new paragraph looks like the rest; line spacing is exact; tables have a
 * fixed layout and explicit column widths in twips, so WPS and LibreOffice lay them out as Word does.
 */

const twips = (pt: number) => Math.round(pt * 20);
const halfPoints = (pt: number) => Math.round(pt * 2);
const pxAt96 = (mm: number) => Math.round((mm / 25.4) * 96);

const STYLE = {
  body: 'CourtBody',
  title: 'CourtTitle',
  caseNumber: 'CourtCaseNumber',
  table: 'CourtTableText',
  signature: 'CourtSignature',
  pageNumber: 'CourtPageNumber',
} as const;

function fontAttrs(f: DocxFontNames) {
  // hint eastAsia: “” and other shared characters are set in the Chinese font, as in the PDF.
  return { ascii: f.ascii, eastAsia: f.eastAsia, hAnsi: f.hAnsi, cs: f.ascii, hint: 'eastAsia' };
}

function styles(format: DocumentFormat, g: ReturnType<typeof geometry>) {
  const body = format.body;
  const gridSpacing = twips(g.charPitch - body.sizePt); // the 28-per-line grid as character spacing
  const exact = (pt: number) => ({ line: twips(pt), lineRule: LineRuleType.EXACT, before: 0, after: 0 });
  return {
    default: {
      document: {
        run: {
          font: fontAttrs(format.docx.bodyFont),
          size: halfPoints(body.sizePt),
          language: { value: 'zh-CN', eastAsia: 'zh-CN' },
        },
        paragraph: { spacing: exact(body.linePitchPt) },
      },
    },
    paragraphStyles: [
      {
        id: STYLE.body,
        name: '正文（文书）',
        basedOn: 'Normal',
        next: STYLE.body,
        quickFormat: true,
        run: { font: fontAttrs(format.docx.bodyFont), size: halfPoints(body.sizePt), characterSpacing: gridSpacing },
        paragraph: {
          alignment: AlignmentType.JUSTIFIED,
          spacing: exact(body.linePitchPt),
          indent: { firstLine: twips(body.firstLineIndentChars * g.charPitch) },
        },
      },
      {
        id: STYLE.title,
        name: '文书标题',
        basedOn: 'Normal',
        next: STYLE.body,
        quickFormat: true,
        run: { font: fontAttrs(format.docx.titleFont), size: halfPoints(format.title.sizePt) },
        paragraph: { alignment: AlignmentType.CENTER, spacing: exact(format.title.linePitchPt), keepNext: true },
      },
      {
        id: STYLE.caseNumber,
        name: '案号',
        basedOn: 'Normal',
        next: STYLE.body,
        run: { font: fontAttrs(format.docx.bodyFont), size: halfPoints(format.caseNumber.sizePt), characterSpacing: gridSpacing },
        paragraph: {
          alignment: AlignmentType.RIGHT,
          spacing: { ...exact(body.linePitchPt), after: twips(format.caseNumber.spaceAfterPt) },
          keepNext: true,
        },
      },
      {
        id: STYLE.table,
        name: '表格文字',
        basedOn: 'Normal',
        run: { font: fontAttrs(format.docx.bodyFont), size: halfPoints(format.table.sizePt) },
        paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: exact(format.table.linePitchPt) },
      },
      {
        id: STYLE.signature,
        name: '落款',
        basedOn: 'Normal',
        run: { font: fontAttrs(format.docx.bodyFont), size: halfPoints(body.sizePt), characterSpacing: gridSpacing },
        paragraph: { spacing: exact(body.linePitchPt), keepNext: true, keepLines: true },
      },
      {
        id: STYLE.pageNumber,
        name: '页码',
        basedOn: 'Normal',
        run: { font: fontAttrs(format.docx.bodyFont), size: halfPoints(format.pageNumber.sizePt) },
        paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
      },
    ],
  };
}

/** Every paragraph: no automatic space between Chinese and digits (w:autoSpaceDN off), as in the PDF. */
function para(opts: IParagraphOptions): Paragraph {
  return new Paragraph({ autoSpaceEastAsianText: false, ...opts });
}

const WORD_JOINER = '\u2060';

/** What a version of this renderer writes differently (each a change to the bytes of the same model). */
export interface DocxRendererVersion {
  /** what this version changed, for whoever reads the table */
  note: string;
  /** word joiners inside 案号, dates, amounts and digit runs */
  joiners: boolean;
  /** the text just above a signature keeps with it (w:keepNext) */
  keepAboveSignature: boolean;
  /** East-Asian auto-spacing off (autoSpaceDE/DN) and wordWrap on, in the defaults and every paragraph */
  noAutoSpace: boolean;
  /** each kept span a run of its own in en-US, noProof (LibreOffice) */
  keptRuns: boolean;
  /** a page break before any content is dropped (no blank first page) */
  dropLeadingBreak: boolean;
}

/**
 * Every version of this renderer. The register records the version that wrote each DOCX (documents.renderer_version)
 * and a reprint writes the document again with that version, so an issued document comes back byte for byte after
 * the renderer has changed (core/documents/register.ts). A change to the bytes written for the same model is a new
 * version here, with the old behaviour kept behind its flag; core/documents/rendererVersions.test.ts holds each
 * version's SHA-256 for a fixed document (taken from the code of the time) and fails when one changes.
 */
export const DOCX_RENDERERS: Readonly<Record<number, DocxRendererVersion>> = {
  1: {
    note: '文书登记簿的第一版 DOCX（2026-11-23）',
    joiners: false,
    keepAboveSignature: false,
    noAutoSpace: false,
    keptRuns: false,
    dropLeadingBreak: false,
  },
  2: {
    note: '案号、日期、金额、数字不断行（连接符），落款前一段与落款同页，关闭中西文自动间距',
    joiners: true,
    keepAboveSignature: true,
    noAutoSpace: true,
    keptRuns: false,
    dropLeadingBreak: false,
  },
  3: {
    note: '不断行的内容另成西文文字段（LibreOffice 也不断开）',
    joiners: true,
    keepAboveSignature: true,
    noAutoSpace: true,
    keptRuns: true,
    dropLeadingBreak: false,
  },
  4: {
    note: '文书以分页开头时不再先出一张空白页（如传票）',
    joiners: true,
    keepAboveSignature: true,
    noAutoSpace: true,
    keptRuns: true,
    dropLeadingBreak: true,
  },
};

/** The version new documents are written with. */
export const DOCX_RENDERER = 4;

/** A recorded version's behaviour; an unknown version is a programming error (the register only records ours). */
export function docxRenderer(version: number): DocxRendererVersion {
  const v = DOCX_RENDERERS[version];
  if (!v) throw new Error(`unknown DOCX renderer version ${version}`);
  return v;
}

/** A piece of a run's text: `keep` pieces must not be broken across lines. */
export interface TextSegment {
  text: string;
  keep: boolean;
}

/**
 * Word and LibreOffice break lines themselves. Inside a 案号, a date, an amount with its unit or a run of
 * digits (an ID number, 30 in 10月30日) no break is allowed, so the span moves whole to the next line as in the
 * PDF (core/documents/linebreak.ts). Two means, because each reader honours one of them:
 * - a WORD JOINER (U+2060, no width, UAX #14 class WJ) between the characters: Word and WPS keep them together;
 * - the span in a run of its own whose language (also for East-Asian text) is en-US: LibreOffice breaks Chinese
 *   text with its CJK break iterator, which ignores word joiners and breaks a digit string anywhere; for a run in
 *   a Western language it uses ICU's line breaking, which keeps digits together and honours the joiners. The
 *   run is marked noProof, so Word's spelling check does not underline Chinese in an English run.
 * Spans are cut from the text as they are (the visible text is the same once the joiners are taken out).
 */
export function unbreakableSegments(text: string): TextSegment[] {
  const spans = [
    ...protectedSpans(text),
    ...[...text.matchAll(/[0-9A-Za-z][0-9A-Za-z,.-]*[0-9A-Za-z]/g)].map((m) => [m.index, m.index + m[0].length] as [number, number]),
  ].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  // overlapping spans (the digits inside a 案号) become one; touching ones stay apart
  const merged: [number, number][] = [];
  for (const [from, to] of spans) {
    const last = merged.at(-1);
    if (last && from < last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  const out: TextSegment[] = [];
  let at = 0;
  for (const [from, to] of merged) {
    if (from > at) out.push({ text: text.slice(at, from), keep: false });
    let joined = '';
    for (let i = from; i < to; i++) {
      // never between the halves of a surrogate pair
      if (i > from && !(text.charCodeAt(i) >= 0xdc00 && text.charCodeAt(i) <= 0xdfff)) joined += WORD_JOINER;
      joined += text[i];
    }
    out.push({ text: joined, keep: true });
    at = to;
  }
  if (at < text.length) out.push({ text: text.slice(at), keep: false });
  return out;
}

/** The text with word joiners inside every span that must stay on one line. */
export function joinUnbreakable(text: string): string {
  return unbreakableSegments(text)
    .map((s) => s.text)
    .join('');
}

/** The run properties of a span kept on one line (see unbreakableSegments). */
const KEEP_TOGETHER: Partial<IRunOptions> = { language: { value: 'en-US', eastAsia: 'en-US' }, noProof: true };

function runsOf(v: DocxRendererVersion, list: Run[], extra: Partial<IRunOptions> = {}): TextRun[] {
  return list
    .filter((r) => r.text)
    .flatMap((r) =>
      (v.keptRuns ? unbreakableSegments(r.text) : [{ text: v.joiners ? joinUnbreakable(r.text) : r.text, keep: false }]).map(
        (seg) =>
          new TextRun({
            text: seg.text,
            ...(seg.keep ? KEEP_TOGETHER : {}),
            ...(r.bold ? { bold: true } : {}),
            ...(r.underline ? { underline: {} } : {}),
            ...extra,
          }),
      ),
    );
}

type Child = Paragraph | Table;

/** What building the paragraphs carries from one block to the next. */
interface BuildState {
  pageBreakBefore: boolean;
  /** the block is the last before a signature */
  keepLast?: boolean;
  v: DocxRendererVersion;
}

function blockChildren(b: Block, format: DocumentFormat, g: ReturnType<typeof geometry>, next: BuildState): Child[] {
  const runs = (list: Run[], extra?: Partial<IRunOptions>) => runsOf(next.v, list, extra);
  const brk = (): Partial<IParagraphOptions> => {
    if (!next.pageBreakBefore) return {};
    next.pageBreakBefore = false;
    return { pageBreakBefore: true };
  };
  switch (b.type) {
    case 'title':
      return [para({ style: STYLE.title, children: runs(b.runs), ...brk() })];
    case 'caseNumber':
      return [para({ style: STYLE.caseNumber, children: runs([{ text: b.text }]), ...brk() })];
    case 'party':
      return b.lines.map((line) => para({ style: STYLE.body, children: runs(line), ...brk() }));
    case 'paragraph': {
      const align = b.align ?? 'justify';
      return [
        para({
          style: STYLE.body,
          children: runs(b.runs),
          alignment:
            align === 'centre'
              ? AlignmentType.CENTER
              : align === 'right'
                ? AlignmentType.RIGHT
                : align === 'left'
                  ? AlignmentType.LEFT
                  : AlignmentType.JUSTIFIED,
          ...((b.indent ?? 'firstLine') === 'none' ? { indent: { firstLine: 0 } } : {}),
          ...(b.keepWithNext || next.keepLast ? { keepNext: true } : {}),
          ...brk(),
        }),
      ];
    }
    case 'numbered':
      return b.items.map((item, i) =>
        para({
          style: STYLE.body,
          children: runs([{ text: itemNumber((b.start ?? 1) + i, b.style) }, ...item]),
          ...(next.keepLast && i === b.items.length - 1 ? { keepNext: true } : {}),
          ...brk(),
        }),
      );
    case 'table': {
      const widths = b.columnsMm.map((mm) => twips((mm * 72) / 25.4));
      const total = widths.reduce((a, c) => a + c, 0);
      const border = { style: BorderStyle.SINGLE, size: Math.max(2, Math.round(format.table.borderPt * 8)), color: '000000' };
      const padX = twips((format.table.paddingXMm * 72) / 25.4);
      const padY = twips((format.table.paddingYMm * 72) / 25.4);
      const size = b.sizePt ?? format.table.sizePt;
      const pitch = b.linePitchPt ?? format.table.linePitchPt;
      const table = new Table({
        layout: TableLayoutType.FIXED,
        width: { size: total, type: WidthType.DXA },
        columnWidths: widths,
        alignment: AlignmentType.CENTER,
        borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
        margins: { left: padX, right: padX, top: padY, bottom: padY },
        rows: b.rows.map(
          (row) =>
            new TableRow({
              cantSplit: true,
              ...(row.header ? { tableHeader: true } : {}),
              children: widths.map((w, c) => {
                const cell = row.cells[c] ?? { runs: [] };
                const align = cell.align ?? (row.header ? 'centre' : 'left');
                return new TableCell({
                  width: { size: w, type: WidthType.DXA },
                  verticalAlign: VerticalAlignTable.CENTER,
                  children: [
                    para({
                      style: STYLE.table,
                      alignment:
                        align === 'centre' ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : AlignmentType.JUSTIFIED,
                      spacing: { line: twips(pitch), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
                      children: runs(cell.runs, { size: halfPoints(size), ...(row.header ? { bold: true } : {}) }),
                    }),
                  ],
                });
              }),
            }),
        ),
      });
      const out: Child[] = [];
      if (next.pageBreakBefore) out.push(para({ ...brk(), spacing: { line: 20, lineRule: LineRuleType.EXACT } }));
      out.push(table);
      return out;
    }
    case 'signature': {
      // Positions from character counts on the grid, so they do not depend on which font Word substitutes.
      const s = format.signature;
      const cp = g.charPitch;
      const gap = '　'.repeat(s.nameGapChars);
      const pad = (name: string) => (s.padTwoCharNames && [...name].length === 2 ? [...name].join('　') : name);
      const len = (t: string) => [...t].length;
      const roleTexts = b.lines.map((l) => (l.kind === 'role' ? `${l.role}${gap}${pad(l.name)}` : ''));
      const roleChars = Math.max(0, ...roleTexts.map(len));
      const rightIndent = s.rightIndentChars * cp;
      const roleLeft = g.textWidth - rightIndent - roleChars * cp;
      const date = b.lines.find((l) => l.kind === 'date');
      const dateChars = date ? len(date.text) : 0;
      const out: Child[] = [];
      for (let i = 0; i < s.spaceBeforeLines; i++) out.push(para({ style: STYLE.signature, children: [], ...brk() }));
      b.lines.forEach((l, i) => {
        const keepNext = i < b.lines.length - 1;
        let p: Paragraph;
        switch (l.kind) {
          case 'role':
            p = para({
              style: STYLE.signature,
              keepNext,
              indent: { left: twips(roleLeft) },
              children: runs([{ text: roleTexts[i]! }]),
              ...brk(),
            });
            break;
          case 'date':
          case 'text':
            p = para({
              style: STYLE.signature,
              keepNext,
              alignment: AlignmentType.RIGHT,
              indent: { right: twips(rightIndent) },
              children: runs([{ text: l.text }]),
              ...brk(),
            });
            break;
          case 'seal': {
            const centre = g.textWidth - rightIndent - (dateChars ? (dateChars * cp) / 2 : (g.textWidth - rightIndent) / 2);
            p = para({
              style: STYLE.signature,
              keepNext,
              indent: { left: twips(centre - (len(l.text) * cp) / 2) },
              children: runs([{ text: l.text }]),
              ...brk(),
            });
            break;
          }
          case 'verified':
            p = para({ style: STYLE.signature, keepNext, children: runs([{ text: l.text }]), ...brk() });
            break;
        }
        out.push(p);
      });
      return out;
    }
    case 'image': {
      if (b.position === 'topRight') {
        // anchored to a paragraph of almost no height, floating at the top right of the text area
        return [
          para({
            spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
            children: [
              new ImageRun({
                type: 'png',
                data: b.png,
                transformation: { width: pxAt96(b.widthMm), height: pxAt96(b.heightMm) },
                floating: {
                  horizontalPosition: { relative: HorizontalPositionRelativeFrom.MARGIN, align: HorizontalPositionAlign.RIGHT },
                  verticalPosition: { relative: VerticalPositionRelativeFrom.MARGIN, align: VerticalPositionAlign.TOP },
                  wrap: { type: TextWrappingType.NONE },
                  allowOverlap: true,
                },
                ...(b.alt ? { altText: { name: b.alt, description: b.alt, title: b.alt } } : {}),
              }),
            ],
            ...brk(),
          }),
        ];
      }
      const align = b.align ?? 'centre';
      const out: Child[] = [
        para({
          alignment: align === 'left' ? AlignmentType.LEFT : align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
          spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
          keepNext: Boolean(b.caption),
          children: [
            new ImageRun({
              type: 'png',
              data: b.png,
              transformation: { width: pxAt96(b.widthMm), height: pxAt96(b.heightMm) },
              ...(b.alt ? { altText: { name: b.alt, description: b.alt, title: b.alt } } : {}),
            }),
          ],
          ...brk(),
        }),
      ];
      if (b.caption) {
        out.push(
          para({
            style: STYLE.table,
            alignment: align === 'left' ? AlignmentType.LEFT : align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
            children: runs([{ text: b.caption }]),
          }),
        );
      }
      return out;
    }
    case 'blank':
      return Array.from({ length: b.lines ?? 1 }, () => para({ style: STYLE.body, children: [], ...brk() }));
    case 'pageBreak':
      next.pageBreakBefore = true;
      return [];
  }
}

function pageNumberFooter(format: DocumentFormat, align: (typeof AlignmentType)[keyof typeof AlignmentType], indentTw: number): Footer {
  const [before, after] = format.pageNumber.template.split('{n}');
  return new Footer({
    children: [
      para({
        style: STYLE.pageNumber,
        alignment: align,
        ...(indentTw ? { indent: align === AlignmentType.RIGHT ? { right: indentTw } : { left: indentTw } } : {}),
        children: [new TextRun({ children: [before ?? '', PageNumber.CURRENT, after ?? ''] })],
      }),
    ],
  });
}

/** Builds the docx `Document` for a model (exported for tests that look at the XML). */
export function buildDocx(model: DocumentModel, opts: RenderOptions = {}): Document {
  const format = resolveFormat(opts.format, model.format);
  const g = geometry(format);
  const v = docxRenderer(opts.rendererVersion ?? DOCX_RENDERER);
  const next: BuildState = { pageBreakBefore: false, v };
  // Never a signature alone on a page: the text just above it keeps with it (w:keepNext), as in the PDF layout.
  const children: Child[] = [];
  model.blocks.forEach((b, i) => {
    // A page break before anything is on the page (a template that starts each party's page with 【分页】, like
    // the summons) is dropped: as w:pageBreakBefore on the first paragraph some word processors open the
    // document with a blank page. The PDF layout never starts a page it has nothing to put on.
    if (v.dropLeadingBreak && b.type === 'pageBreak' && children.length === 0) return;
    next.keepLast = v.keepAboveSignature && model.blocks[i + 1]?.type === 'signature';
    children.push(...blockChildren(b, format, g, next));
  });
  const p = format.page;
  const mmTw = (mm: number) => twips((mm * 72) / 25.4);
  const pn = format.pageNumber;
  // The footer paragraph's top sits `belowTextMm` under the text area: footer distance measured from the page's
  // bottom edge to the footer's bottom.
  const footerTw = Math.max(0, mmTw(p.marginBottomMm - pn.belowTextMm) - twips(pn.sizePt * 1.3));
  const outsideIndent = twips(g.charPitch);
  const footers = !pn.show
    ? undefined
    : pn.position === 'centre'
      ? { default: pageNumberFooter(format, AlignmentType.CENTER, 0) }
      : {
          default: pageNumberFooter(format, AlignmentType.RIGHT, outsideIndent),
          even: pageNumberFooter(format, AlignmentType.LEFT, outsideIndent),
        };
  const meta = model.meta;
  return new Document({
    title: meta.title,
    ...(meta.subject ? { subject: meta.subject } : {}),
    creator: meta.author ?? opts.creator ?? '诉服台',
    lastModifiedBy: opts.creator ?? '诉服台',
    keywords: `${meta.templateId} ${meta.templateVersion}`,
    description: `模板 ${meta.templateId} 版本 ${meta.templateVersion}`,
    customProperties: [
      { name: 'TemplateId', value: meta.templateId },
      { name: 'TemplateVersion', value: meta.templateVersion },
      ...(meta.templateHash ? [{ name: 'TemplateHash', value: meta.templateHash }] : []),
    ],
    ...(pn.show && pn.position === 'outside' ? { evenAndOddHeaderAndFooters: true } : {}),
    styles: styles(format, g),
    sections: [
      {
        properties: {
          page: {
            size: { width: mmTw(p.widthMm), height: mmTw(p.heightMm) },
            margin: {
              top: mmTw(p.marginTopMm),
              bottom: mmTw(p.marginBottomMm),
              left: mmTw(p.marginLeftMm),
              right: mmTw(p.marginRightMm),
              header: mmTw(15),
              footer: footerTw,
            },
          },
        },
        ...(footers ? { footers } : {}),
        children,
      },
    ],
  });
}

/**
 * Settings the docx package cannot write (autoSpaceDE), and, given a date, fixed times. The docx package stamps the time of packing into docProps/core.xml (created, modified) and into every zip
 * entry, and numbers drawings with a process-wide counter. With a fixed date the same model gives the same
 * bytes, so a reprint reproduces the recorded SHA-256: the dates are replaced, the drawings numbered from 1,
 * and the files zipped again, in the same order, with that date.
 */
function finishDocx(docx: Uint8Array, at: Date | undefined, v: DocxRendererVersion): Uint8Array {
  if (!v.noAutoSpace && !at) return docx;
  const files = unzipSync(docx);
  // East-Asian/Latin and East-Asian/digit auto-spacing off everywhere (w:autoSpaceDE, w:autoSpaceDN): with it on,
  // LibreOffice and WPS set visible gaps inside a 案号 (“浙 0522 民初”); the docx package writes only autoSpaceDN.
  const enc = (x: string) => new TextEncoder().encode(x);
  const dec = (b: Uint8Array) => new TextDecoder().decode(b);
  const styles = files['word/styles.xml'];
  if (styles && v.noAutoSpace)
    files['word/styles.xml'] = enc(
      dec(styles).replace(
        '<w:pPrDefault><w:pPr>',
        '<w:pPrDefault><w:pPr><w:wordWrap w:val="1"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>',
      ),
    );
  const document = files['word/document.xml'];
  if (document && v.noAutoSpace)
    files['word/document.xml'] = enc(
      dec(document).replace(
        /<w:autoSpaceDN w:val="false"\/>/g,
        '<w:wordWrap w:val="1"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>',
      ),
    );
  if (!at) return zipSync(files);
  const core = files['docProps/core.xml'];
  if (core) {
    const stamp = at.toISOString();
    const xml = new TextDecoder().decode(core).replace(/(<dcterms:(created|modified)\b[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${stamp}$3`);
    files['docProps/core.xml'] = new TextEncoder().encode(xml);
  }
  // docx numbers drawings with a counter that runs across the process: number them per document instead
  const body = files['word/document.xml'];
  if (body) {
    let n = 0;
    const xml = new TextDecoder().decode(body).replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++n}"`);
    files['word/document.xml'] = new TextEncoder().encode(xml);
  }
  // zip times are local wall-clock fields: built from Beijing time, they are the same on every machine
  const bj = new Date(at.getTime() + 8 * 3600_000);
  const mtime = new Date(bj.getUTCFullYear(), bj.getUTCMonth(), bj.getUTCDate(), bj.getUTCHours(), bj.getUTCMinutes(), bj.getUTCSeconds());
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) out[name] = [data, { mtime }];
  return zipSync(out, { mtime });
}

/**
 * One document as DOCX. `pages` is the page count of the same model in our own layout (the PDF's); Word
 * paginates the DOCX itself, with the court's fonts, and may differ by a line.
 */
export async function renderDocx(model: DocumentModel, opts: RenderOptions & { countPages?: boolean } = {}): Promise<RenderedDocument> {
  const version = opts.rendererVersion ?? DOCX_RENDERER;
  const doc = buildDocx(model, opts);
  const buffer = await Packer.toBuffer(doc);
  let bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  bytes = finishDocx(bytes, opts.createdAt, docxRenderer(version));
  let pages = 0;
  let missingGlyphs: string[] = [];
  if (opts.countPages !== false) {
    const layout = layoutDocument(model, loadFonts(opts.fonts), opts.format);
    pages = layout.pages.length;
    missingGlyphs = layout.missingGlyphs;
  }
  return {
    bytes,
    pages,
    format: 'docx',
    rendererVersion: version,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    meta: model.meta,
    missingGlyphs,
  };
}
