import { itemNumber } from './chinese';
import type { Face, FontSet } from './fonts';
import { atomize, breakLines, type Atom, type AtomKind } from './linebreak';
import {
  geometry,
  mmToPt,
  resolveFormat,
  type Align,
  type Block,
  type DocumentFormat,
  type DocumentModel,
  type FormatOverrides,
  type Run,
} from './model';

/**
 * Lays a document model out on pages: lines broken with 禁则 and justified, a fixed line pitch, tables
 * with wrapped cells, the signature block kept with the text above it, page numbers. The result is a list
 * of drawing operations per page in points from the top-left corner, which core/documents/pdf.ts writes
 * with pdfkit. The DOCX renderer does not use it (Word lays out the DOCX itself) except to count pages.
 */

export interface TextOp {
  op: 'text';
  x: number;
  /** baseline */
  y: number;
  text: string;
  face: Face;
  sizePt: number;
  /** added after every glyph (PDF Tc): the character grid and justification */
  charSpacing: number;
  /** emboldened by stroking (a face without a bold file) */
  syntheticBold: boolean;
  /** width of the drawn text including spacing, for underlines */
  width: number;
  underline: boolean;
}

export interface RuleOp {
  op: 'rule';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  widthPt: number;
}

export interface ImageOp {
  op: 'image';
  x: number;
  /** top */
  y: number;
  width: number;
  height: number;
  png: Uint8Array;
}

export type DrawOp = TextOp | RuleOp | ImageOp;

export interface LaidOutPage {
  ops: DrawOp[];
}

export interface Layout {
  format: DocumentFormat;
  pages: LaidOutPage[];
  /** characters none of the fonts has (printed as an empty box): report them, never print silently */
  missingGlyphs: string[];
}

/** A horizontal slice of the page: a line of text, a table row, an image, a space. */
interface Item {
  height: number;
  ops: DrawOp[];
  /** keep on the same page as the next item */
  keepWithNext?: boolean;
  /** dropped when it would be the first thing on a page */
  discardAtTop?: boolean;
  pageBreak?: boolean;
  /** ops are placed relative to the top of the text area, not to the item */
  absolute?: boolean;
}

interface AtomStyle {
  face: Face;
  sizePt: number;
  syntheticBold: boolean;
  underline: boolean;
  /** added to each full-width character (the 28-per-line grid) */
  gridExtra: number;
}

interface TextOptions {
  role: 'body' | 'title';
  sizePt: number;
  pitch: number;
  x0: number;
  width: number;
  firstIndent: number;
  align: Align;
  grid: boolean;
  bold?: boolean;
}

/** Em-box ascent of CJK fonts (ideographic em box from −0.12 to 0.88 em). */
const EM_ASCENT = 0.88;

class Layouter {
  readonly format: DocumentFormat;
  readonly g: ReturnType<typeof geometry>;
  readonly missing = new Set<string>();
  private readonly styles = new Map<string, AtomStyle>();

  constructor(
    readonly fonts: FontSet,
    format: DocumentFormat,
  ) {
    this.format = format;
    this.g = geometry(format);
  }

  private style(face: Face, sizePt: number, syntheticBold: boolean, underline: boolean, grid: boolean): AtomStyle {
    const gridExtra = grid && sizePt === this.format.body.sizePt ? this.g.charPitch - sizePt : 0;
    const key = `${face.key}|${sizePt}|${syntheticBold}|${underline}|${gridExtra}`;
    let s = this.styles.get(key);
    if (!s) {
      s = { face, sizePt, syntheticBold, underline, gridExtra };
      this.styles.set(key, s);
    }
    return s;
  }

