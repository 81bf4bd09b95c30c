import { describe, expect, it } from 'vitest';
import {
  maskIdNumber,
  mobileProblem,
  normaliseIdNumber,
  otherIdProblem,
  phoneProblem,
  residentIdCheckChar,
  residentIdInfo,
  residentIdProblem,
  usccCheckChar,
  usccProblem,
} from './identity';

const TODAY = '2026-11-23';

describe('resident ID (GB 11643)', () => {
  // The standard's own example and numbers whose check characters were computed by hand.
  it.each([
    ['11010519491231002X', '1949-12-31', 'female'],
    ['440524188001010014', '1880-01-01', 'male'],
  ])('computes the check character of the standard example %s', (id) => {
    expect(residentIdCheckChar(id.slice(0, 17))).toBe(id[17]);
  });

  it('accepts a valid number and derives sex and birth date', () => {
    expect(residentIdProblem('11010519491231002X', TODAY)).toBeNull();
    expect(residentIdInfo('11010519491231002X')).toEqual({ divisionCode: '110105', birthDate: '1949-12-31', sex: 'female' });
    const male = `33052219900307123`;
    const id = male + residentIdCheckChar(male);
    expect(residentIdProblem(id, TODAY)).toBeNull();
    expect(residentIdInfo(id).sex).toBe('male');
  });

  it.each([
    ['110105194912310021', /校验位错误（最后一位应为 X）/],
    ['11010519491231002', /应为 18 位/],
    ['1101051949123100AX', /前 17 位须为数字/],
    ['110105194902300020', /出生日期 19490230 不是有效日期/],
    ['330522203001011234', /晚于今天/],
    ['010105194912310020', /行政区划代码不正确/],
  ])('refuses %s', (id, reason) => {
    expect(residentIdProblem(id, TODAY)).toMatch(reason);
  });

  it('normalises spaces, full-width digits and a lower-case x', () => {
    expect(normaliseIdNumber(' 110105 19491231 002x ')).toBe('11010519491231002X');
    expect(normaliseIdNumber('１１０１０５')).toBe('110105');
  });

  it('masks numbers for lists', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});

describe('unified social credit code (GB 32100)', () => {
  // The standard's example (91350100M000100Y43) and two codes of large state-owned companies.
  it.each(['91350100M000100Y43', '91110000100006485K', '911100007109288314'])('accepts %s', (code) => {
    expect(usccProblem(code)).toBeNull();
  });

  it('computes the check character', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it.each([
    ['91350100M000100Y44', /校验位错误/],
    ['9135010OM000100Y43', /不使用字母 I、O、Z、S、V（含有“O”）/],
    ['91350100M000100S43', /含有“S”/],
    ['9135010', /应为 18 位/],
    ['913501AAM000100Y43', /行政区划代码/],
  ])('refuses %s', (code, reason) => {
    expect(usccProblem(code)).toMatch(reason);
  });
});

describe('phones and other IDs', () => {
  it('checks mobiles and landlines', () => {
    expect(mobileProblem('13905721234')).toBeNull();
    expect(mobileProblem('23905721234')).toMatch(/以 1 开头的 11 位/);
    expect(phoneProblem('0572-6021234')).toBeNull();
    expect(phoneProblem('12345')).toMatch(/固定电话/);
  });
  it('checks passports and permits by format only', () => {
    expect(otherIdProblem('passport', 'E12345678')).toBeNull();
    expect(otherIdProblem('hkMacauPermit', 'H12345678')).toBeNull();
    expect(otherIdProblem('hkMacauPermit', 'X12345678')).toMatch(/港澳居民来往内地通行证号码格式不正确/);
    expect(otherIdProblem('taiwanPermit', '12345678')).toBeNull();
  });
});
