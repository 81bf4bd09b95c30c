import type { NumberStyle } from './chinese';

/**
 * The document model (docs/ARCHITECTURE.md, rule 6): what a court document says and how it is laid out, as plain data.
 * A template fills it from a case; core/documents/pdf.ts and core/documents/docx.ts render the same model, so
 * the printable and the editable copy never disagree. Every figure of the layout is in a `DocumentFormat`
 * (defaults from docs/DOMAIN.md “文书格式”), never in a renderer.
 */

export interface Run {
  text: string;
  bold?: boolean;
  underline?: boolean;
}

export type Align = 'left' | 'centre' | 'right' | 'justify';

/** One centred line in the title face (court name; document name). */
export interface TitleBlock {
  type: 'title';
  runs: Run[];
}

/** （2026）浙0522民特123号, right-aligned. */
export interface CaseNumberBlock {
  type: 'caseNumber';
  text: string;
}

/** One party: its own line and those of its representative and agents, each a paragraph. */
export interface PartyBlock {
  type: 'party';
  lines: Run[][];
}

export interface ParagraphBlock {
  type: 'paragraph';
  runs: Run[];
  /** first-line indent of `format.body.firstLineIndentChars` (default) or none */
  indent?: 'firstLine' | 'none';
  align?: Align;
  keepWithNext?: boolean;
}

/** Items numbered 一、二、… / （一） / 1. / （1）, each an indented paragraph. */
export interface NumberedBlock {
  type: 'numbered';
  style: NumberStyle;
  start?: number;
  items: Run[][];
}

export interface TableCell {
  runs: Run[];
  align?: 'left' | 'centre' | 'right';
}

export interface TableRow {
  cells: TableCell[];
  /** header rows are bold and centred */
  header?: boolean;
}

export interface TableBlock {
  type: 'table';
  /** explicit column widths; their sum should not exceed the text width */
  columnsMm: number[];
  rows: TableRow[];
  sizePt?: number;
  linePitchPt?: number;
}

export type SignatureLine =
  | { kind: 'role'; role: string; name: string }
  | { kind: 'date'; text: string }
  | { kind: 'seal'; text: string }
  | { kind: 'verified'; text: string }
  | { kind: 'text'; text: string };

/**
 * The signature block at the end of a ruling (docs/DOMAIN.md “文书格式”): 审判员 name, the date in Chinese numerals, （院印），
 * 本件与原本核对无异, 书记员 name. Role lines share one left edge; the date is right-aligned; the seal note is
 * centred on the date; the verification note stands at the left margin. Kept on one page with the last line
 * before it.
 */
export interface SignatureBlock {
  type: 'signature';
  lines: SignatureLine[];
}

/** A PNG image (the case's QR code on a receipt). */
export interface ImageBlock {
  type: 'image';
  png: Uint8Array;
  widthMm: number;
  heightMm: number;
  align?: 'left' | 'centre' | 'right';
  /** in the text (default), or floating at the top right of the text area of the page, taking no room */
  position?: 'inline' | 'topRight';
  /** a line under the image, in the body size */
  caption?: string;
  /** text for screen readers and for text extraction tests */
  alt?: string;
}

export interface BlankBlock {
  type: 'blank';
  lines?: number;
}

export interface PageBreakBlock {
  type: 'pageBreak';
}

export type Block =
  | TitleBlock
  | CaseNumberBlock
  | PartyBlock
  | ParagraphBlock
  | NumberedBlock
  | TableBlock
  | SignatureBlock
  | ImageBlock
  | BlankBlock
  | PageBreakBlock;

export interface DocumentMeta {
  /** the document's name, e.g. 民事裁定书（确认调解协议有效） */
  title: string;
  templateId: string;
  /** "1" for a built-in template's version 1, "court.3" for the court's third own version */
  templateVersion: string;
  /** SHA-256 (hex) of the template text the document was filled from */
  templateHash?: string;
  /** the court, written into the PDF and DOCX properties */
  author?: string;
  subject?: string;
}

export interface DocumentModel {
  meta: DocumentMeta;
  format?: FormatOverrides;
  blocks: Block[];
}

export interface DocxFontNames {
  eastAsia: string;
  ascii: string;
  hAnsi: string;
}

