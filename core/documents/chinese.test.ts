import { describe, expect, it } from 'vitest';
import { amountInWords, arabicDate, articleNo, chineseDate, itemNumber, yuan } from './chinese';

describe('chineseDate', () => {
  it.each([
    ['2026-11-23', '二〇二六年十一月二十三日'],
    ['2026-01-01', '二〇二六年一月一日'],
    ['2026-10-10', '二〇二六年十月十日'],
    ['2026-12-20', '二〇二六年十二月二十日'],
    ['2026-03-31', '二〇二六年三月三十一日'],
    ['2000-02-29', '二〇〇〇年二月二十九日'],
    ['2030-07-19', '二〇三〇年七月十九日'],
  ])('%s → %s', (iso, expected) => {
    expect(chineseDate(iso)).toBe(expected);
    expect(chineseDate(iso)).not.toMatch(/[零○0-9]/); // 〇 is U+3007, never 零 or ○ (U+25CB)
  });
  it('refuses impossible dates and other formats', () => {
    expect(() => chineseDate('2026-02-29')).toThrow(/不存在/);
    expect(() => chineseDate('2026-2-3')).toThrow(/YYYY-MM-DD/);
  });
  it('Arabic dates in the text are unpadded', () => {
    expect(arabicDate('2026-11-03')).toBe('2026年11月3日');
  });
});

describe('articleNo', () => {
  it.each([
    [205, '第二百零五条'],
    [206, '第二百零六条'],
    [10, '第十条'],
    [11, '第十一条'],
    [20, '第二十条'],
    [100, '第一百条'],
    [110, '第一百一十条'],
    [115, '第一百一十五条'],
    [358, '第三百五十八条'],
    [1000, '第一千条'],
    [1010, '第一千零一十条'],
    [1185, '第一千一百八十五条'],
    ['85', '第八十五条'],
  ])('%s → %s', (n, expected) => expect(articleNo(n)).toBe(expected));
  it('refuses zero, negatives and fractions', () => {
    for (const bad of [0, -1, 1.5, 'x']) expect(() => articleNo(bad)).toThrow();
  });
});

describe('amountInWords (integer fen, banking rules)', () => {
  it.each([
    [330000, '人民币叁仟叁佰元整'],
    [123450, '人民币壹仟贰佰叁拾肆元伍角'],
    [100005, '人民币壹仟元零伍分'],
    [0, '人民币零元整'],
    [5, '人民币伍分'],
    [10, '人民币壹角'],
    [55, '人民币伍角伍分'],
    [100, '人民币壹元整'],
    [1000, '人民币壹拾元整'],
    [10000000, '人民币壹拾万元整'], // nzh drops 整 for "100000.00"
    [10001000, '人民币壹拾万零壹拾元整'],
    [100100000, '人民币壹佰万壹仟元整'],
    [168032, '人民币壹仟陆佰捌拾元叁角贰分'], // 元 digit 0, 角 not 0: 零 optional; we follow nzh (none)
    [600714, '人民币陆仟零柒元壹角肆分'],
    [32504, '人民币叁佰贰拾伍元零肆分'],
    [140950, '人民币壹仟肆佰零玖元伍角'],
    [10000000000, '人民币壹亿元整'],
    [123456789012, '人民币壹拾贰亿叁仟肆佰伍拾陆万柒仟捌佰玖拾元壹角贰分'],
  ])('%i fen → %s', (fen, expected) => expect(amountInWords(fen)).toBe(expected));
  it('refuses fractions of a fen and negatives', () => {
    for (const bad of [1.5, -1, Number.NaN, Number.MAX_SAFE_INTEGER + 2]) expect(() => amountInWords(bad)).toThrow(/分/);
  });
  it('prefix can be left out', () => expect(amountInWords(330000, { prefix: '' })).toBe('叁仟叁佰元整'));
});

describe('yuan', () => {
  it.each([
    [123450, '￥1,234.50'],
    [0, '￥0.00'],
    [5, '￥0.05'],
    [100000000, '￥1,000,000.00'],
    [99, '￥0.99'],
  ])('%i fen → %s', (fen, expected) => expect(yuan(fen)).toBe(expected));
});

describe('itemNumber', () => {
  it('writes the four heading levels', () => {
    expect([itemNumber(1, '一、'), itemNumber(12, '（一）'), itemNumber(3, '1.'), itemNumber(4, '（1）')]).toEqual([
      '一、',
      '（十二）',
      '3.',
      '（4）',
    ]);
  });
});
