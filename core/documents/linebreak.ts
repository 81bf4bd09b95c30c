/**
 * Line breaking for Chinese text with 禁则 (kinsoku), as GB/T 15834 asks: the closing marks (，。、；：？！ and the
 * second half of quotes, brackets and book-title marks) never start a line; the opening half of quotes,
 * brackets and book-title marks never ends one; a dash (——) or an ellipsis (……) is never split; a run of
 * Latin letters or digits (a number, an ID number, 1,234.50) is never split unless it is wider than the line;
 * nor are the spans a reader takes as one thing — a 案号 （2026）浙0522民初1234号, a date 2026年11月23日 or
 * 二〇二六年十一月二十三日, an amount with its unit 3,300.00元 (`protectedSpans`): they move whole to the next line
 * and the line they leave is justified. A closing mark that does not fit may hang into the right margin (one
 * mark at most); otherwise the last character is pushed to the next line with it.
 *
 * Pure functions over "atoms" (a CJK character, a Latin word, a space) with widths given by the caller, so
 * that the rules are tested without fonts.
 */

/** Never at the start of a line. */
export const NO_START = new Set([...'，。、；：？！）］｝〕〉》」』】〗〙〛”’％‰℃°·・～－', ...',.;:?!)]}%', ...'ー々〻ゝゞ〞〟']);

/** Never at the end of a line. */
export const NO_END = new Set([...'（［｛〔〈《「『【〖〘〚“‘￥＄', ...'([{$£¥']);

/** Marks that come in pairs and are never split: —— and …… */
const UNSPLITTABLE = new Set(['—', '…', '⋯']);

export type AtomKind = 'cjk' | 'word' | 'space';

export interface Atom<S> {
  text: string;
  kind: AtomKind;
  style: S;
  width: number;
  /** inside a protected span: no line break before this atom */
  glue?: boolean;
}

const CN_DIGIT = '〇零一二三四五六七八九十';
/** Spans never broken across lines: 案号, dates (Arabic and Chinese numerals), amounts with their unit. */
const PROTECTED: RegExp[] = [
  // 案号: （2026）浙0522民初1234号, （2026）浙0522执保12号之一
  /[（(]\d{4}[）)][\u3400-\u9fff]{0,2}\d{0,4}[\u3400-\u9fff]{1,4}\d+号(?:之[一二三四五六七八九十\d]+)?/g,
  // 2026年11月23日, 2026年11月, 11月23日, 2026-11-23 is one word already
  /\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日/g,
  new RegExp(`[${CN_DIGIT}]{4}年[${CN_DIGIT}]{1,3}月(?:[${CN_DIGIT}]{1,3}日)?`, 'g'),
  // 3,300.00元, 150,000元, 5万元, 50%
  /[￥¥]?\d[\d,]*(?:\.\d+)?(?:万元|元|%|％)/g,
];

/** [start, end) offsets (in UTF-16 units) of the spans of `text` that must stay on one line. */
export function protectedSpans(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const re of PROTECTED) for (const m of text.matchAll(re)) out.push([m.index, m.index + m[0].length]);
  return out;
}

export interface Line<S> {
  atoms: Atom<S>[];
  /** a closing mark set beyond the right edge */
  hung: Atom<S> | null;
  /** width of the atoms without trailing spaces and without the hung mark */
  width: number;
  /** the paragraph's last line (not justified) */
  last: boolean;
}

/** Characters set one by one (ideographs, kana, full-width forms and the punctuation used with them). */
export function isCjk(cp: number): boolean {
  return (
    cp >= 0x2e80 || // radicals, CJK punctuation, kana, ideographs, Ext A, compatibility, full-width forms, Ext B+
    (cp >= 0x2010 && cp <= 0x206f) || // general punctuation: ‘’“” — … ‰ ※
    cp === 0xb7 ||
    cp === 0xa7 ||
    cp === 0xb0 ||
    (cp >= 0x2100 && cp <= 0x2bff) // letterlike symbols, numerals Ⅰ, arrows, ①, shapes
  );
}