export interface DocumentFormat {
  page: {
    widthMm: number;
    heightMm: number;
    marginTopMm: number;
    marginBottomMm: number;
    marginLeftMm: number;
    marginRightMm: number;
  };
  body: {
    /** 三号 = 16 pt */
    sizePt: number;
    /** fixed line pitch; 22 lines fill the 225 mm text height at 28.95 pt */
    linePitchPt: number;
    /** full-width characters are set on a grid of this many per line (28); null: the font's own advance */
    charsPerLine: number | null;
    firstLineIndentChars: number;
  };
  title: {
    /** 二号 = 22 pt */
    sizePt: number;
    linePitchPt: number;
    /** space after the last title line */
    spaceAfterPt: number;
  };
  caseNumber: {
    sizePt: number;
    /** space after the case number line */
    spaceAfterPt: number;
  };
  table: {
    sizePt: number;
    linePitchPt: number;
    paddingXMm: number;
    paddingYMm: number;
    borderPt: number;
  };
  signature: {
    /** blank lines between the text and the signature block */
    spaceBeforeLines: number;
    /** distance of the block's right edge from the right margin, in characters */
    rightIndentChars: number;
    /** full-width spaces between role and name: 审判员　　王五 */
    nameGapChars: number;
    /** write a two-character name with a full-width space (王　五) so that it lines up with three-character names */
    padTwoCharNames: boolean;
  };
  pageNumber: {
    show: boolean;
    /** 四号 = 14 pt */
    sizePt: number;
    /** {n} is the page number */
    template: string;
    /** centre, or outside (odd pages right, even pages left, one character in) */
    position: 'centre' | 'outside';
    /** from the bottom edge of the text area to the top of the page number */
    belowTextMm: number;
  };
  lineBreaking: {
    /** a closing punctuation mark that does not fit may hang into the right margin instead of pushing a character down */
    hangPunctuation: boolean;
  };
  /** font names written into the DOCX (the PDF embeds the files chosen in core/documents/fonts.ts) */
  docx: {
    bodyFont: DocxFontNames;
    titleFont: DocxFontNames;
  };
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type FormatOverrides = DeepPartial<DocumentFormat>;

/** docs/DOMAIN.md “文书格式”: A4, margins 37/35/28/26 mm, 22 lines × 28 characters of 三号仿宋, titles 二号小标宋, page numbers 四号. */
export const DEFAULT_FORMAT: DocumentFormat = {
  page: { widthMm: 210, heightMm: 297, marginTopMm: 37, marginBottomMm: 35, marginLeftMm: 28, marginRightMm: 26 },
  body: { sizePt: 16, linePitchPt: 28.95, charsPerLine: 28, firstLineIndentChars: 2 },
  title: { sizePt: 22, linePitchPt: 40, spaceAfterPt: 8 },
  caseNumber: { sizePt: 16, spaceAfterPt: 0 },
  table: { sizePt: 14, linePitchPt: 22, paddingXMm: 1.9, paddingYMm: 1, borderPt: 0.75 },
  signature: { spaceBeforeLines: 1, rightIndentChars: 2, nameGapChars: 2, padTwoCharNames: true },
  pageNumber: { show: true, sizePt: 14, template: '— {n} —', position: 'centre', belowTextMm: 7 },
  lineBreaking: { hangPunctuation: true },
  docx: {
    bodyFont: { eastAsia: '仿宋_GB2312', ascii: '仿宋_GB2312', hAnsi: '仿宋_GB2312' },
    titleFont: { eastAsia: '方正小标宋简体', ascii: '方正小标宋简体', hAnsi: '方正小标宋简体' },
  },
};

export const MM_TO_PT = 72 / 25.4;
export const mmToPt = (mm: number): number => mm * MM_TO_PT;

/** Paths of every setting, for validating overrides ("page.marginTopMm", "docx.bodyFont.eastAsia", …). */
function leafPaths(obj: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(obj)) {
    const p = prefix ? `${prefix}.${k}` : k;
    if (v !== null && typeof v === 'object') for (const [pp, vv] of leafPaths(v, p)) out.set(pp, vv);
    else out.set(p, v);
  }
  return out;
}
const FORMAT_LEAVES = leafPaths(DEFAULT_FORMAT);

/** Problems of a format override: unknown settings and values of the wrong type, in Chinese. */
export function formatProblems(overrides: unknown): string[] {
  if (overrides === undefined || overrides === null) return [];
  if (typeof overrides !== 'object' || Array.isArray(overrides)) return ['版式设置应为键值对'];
  const problems: string[] = [];
  for (const [path, value] of leafPaths(overrides as object)) {
    if (!FORMAT_LEAVES.has(path)) {
      problems.push(`未知的版式设置：${path}`);
      continue;
    }
    const def = FORMAT_LEAVES.get(path);
    if (path === 'body.charsPerLine' && value === null) continue;
    if (path === 'pageNumber.position' && value !== 'centre' && value !== 'outside') {
      problems.push(`版式设置 ${path} 应为 centre 或 outside`);
      continue;
    }
    const expected = def === null ? 'number' : typeof def;
    if (typeof value !== expected || (expected === 'number' && !(Number.isFinite(value) && (value as number) >= 0))) {
      problems.push(
        `版式设置 ${path} 应为${expected === 'number' ? '非负数' : expected === 'boolean' ? ' true 或 false' : '文字'}：${String(value)}`,
      );
    }
  }
  return problems;
}

function merge<T>(base: T, over: DeepPartial<T> | undefined): T {
  if (!over) return base;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    const b = (base as Record<string, unknown>)[k];
    out[k] = b !== null && typeof b === 'object' && v !== null && typeof v === 'object' ? merge(b, v as never) : v;
  }
  return out as T;
}

/** The defaults, then each override in turn (court settings, then the template's own). */
export function resolveFormat(...overrides: (FormatOverrides | undefined)[]): DocumentFormat {
  return overrides.reduce<DocumentFormat>((f, o) => merge(f, o), DEFAULT_FORMAT);
}

/** Derived figures both renderers use. */
export function geometry(format: DocumentFormat) {
  const p = format.page;
  const pageWidth = mmToPt(p.widthMm);
  const pageHeight = mmToPt(p.heightMm);
  const left = mmToPt(p.marginLeftMm);
  const right = pageWidth - mmToPt(p.marginRightMm);
  const top = mmToPt(p.marginTopMm);
  const bottom = pageHeight - mmToPt(p.marginBottomMm);
  const textWidth = right - left;
  const cpl = format.body.charsPerLine;
  /** advance of one full-width character of body text */
  const charPitch = cpl ? textWidth / cpl : format.body.sizePt;
  return { pageWidth, pageHeight, left, right, top, bottom, textWidth, textHeight: bottom - top, charPitch };
}
