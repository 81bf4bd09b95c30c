import { describe, expect, it } from 'vitest';
import { atomize, breakLines, lineText, NO_END, NO_START, protectedSpans, type Atom } from './linebreak';

/** Every CJK character 1 wide, Latin characters ½, spaces ¼: a line of width 10 holds 10 ideographs. */
const measure = (text: string, _style: null, kind: string) =>
  kind === 'space' ? 0.25 : [...text].reduce((w, c) => w + (kind === 'cjk' ? 1 : c.charCodeAt(0) < 128 ? 0.5 : 1), 0);
const split = (a: Atom<null>) => [...a.text].map((c) => ({ text: c, kind: 'word' as const, style: null, width: 0.5 }));

function wrap(text: string, width = 10, hang = true, first = width) {
  const atoms = atomize([{ text, style: null }], measure);
  return breakLines(atoms, first, width, { hangPunctuation: hang, split }).map(lineText);
}

describe('line breaking with 禁则', () => {
  it('fills lines of ideographs exactly', () => {
    expect(wrap('一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑')).toEqual(['一二三四五六七八九十', '甲乙丙丁戊己庚辛壬癸', '子丑']);
  });

  it('never starts a line with a closing mark: it hangs one mark …', () => {
    const lines = wrap('一二三四五六七八九十，甲乙丙');
    expect(lines).toEqual(['一二三四五六七八九十，', '甲乙丙']);
  });

  it('… or, without hanging or with two marks, pushes the last character down with it', () => {
    expect(wrap('一二三四五六七八九十，甲乙丙', 10, false)).toEqual(['一二三四五六七八九', '十，甲乙丙']);
    expect(wrap('一二三四五六七八九十。”甲乙丙')).toEqual(['一二三四五六七八九', '十。”甲乙丙']);
    expect(wrap('一二三四五六七八九十）。甲乙丙')).toEqual(['一二三四五六七八九', '十）。甲乙丙']);
  });

  it('never ends a line with an opening mark', () => {
    expect(wrap('一二三四五六七八九《民法典》')).toEqual(['一二三四五六七八九', '《民法典》']);
    expect(wrap('一二三四五六七八九“十甲')).toEqual(['一二三四五六七八九', '“十甲']);
    expect(wrap('一二三四五六七八九（一）')).toEqual(['一二三四五六七八九', '（一）']);
  });

  it('keeps a number, an ID number and a date in Arabic numerals whole', () => {
    expect(wrap('金额一二三四五1,234.50元')).toEqual(['金额一二三四五', '1,234.50元']);
    const id = wrap('公民身份号码330522198005011234。', 12);
    expect(id).toEqual(['公民身份号码', '330522198005011234。']);
    expect(wrap('于一二三四五六七2026-11-23日')).toEqual(['于一二三四五六七', '2026-11-23日']);
  });

  it('moves a long number (an ID number) whole to the next line, never splitting it at the line end', () => {
    // 33052219⏎8503121233 was the bug: the number would have fitted in part
    const lines = wrap('住某县某路8号，公民身份号码330522198503121233。', 12);
    expect(lines).toEqual(['住某县某路8号，公民身份', '号码330522198503121233。']);
    expect(lines.some((l) => l.includes('330522198503121233'))).toBe(true);
    for (const l of lines) expect(l).not.toMatch(/\d$/);
    expect(wrap('一二三四五六七八九2026年')).toEqual(['一二三四五六七八九', '2026年']);
  });

  it('never breaks inside a 案号, a date or an amount with its unit: they move whole', () => {
    // each would split at width 10 after 一二三四五六 (6 wide): the span moves down and the line is left short
    const cases = ['（2026）浙0522民初1234号', '2026年11月3日', '10月30日', '二〇二六年十一月二十三日', '3,300.00元', '15万元'];
    for (const span of cases) {
      for (let lead = 1; lead <= 9; lead++) {
        const text = `${'一二三四五六七八九'.slice(0, lead)}${span}，甲乙。`;
        const lines = wrap(text, 12);
        expect(lines.join('')).toBe(text);
        expect(
          lines.some((l) => l.includes(span)),
          `${span} after ${lead}: ${lines.join(' | ')}`,
        ).toBe(true);
      }
    }
    // a span wider than a line still breaks (somewhere) rather than never
    expect(wrap('二〇二六年十一月二十三日', 6).join('')).toBe('二〇二六年十一月二十三日');
  });

  it('finds the protected spans', () => {
    const text = '本院（2026）浙0522民初354号案，于2026年11月3日、二〇二六年十一月三日交纳3,300.00元。';
    expect(protectedSpans(text).map(([a, b]) => text.slice(a, b))).toEqual([
      '（2026）浙0522民初354号',
      '2026年11月3日',
      '二〇二六年十一月三日',
      '3,300.00元',
    ]);
  });

  it('splits a word only when it is wider than a line', () => {
    const lines = wrap('ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF', 10);
    expect(lines[0]).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(lines.join('')).toBe('ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF');
  });

  it('does not split —— or ……', () => {
    expect(wrap('一二三四五六七八九——十')).toEqual(['一二三四五六七八九', '——十']);
    expect(wrap('一二三四五六七八九……')).toEqual(['一二三四五六七八九', '……']);
  });

  it('breaks Latin text at spaces and drops the space at the break', () => {
    expect(wrap('court desk ABCD EFGH', 5)).toEqual(['court desk', 'ABCD EFGH']);
  });

  it('honours a narrower first line (first-line indent)', () => {
    expect(wrap('一二三四五六七八九十甲乙', 10, true, 8)).toEqual(['一二三四五六七八', '九十甲乙']);
  });

  it('no line of a long paragraph starts with a forbidden mark or ends with an opening one', () => {
    const text =
      '申请人张三、长兴某某有限公司于2026年11月2日向本院申请司法确认，本院于同日立案后，依法由审判员王五进行了审查。“现已审查终结。”申请人因买卖合同纠纷，于2026年10月28日经长兴县雉城街道人民调解委员会主持调解，达成了如下调解协议：一、被申请人于2026年12月31日前支付货款人民币33,000.00元（大写：叁万叁仟元整）；二、《买卖合同》解除。';
    for (const width of [7, 8, 9, 10, 11, 12, 13, 17, 28]) {
      for (const hang of [true, false]) {
        const lines = wrap(text, width, hang);
        expect(lines.join('')).toBe(text);
        for (const [i, l] of lines.entries()) {
          if (i > 0) expect(NO_START.has(l[0]!), `line ${i} at width ${width}: ${l}`).toBe(false);
          if (i < lines.length - 1) expect(NO_END.has(l[l.length - 1]!), `line ${i} at width ${width}: ${l}`).toBe(false);
        }
      }
    }
  });
});