  /** Splits runs into pieces of one face each (a fallback face for characters the main face lacks). */
  private segments(runs: Run[], o: TextOptions): { text: string; style: AtomStyle }[] {
    const out: { text: string; style: AtomStyle }[] = [];
    for (const run of runs) {
      const bold = Boolean(run.bold || o.bold);
      const primary = o.role === 'title' ? this.fonts.title : bold ? this.fonts.bodyBold : this.fonts.body;
      const synthetic = o.role === 'body' && bold && primary.syntheticBold;
      let current: Face | null = null;
      let text = '';
      for (const ch of run.text) {
        if (ch === '\n' || ch === '\r') continue;
        const cp = ch.codePointAt(0)!;
        let face = primary;
        if (cp > 0x20 && !primary.has(cp)) {
          const fb = this.fonts.fallback.find((f) => f.has(cp));
          if (fb) face = fb;
          else this.missing.add(ch);
        }
        if (face !== current && text) {
          out.push({ text, style: this.style(current!, o.sizePt, synthetic, Boolean(run.underline), o.grid) });
          text = '';
        }
        current = face;
        text += ch;
      }
      if (text) out.push({ text, style: this.style(current!, o.sizePt, synthetic, Boolean(run.underline), o.grid) });
    }
    return out;
  }

  private measure = (text: string, s: AtomStyle, kind: AtomKind): number => {
    let w = 0;
    for (const ch of text) {
      const adv = s.face.advance(ch.codePointAt(0)!);
      w += adv * s.sizePt;
      if (kind === 'cjk' && adv >= 0.95) w += s.gridExtra;
    }
    return w;
  };

  private split = (a: Atom<AtomStyle>): Atom<AtomStyle>[] =>
    [...a.text].map((c) => ({ text: c, kind: 'word' as const, style: a.style, width: this.measure(c, a.style, 'word') }));

  /** Lines of text as items of one pitch each. */
  textLines(runs: Run[], o: TextOptions): Item[] {
    const atoms = atomize(this.segments(runs, o), this.measure);
    const lines = breakLines(atoms, o.width - o.firstIndent, o.width, {
      hangPunctuation: this.format.lineBreaking.hangPunctuation,
      split: this.split,
    });
    const baseline = (o.pitch - o.sizePt) / 2 + EM_ASCENT * o.sizePt;
    return lines.map((line, li) => {
      const indent = li === 0 ? o.firstIndent : 0;
      const avail = o.width - indent;
      const n = line.atoms.length;
      let gap = 0;
      let x = o.x0 + indent;
      if (o.align === 'justify' && !line.last && n > 1 && line.width < avail) gap = (avail - line.width) / (n - 1);
      else if (o.align === 'centre') x += (avail - line.width) / 2;
      else if (o.align === 'right') x += avail - line.width;
      const ops: DrawOp[] = [];
      let seg: TextOp | null = null;
      for (let k = 0; k < n; k++) {
        const a = line.atoms[k]!;
        const after = k < n - 1 ? gap : 0;
        if (a.kind === 'space') {
          seg = null;
          x += a.width + after;
          continue;
        }
        const chars = [...a.text].length;
        const natural = this.measure(a.text, { ...a.style, gridExtra: 0 }, a.kind);
        const tc = a.kind === 'cjk' ? (a.width + after - natural) / chars : 0;
        if (
          seg &&
          a.kind === 'cjk' &&
          seg.face === a.style.face &&
          seg.sizePt === a.style.sizePt &&
          Math.abs(seg.charSpacing - tc) < 1e-6 &&
          seg.underline === a.style.underline &&
          seg.syntheticBold === a.style.syntheticBold
        ) {
          seg.text += a.text;
          seg.width += a.width + after;
        } else {
          seg = {
            op: 'text',
            x,
            y: baseline,
            text: a.text,
            face: a.style.face,
            sizePt: a.style.sizePt,
            charSpacing: tc,
            syntheticBold: a.style.syntheticBold,
            width: a.width + after,
            underline: a.style.underline,
          };
          ops.push(seg);
          // A word gets no spacing inside: the gap after it goes into the position of what follows.
          if (a.kind === 'word') seg = null;
        }
        x += a.width + after;
      }
      if (line.hung) {
        const h = line.hung;
        ops.push({
          op: 'text',
          x: o.align === 'justify' && !line.last ? o.x0 + indent + avail : x,
          y: baseline,
          text: h.text,
          face: h.style.face,
          sizePt: h.style.sizePt,
          charSpacing: 0,
          syntheticBold: h.style.syntheticBold,
          width: h.width,
          underline: h.style.underline,
        });
      }
      return { height: o.pitch, ops };
    });
  }

