import { describe, expect, it } from 'vitest';
import { formatFen, formatYuan, parseYuan } from './money';

describe('parseYuan', () => {
  it('converts yuan text to integer fen exactly', () => {
    expect(parseYuan('150000.5')).toEqual({ ok: true, fen: 15000050 });
    expect(parseYuan('150000.50')).toEqual({ ok: true, fen: 15000050 });
    expect(parseYuan('0.07')).toEqual({ ok: true, fen: 7 });
    expect(parseYuan('.5')).toEqual({ ok: true, fen: 50 });
    expect(parseYuan('1.')).toEqual({ ok: true, fen: 100 });
    expect(parseYuan('1,234,567.89')).toEqual({ ok: true, fen: 123456789 });
    expect(parseYuan('１２３．４５')).toEqual({ ok: true, fen: 12345 });
    expect(parseYuan(' ￥88 ')).toEqual({ ok: true, fen: 8800 });
    // where floating point would go wrong: 0.29 * 100 = 28.999999999999996, 1.005 * 100 = 100.49999999999999
    expect(parseYuan('0.29')).toEqual({ ok: true, fen: 29 });
    expect(parseYuan('4.35')).toEqual({ ok: true, fen: 435 });
    expect(parseYuan('9999999999999.99')).toEqual({ ok: true, fen: 999999999999999 });
  });

  it('treats an empty field as no amount', () => {
    expect(parseYuan('')).toEqual({ ok: true, fen: undefined });
    expect(parseYuan('  ')).toEqual({ ok: true, fen: undefined });
    expect(parseYuan(undefined)).toEqual({ ok: true, fen: undefined });
  });

  it('refuses negatives, more than two decimals, non-numbers and huge amounts', () => {
    expect(parseYuan('-100')).toEqual({ ok: false, message: '争议金额不能为负数' });
    expect(parseYuan('－100')).toEqual({ ok: false, message: '争议金额不能为负数' });
    expect(parseYuan('1.005')).toEqual({ ok: false, message: '争议金额最多两位小数（到分）' });
    expect(parseYuan('12a')).toMatchObject({ ok: false, message: expect.stringContaining('应为数字') });
    expect(parseYuan('.')).toMatchObject({ ok: false });
    expect(parseYuan('1e5')).toMatchObject({ ok: false });
    expect(parseYuan('10000000000000.01')).toEqual({ ok: false, message: '争议金额过大' });
  });
});

describe('formatFen', () => {
  it('formats fen as yuan with separators', () => {
    expect(formatFen(15000050)).toBe('￥150,000.50');
    expect(formatFen(7)).toBe('￥0.07');
    expect(formatFen(0)).toBe('￥0.00');
    expect(formatFen(null)).toBe('—');
    expect(formatYuan(123456789)).toBe('1,234,567.89');
  });
});
