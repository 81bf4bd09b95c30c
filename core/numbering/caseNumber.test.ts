import { describe, expect, it } from 'vitest';
import { formatCaseNumber, normaliseCaseNumber, parseCaseNumber } from './caseNumber';
import { courtCodeProblem, courtLevel, isCourtCode, normaliseCourtCode } from './courtCode';
import { formatRegisterNumber, registerPatternProblem } from './registerNumber';

describe('法院代字 (court codes)', () => {
  it.each(['浙', '浙05', '浙0522', '京73', '内0102', '兵0101', '粤0305'])('accepts %s', (code) => {
    expect(isCourtCode(code)).toBe(true);
    expect(courtCodeProblem(code)).toBeNull();
  });
  it.each(['', 'X0522', '浙052', '浙05222', '0522', '浙0522民', 'zhe0522', '蒙0102'])('refuses %s with a Chinese reason', (code) => {
    expect(isCourtCode(code)).toBe(false);
    expect(courtCodeProblem(code)).toMatch(/法院代字/);
  });
  it('reads full-width digits and knows the level', () => {
    expect(normaliseCourtCode(' 浙０５２２ ')).toBe('浙0522');
    expect(courtLevel('浙0522')).toBe('basic');
    expect(courtLevel('浙05')).toBe('intermediate');
    expect(courtLevel('浙')).toBe('high');
  });
});

describe('案号 format and parse', () => {
  it('formats with full-width brackets', () => {
    expect(formatCaseNumber({ year: 2026, courtCode: '浙0522', specialCode: '', typeCode: '民初', serial: 1234 })).toBe(
      '（2026）浙0522民初1234号',
    );
  });
  it.each([
    ['（2026）浙0522民初1234号', { year: 2026, courtCode: '浙0522', specialCode: '', typeCode: '民初', serial: 1234 }],
    ['(2026)浙0522民特12号', { year: 2026, courtCode: '浙0522', specialCode: '', typeCode: '民特', serial: 12 }],
    ['（２０２６）浙0522执保３号', { year: 2026, courtCode: '浙0522', specialCode: '', typeCode: '执保', serial: 3 }],
    ['(2026) 浙0522 执 5', { year: 2026, courtCode: '浙0522', specialCode: '', typeCode: '执', serial: 5 }],
    ['（2023）浙0522民诉前调88号', { year: 2023, courtCode: '浙0522', specialCode: '', typeCode: '民诉前调', serial: 88 }],
    ['（2026）浙0522知民初1号', { year: 2026, courtCode: '浙0522', specialCode: '知', typeCode: '民初', serial: 1 }],
    ['（2026）浙05民终7号', { year: 2026, courtCode: '浙05', specialCode: '', typeCode: '民终', serial: 7 }],
    ['（2026）浙0522财保9号', { year: 2026, courtCode: '浙0522', specialCode: '', typeCode: '财保', serial: 9 }],
  ])('parses %s', (text, parts) => {
    expect(parseCaseNumber(text)).toEqual(parts);
  });
  it.each(['2026浙0522民初1号', '（2026）X0522民初1号', '（2026）浙0522刑初1号', '（2026）浙0522民初0号', '（2026）浙0522民初号', ''])(
    'rejects %s',
    (text) => {
      expect(parseCaseNumber(text)).toBeNull();
    },
  );
  it('normalises half-width input to the printed form', () => {
    expect(normaliseCaseNumber('(2026)浙0522民初1234号')).toBe('（2026）浙0522民初1234号');
  });
});

describe('centre register numbers', () => {
  it('formats the default pattern with a padded serial', () => {
    expect(formatRegisterNumber('调登〔{year}〕{serial:4}', { year: 2026, court: '浙0522', serial: 1 })).toBe('调登〔2026〕0001');
    expect(formatRegisterNumber('{court}调{year}-{serial}', { year: 2026, court: '浙0522', serial: 12 })).toBe('浙0522调2026-12');
  });
  it.each([
    ['', /不能为空/],
    ['调登〔{year}〕', /序号占位符/],
    ['调登{serial}', /年度占位符/],
    ['调登〔{year}〕{serial}{serial:3}', /只包含一个序号/],
    ['调登〔{year}〕{serial}{foo}', /未知占位符 \{foo\}/],
  ])('refuses pattern %j', (pattern, reason) => {
    expect(registerPatternProblem(pattern)).toMatch(reason);
  });
});
