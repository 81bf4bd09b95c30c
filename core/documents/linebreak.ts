/**
 * Line breaking for Chinese text with 禁则 (kinsoku), as GB/T 15834 asks: the closing marks (，。、；：？！ and the
 * second half of quotes, brackets and book-title marks) never start a line; the opening half of quotes,
 * brackets and book-title marks never ends one; a dash (——) or an ellipsis (……) is never split; a run of
 * Latin letters or digits (a number, 1,234.50, 2026-11-23) is never split unless it is wider than the line,
 * or it is long (an ID number) and keeping it whole would leave a line stretched by several characters. A closing mark that does not fit may hang into the right margin (one mark at most);
 * otherwise the last character is pushed to the next line with it and the shorter line is justified.
 *
 * Pure functions over "atoms" (a CJK character, a Latin word, a space) with widths given by the caller, so
 * that the rules are tested without fonts.
 */

/** Never at the start of a line. */
export const NO_START = new Set([
  ...'，。、；：？！）］｝〕〉》」』】〗〙〛”’％‰℃°·・～－',
  ...',.;:?!)]}%',
  ...'ー々〻ゝゞ〞〟',
]);

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
  for (const { text, style } of segments) {
    let word = '';
    const flushWord = () => {
      if (word) atoms.push({ text: word, kind: 'word', style, width: measure(word, style, 'word') });
      word = '';
    };
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (ch === ' ' || ch === '\t') {
        flushWord();
        atoms.push({ text: ' ', kind: 'space', style, width: measure(' ', style, 'space') });
      } else if (isCjk(cp)) {
        flushWord();
        const prev = atoms[atoms.length - 1];
        if (UNSPLITTABLE.has(ch) && prev && prev.kind === 'cjk' && prev.style === style && prev.text.endsWith(ch)) {
          prev.text += ch;
          prev.width = measure(prev.text, style, 'cjk');
        } else {
          atoms.push({ text: ch, kind: 'cjk', style, width: measure(ch, style, 'cjk') });
        }
      } else {
        word += ch;
      }
    }
    flushWord();
  }
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
    split?: (atom: Atom<S>) => Atom<S>[];
    /**
     * A word of at least `minChars` characters (an ID number, a phone number) that does not fit is split at the
     * line end when keeping it whole would leave `minRoom` or more of the line empty (to be stretched).
     */
    splitLong?: { minChars: number; minRoom: number };
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
    const long = opts.splitLong;
    if (long && long.minChars > 0 && opts.split && next.kind === 'word' && [...next.text].length >= long.minChars && avail - w >= long.minRoom) {
      const parts = opts.split(next);
      if (parts.length > 1) {
        atoms.splice(i, 1, ...parts);
        continue;
      }
    }
    if (opts.hangPunctuation && noStart(next) && [...next.text].length === 1 && !(atoms[i + 1] && noStart(atoms[i + 1]!))) {
      const body = trimEnd(atoms.slice(start, i));
      lines.push({ atoms: body, hung: next, width: contentWidth(body), last: i + 1 >= atoms.length });
      start = i + 1;
      if (i + 1 >= atoms.length) break;
      continue;
    }
    let b = i;
    while (b > start && (noStart(atoms[b]!) || noEnd(atoms[b - 1]!))) b--;
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