  private body(runs: Run[], align: Align, indent: boolean): Item[] {
    const f = this.format;
    const items = this.textLines(runs, {
      role: 'body',
      sizePt: f.body.sizePt,
      pitch: f.body.linePitchPt,
      x0: this.g.left,
      width: this.g.textWidth,
      firstIndent: indent ? f.body.firstLineIndentChars * this.g.charPitch : 0,
      align,
      grid: true,
    });
    // Widows and orphans: the first two and the last two lines of a paragraph stay together.
    if (items.length >= 2) {
      items[0]!.keepWithNext = true;
      items[items.length - 2]!.keepWithNext = true;
    }
    return items;
  }

  private blankLines(n: number): Item {
    return { height: n * this.format.body.linePitchPt, ops: [], discardAtTop: true };
  }

  private signature(block: Extract<Block, { type: 'signature' }>): Item[] {
    const f = this.format;
    const pitch = f.body.linePitchPt;
    const size = f.body.sizePt;
    const cp = this.g.charPitch;
    const blockRight = this.g.right - f.signature.rightIndentChars * cp;
    const gap = '　'.repeat(f.signature.nameGapChars);
    const pad = (name: string) => (f.signature.padTwoCharNames && [...name].length === 2 ? [...name].join('　') : name);
    const roleTexts = block.lines.map((l) => (l.kind === 'role' ? `${l.role}${gap}${pad(l.name)}` : ''));
    const widthOf = (t: string) =>
      this.textLines([{ text: t }], {
        role: 'body',
        sizePt: size,
        pitch,
        x0: 0,
        width: 1e6,
        firstIndent: 0,
        align: 'left',
        grid: true,
      })[0]!.ops.reduce((w, o) => Math.max(w, o.op === 'text' ? o.x + o.width : 0), 0);
    const roleWidth = Math.max(0, ...roleTexts.filter(Boolean).map(widthOf));
    const roleX = blockRight - roleWidth;
    const dateLine = block.lines.find((l) => l.kind === 'date');
    const dateWidth = dateLine ? widthOf(dateLine.text) : 0;
    const items: Item[] = [];
    if (f.signature.spaceBeforeLines > 0) items.push({ ...this.blankLines(f.signature.spaceBeforeLines), keepWithNext: true });
    const line = (text: string, x0: number, width: number, align: Align) =>
      this.textLines([{ text }], { role: 'body', sizePt: size, pitch, x0, width, firstIndent: 0, align, grid: true })[0]!;
    block.lines.forEach((l, i) => {
      let item: Item;
      switch (l.kind) {
        case 'role':
          item = line(roleTexts[i]!, roleX, blockRight - roleX + 1, 'left');
          break;
        case 'date':
          item = line(l.text, this.g.left, blockRight - this.g.left, 'right');
          break;
        case 'seal': {
          // centred under the date (where the seal is pressed)
          const centre = dateWidth ? blockRight - dateWidth / 2 : (this.g.left + blockRight) / 2;
          const w = widthOf(l.text);
          item = line(l.text, centre - w / 2, w + 1, 'left');
          break;
        }
        case 'verified':
          item = line(l.text, this.g.left, this.g.textWidth, 'left');
          break;
        case 'text':
          item = line(l.text, this.g.left, blockRight - this.g.left, 'right');
          break;
      }
      item.keepWithNext = i < block.lines.length - 1;
      items.push(item);
    });
    return items;
  }

