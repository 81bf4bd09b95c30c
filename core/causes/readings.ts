import { lazyModule } from '../lazyModule';

const pinyinPro = lazyModule<typeof import('pinyin-pro')>('pinyin-pro');

/** Pinyin readings of cause names for search, and the text normalization search and lookups share. */

/**
 * Readings pinyin-pro gets wrong in cause names (checked over every name of the 2025 catalogue).
 * The corrected reading is used; the library's reading is still indexed for search.
 */
const READING_FIXES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['行纪', ['hang', 'ji']],
  ['重作', ['chong', 'zuo']],
];

export const HAN = /\p{Script=Han}/u;

/** Marks a syllable start in Reading.syllables; never part of a normalized query. */
export const SYLLABLE_MARK = '|';

export interface Reading {
  pinyin: string;
  initials: string;
  /**
   * The pinyin with a separator before every syllable ("|min|jian|jie|dai|jiu|fen"): a pinyin substring
   * must start on a syllable, so search looks for "|" + query.
   */
  syllables: string;
  /** bit i set when letter a+i occurs in the pinyin: a query with other letters cannot match */
  letters: number;
}

export interface Readings {
  pinyin: string;
  initials: string;
  /** every reading to match against: the corrected one first */
  alternates: Reading[];
}

export function readingsOf(name: string): Readings {
  const han = [...name].filter((ch) => HAN.test(ch)).join('');
  const base = han ? pinyinPro().pinyin(han, { type: 'array', toneType: 'none', v: true }) : [];
  const fixed = [...base];
  for (const [word, syllables] of READING_FIXES) {
    for (let at = han.indexOf(word); at !== -1; at = han.indexOf(word, at + 1)) {
      syllables.forEach((s, i) => (fixed[at + i] = s));
    }
  }
  const reading = (syllables: string[]): Reading => {
    const lower = syllables.map((s) => s.toLowerCase());
    return {
      pinyin: lower.join(''),
      initials: lower.map((s) => s.charAt(0)).join(''),
      syllables: lower.map((x) => `${SYLLABLE_MARK}${x}`).join(''),
      letters: letterMask(lower.join('')),
    };
  };
  const primary = reading(fixed);
  const library = reading(base);
  const alternates = library.pinyin === primary.pinyin ? [primary] : [primary, library];
  return { ...primary, alternates };
}

/** NFKC (full-width digits and brackets become ASCII), lower case, without spaces and punctuation. */
export function normalizeCauseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** A 26-bit set of the letters a–z in a lower-case string. */
export function letterMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - 97;
    if (c >= 0 && c < 26) mask |= 1 << c;
  }
  return mask;
}