/** Splits styled text into atoms; `measure` gives the width of a string in one style. */
export function atomize<S>(segments: { text: string; style: S }[], measure: (text: string, style: S, kind: AtomKind) => number): Atom<S>[] {
  const atoms: Atom<S>[] = [];
  const starts: number[] = [];
  let offset = 0;
  for (const { text, style } of segments) {
    let word = '';
    let wordAt = 0;
    const flushWord = () => {
      if (word) {
        atoms.push({ text: word, kind: 'word', style, width: measure(word, style, 'word') });
        starts.push(wordAt);
      }
      word = '';
    };
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (ch === ' ' || ch === '\t') {
        flushWord();
        atoms.push({ text: ' ', kind: 'space', style, width: measure(' ', style, 'space') });
        starts.push(offset);
      } else if (isCjk(cp)) {
        flushWord();
        const prev = atoms[atoms.length - 1];
        if (UNSPLITTABLE.has(ch) && prev && prev.kind === 'cjk' && prev.style === style && prev.text.endsWith(ch)) {
          prev.text += ch;
          prev.width = measure(prev.text, style, 'cjk');
        } else {
          atoms.push({ text: ch, kind: 'cjk', style, width: measure(ch, style, 'cjk') });
          starts.push(offset);
        }
      } else {
        if (!word) wordAt = offset;
        word += ch;
      }
      offset += ch.length;
    }
    flushWord();
  }
  const spans = protectedSpans(segments.map((s) => s.text).join(''));
  if (spans.length)
    atoms.forEach((a, i) => {
      if (spans.some(([from, to]) => starts[i]! > from && starts[i]! < to)) a.glue = true;
    });
  return atoms;
}

function firstChar(a: Atom<unknown>): string {
  return String.fromCodePoint(a.text.codePointAt(0)!);
}
function lastChar(a: Atom<unknown>): string {
  const chars = [...a.text];
  return chars[chars.length - 1]!;
}
const noStart = (a: Atom<unknown>) => a.kind !== 'space' && NO_START.has(firstChar(a));
const noEnd = (a: Atom<unknown>) => a.kind !== 'space' && NO_END.has(lastChar(a));

function contentWidth<S>(atoms: Atom<S>[]): number {
  let end = atoms.length;
  while (end > 0 && atoms[end - 1]!.kind === 'space') end--;
  let w = 0;
  for (let i = 0; i < end; i++) w += atoms[i]!.width;
  return w;
}

function trimEnd<S>(atoms: Atom<S>[]): Atom<S>[] {
  let end = atoms.length;
  while (end > 0 && atoms[end - 1]!.kind === 'space') end--;
  return end === atoms.length ? atoms : atoms.slice(0, end);
}

/**
 * Breaks atoms into lines: the first line `firstWidth` wide (after a first-line indent), the others
 * `width`. Greedy, with the rules above.
 */
export function breakLines<S>(
  input: Atom<S>[],
  firstWidth: number,
  width: number,
  opts: {
    hangPunctuation?: boolean;
    /** a word wider than a whole line is split into these parts (nothing narrower is ever split) */
    split?: (atom: Atom<S>) => Atom<S>[];
  } = {},
): Line<S>[] {
  const atoms = input.slice();
  const lines: Line<S>[] = [];
  const EPS = 0.01;
  let start = 0;
  while (start < atoms.length) {
    while (start < atoms.length && atoms[start]!.kind === 'space' && lines.length > 0) start++;
    if (start >= atoms.length) break;
    const avail = lines.length === 0 ? firstWidth : width;
    let w = 0;
    let i = start;
    while (i < atoms.length && (atoms[i]!.kind === 'space' || w + atoms[i]!.width <= avail + EPS)) {
      w += atoms[i]!.width;
      i++;
    }
    if (i >= atoms.length) {
      const rest = trimEnd(atoms.slice(start));
      lines.push({ atoms: rest, hung: null, width: contentWidth(rest), last: true });
      break;
    }
    // atoms[i] does not fit.
    if (i === start) {
      // A single word wider than the line: split it into characters (or give it a line of its own).
      const a = atoms[i]!;
      const parts = a.kind === 'word' && opts.split ? opts.split(a) : [];
      if (parts.length > 1) {
        atoms.splice(i, 1, ...parts);
        continue;
      }
      lines.push({ atoms: [a], hung: null, width: a.width, last: false });
      start = i + 1;
      continue;
    }
    const next = atoms[i]!;
    if (
      opts.hangPunctuation &&
      noStart(next) &&
      [...next.text].length === 1 &&
      !(atoms[i + 1] && (noStart(atoms[i + 1]!) || atoms[i + 1]!.glue))
    ) {
      const body = trimEnd(atoms.slice(start, i));
      lines.push({ atoms: body, hung: next, width: contentWidth(body), last: i + 1 >= atoms.length });
      start = i + 1;
      if (i + 1 >= atoms.length) break;
      continue;
    }
    let b = i;
    while (b > start && (noStart(atoms[b]!) || noEnd(atoms[b - 1]!) || atoms[b]!.glue)) b--;
    if (b === start) b = i; // no legal break on this line: break where it overflows rather than never
    const body = trimEnd(atoms.slice(start, b));
    lines.push({ atoms: body, hung: null, width: contentWidth(body), last: false });
    start = b;
  }
  if (lines.length === 0) lines.push({ atoms: [], hung: null, width: 0, last: true });
  lines[lines.length - 1]!.last = true;
  return lines;
}

/** The text of a line as it reads (for tests and text extraction checks). */
export function lineText(line: Line<unknown>): string {
  return line.atoms.map((a) => a.text).join('') + (line.hung ? line.hung.text : '');
}