  private table(block: Extract<Block, { type: 'table' }>): Item[] {
    const f = this.format;
    const size = block.sizePt ?? f.table.sizePt;
    const pitch = block.linePitchPt ?? f.table.linePitchPt;
    const padX = mmToPt(f.table.paddingXMm);
    const padY = mmToPt(f.table.paddingYMm);
    const widths = block.columnsMm.map(mmToPt);
    const total = widths.reduce((a, b) => a + b, 0);
    const x0 = this.g.left + Math.max(0, (this.g.textWidth - total) / 2);
    const border = f.table.borderPt;
    return block.rows.map((row) => {
      let x = x0;
      const cells = widths.map((w, c) => {
        const cell = row.cells[c] ?? { runs: [] };
        const lines = this.textLines(cell.runs, {
          role: 'body',
          sizePt: size,
          pitch,
          x0: x + padX,
          width: w - 2 * padX,
          firstIndent: 0,
          align: cell.align === 'centre' ? 'centre' : cell.align === 'right' ? 'right' : row.header ? 'centre' : 'justify',
          grid: false,
          bold: row.header,
        });
        x += w;
        return lines;
      });
      const rowHeight = Math.max(1, ...cells.map((c) => c.length)) * pitch + 2 * padY;
      const ops: DrawOp[] = [];
      cells.forEach((lines) => {
        const top = (rowHeight - lines.length * pitch) / 2; // vertically centred
        lines.forEach((l, li) => {
          for (const op of l.ops) if (op.op === 'text') ops.push({ ...op, y: op.y + top + li * pitch });
        });
      });
      ops.push({ op: 'rule', x1: x0, y1: 0, x2: x0 + total, y2: 0, widthPt: border });
      ops.push({ op: 'rule', x1: x0, y1: rowHeight, x2: x0 + total, y2: rowHeight, widthPt: border });
      let cx = x0;
      ops.push({ op: 'rule', x1: cx, y1: 0, x2: cx, y2: rowHeight, widthPt: border });
      for (const w of widths) {
        cx += w;
        ops.push({ op: 'rule', x1: cx, y1: 0, x2: cx, y2: rowHeight, widthPt: border });
      }
      return { height: rowHeight, ops, keepWithNext: Boolean(row.header) };
    });
  }

  private image(block: Extract<Block, { type: 'image' }>): Item[] {
    const w = mmToPt(block.widthMm);
    const h = mmToPt(block.heightMm);
    if (block.position === 'topRight') {
      // floats at the top right of the text area of the page it falls on; the text flows as if it were not there
      return [{ height: 0, ops: [{ op: 'image', x: this.g.right - w, y: 0, width: w, height: h, png: block.png }], absolute: true }];
    }
    const align = block.align ?? 'centre';
    const x = align === 'left' ? this.g.left : align === 'right' ? this.g.right - w : this.g.left + (this.g.textWidth - w) / 2;
    const items: Item[] = [
      { height: h, ops: [{ op: 'image', x, y: 0, width: w, height: h, png: block.png }], keepWithNext: Boolean(block.caption) },
    ];
    if (block.caption) {
      const f = this.format;
      items.push(
        ...this.textLines([{ text: block.caption }], {
          role: 'body',
          sizePt: f.table.sizePt,
          pitch: f.table.linePitchPt,
          x0: this.g.left,
          width: this.g.textWidth,
          firstIndent: 0,
          align: align === 'left' ? 'left' : align === 'right' ? 'right' : 'centre',
          grid: false,
        }),
      );
    }
    return items;
  }

  items(blocks: Block[]): Item[] {
    const f = this.format;
    const out: Item[] = [];
    blocks.forEach((b, bi) => {
      switch (b.type) {
        case 'title': {
          const lines = this.textLines(b.runs, {
            role: 'title',
            sizePt: f.title.sizePt,
            pitch: f.title.linePitchPt,
            x0: this.g.left,
            width: this.g.textWidth,
            firstIndent: 0,
            align: 'centre',
            grid: false,
          });
          for (const l of lines) out.push({ ...l, keepWithNext: true });
          if (blocks[bi + 1]?.type !== 'title' && f.title.spaceAfterPt > 0)
            out.push({ height: f.title.spaceAfterPt, ops: [], keepWithNext: true, discardAtTop: true });
          break;
        }
        case 'caseNumber': {
          const lines = this.textLines([{ text: b.text }], {
            role: 'body',
            sizePt: f.caseNumber.sizePt,
            pitch: f.body.linePitchPt,
            x0: this.g.left,
            width: this.g.textWidth,
            firstIndent: 0,
            align: 'right',
            grid: true,
          });
          for (const l of lines) out.push({ ...l, keepWithNext: true });
          if (f.caseNumber.spaceAfterPt > 0)
            out.push({ height: f.caseNumber.spaceAfterPt, ops: [], keepWithNext: true, discardAtTop: true });
          break;
        }
        case 'party':
          for (const line of b.lines) out.push(...this.body(line, 'justify', true));
          break;
        case 'paragraph': {
          const items = this.body(b.runs, b.align ?? 'justify', (b.indent ?? 'firstLine') === 'firstLine');
          if (b.keepWithNext && items.length) items[items.length - 1]!.keepWithNext = true;
          out.push(...items);
          break;
        }
        case 'numbered':
          b.items.forEach((runs, i) =>
            out.push(...this.body([{ text: itemNumber((b.start ?? 1) + i, b.style) }, ...runs], 'justify', true)),
          );
          break;
        case 'table':
          out.push(...this.table(b));
          break;
        case 'signature': {
          // Never a signature alone on a page: the last line of text goes with it.
          const prev = out[out.length - 1];
          if (prev) prev.keepWithNext = true;
          out.push(...this.signature(b));
          break;
        }
        case 'image':
          out.push(...this.image(b));
          break;
        case 'blank':
          out.push(this.blankLines(b.lines ?? 1));
          break;
        case 'pageBreak':
          out.push({ height: 0, ops: [], pageBreak: true });
          break;
      }
    });
    return out;
  }

  paginate(items: Item[]): LaidOutPage[] {
    const H = this.g.textHeight + 0.5; // tolerance: 22 lines of 28.95 pt in 637.8 pt
    const pages: LaidOutPage[] = [{ ops: [] }];
    let y = 0;
    let page = pages[0]!;
    const newPage = () => {
      page = { ops: [] };
      pages.push(page);
      y = 0;
    };
    const place = (it: Item) => {
      if (y === 0 && it.discardAtTop) return;
      const dy = this.g.top + (it.absolute ? 0 : y);
      for (const op of it.ops) {
        if (op.op === 'rule') page.ops.push({ ...op, y1: op.y1 + dy, y2: op.y2 + dy });
        else page.ops.push({ ...op, y: op.y + dy });
      }
      y += it.height;
    };
    let i = 0;
    while (i < items.length) {
      const it = items[i]!;
      if (it.pageBreak) {
        if (y > 0 || page.ops.length) newPage();
        i++;
        continue;
      }
      let j = i;
      let unit = it.height;
      while (items[j]!.keepWithNext && j + 1 < items.length && !items[j + 1]!.pageBreak) {
        j++;
        unit += items[j]!.height;
      }
      if (y + unit <= H) {
        for (let k = i; k <= j; k++) place(items[k]!);
        i = j + 1;
      } else if (y > 0 && unit - (it.discardAtTop ? it.height : 0) <= H) {
        newPage();
        for (let k = i; k <= j; k++) place(items[k]!);
        i = j + 1;
      } else {
        // Longer than a page: fill this page item by item.
        if (y > 0 && y + it.height > H) newPage();
        place(it);
        i++;
      }
    }
    return pages;
  }

  pageNumber(pageIndex: number): DrawOp[] {
    const pn = this.format.pageNumber;
    if (!pn.show) return [];
    const text = pn.template.replace('{n}', String(pageIndex + 1));
    const top = this.g.bottom + mmToPt(pn.belowTextMm);
    const [line] = this.textLines([{ text }], {
      role: 'body',
      sizePt: pn.sizePt,
      pitch: pn.sizePt,
      x0: this.g.left + (pn.position === 'outside' ? this.g.charPitch : 0),
      width: this.g.textWidth - (pn.position === 'outside' ? 2 * this.g.charPitch : 0),
      firstIndent: 0,
      align: pn.position === 'centre' ? 'centre' : pageIndex % 2 === 0 ? 'right' : 'left',
      grid: false,
    });
    return line!.ops.map((op) => (op.op === 'text' ? { ...op, y: op.y + top } : op));
  }
}

export function layoutDocument(model: DocumentModel, fonts: FontSet, ...formatOverrides: (FormatOverrides | undefined)[]): Layout {
  const format = resolveFormat(...formatOverrides, model.format);
  const l = new Layouter(fonts, format);
  const pages = l.paginate(l.items(model.blocks));
  pages.forEach((p, i) => p.ops.push(...l.pageNumber(i)));
  return { format, pages, missingGlyphs: [...l.missing] };
}
