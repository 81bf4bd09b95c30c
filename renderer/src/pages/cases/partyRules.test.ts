import { describe, expect, it } from 'vitest';
import { residentIdCheckChar, usccCheckChar } from '../../../../core/parties/identity';
import { formatDateCn, linkLabel, personName } from '../../cases/labels';
import { idNumberRules, idProblem, residentIdSummary } from './partyRules';

const TODAY = '2026-11-23';
const id = (first17: string) => first17 + residentIdCheckChar(first17);

/** Runs the rules that fire on a trigger (undefined = all, as on save) in order, stopping at the first failure. */
async function check(idType: string, value: string, trigger?: 'onChange' | 'onBlur'): Promise<string | null> {
  const form = { getFieldValue: () => idType };
  for (const r of idNumberRules(['idType'], TODAY)) {
    const rule = (typeof r === 'function' ? r(form as never) : r) as {
      validator: (rule: unknown, v: unknown) => Promise<void>;
      validateTrigger?: string[];
    };
    if (trigger && !rule.validateTrigger?.includes(trigger)) continue;
    try {
      await rule.validator({}, value);
    } catch (err) {
      return (err as Error).message;
    }
  }
  return null;
}

describe('ID number rules', () => {
  it('while typing: only certain problems (bad characters, a complete number that is wrong)', async () => {
    expect(await check('resident', '3305221990', 'onChange')).toBeNull();
    expect(await check('resident', '33052219900A', 'onChange')).toBe('身份证号码前 17 位须为数字，最后一位为数字或 X');
    const good = id('33052219900307123');
    const wrong = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(await check('resident', wrong, 'onChange')).toBe(`身份证号码校验位错误（最后一位应为 ${good[17]}），请核对`);
    expect(await check('resident', id('33052220300101123'), 'onChange')).toBe('身份证号码中的出生日期 2030-01-01 晚于今天');
    expect(await check('uscc', '9135O1', 'onChange')).toBe('统一社会信用代码不使用字母 I、O、Z、S、V（含有“O”），请核对');
    expect(await check('uscc', '913501', 'onChange')).toBeNull();
  });

  it('on leaving the field or saving: everything, including a short number and a missing one', async () => {
    expect(await check('resident', '3305221990', 'onBlur')).toBe('身份证号码应为 18 位（现为 10 位）');
    expect(await check('resident', '')).toBe('请填写居民身份证号码，或将证件类型选为“无（暂缺）”');
    expect(await check('none', '')).toBeNull();
    expect(await check('passport', 'E1234')).toBeNull();
    expect(await check('hkMacauPermit', 'X12345678')).toBe('港澳居民来往内地通行证号码格式不正确（应为H 或 M 开头加 8–10 位数字）');
    const uscc = '91350100M000100Y4' + usccCheckChar('91350100M000100Y4');
    expect(await check('uscc', uscc)).toBeNull();
    expect(idProblem('uscc', '91350100M000100Y43', TODAY)).toBeNull();
  });

  it('a valid resident ID tells sex and birth date', () => {
    expect(residentIdSummary(id('33052219900307123'), TODAY)).toBe('男 · 1990-03-07 出生');
    expect(residentIdSummary(id('33052219880512246'), TODAY)).toBe('女 · 1988-05-12 出生');
    expect(residentIdSummary('330522198805122', TODAY)).toBeNull();
  });
});

describe('labels', () => {
  it('dates in Chinese, actor names without the user name, link directions', () => {
    expect(formatDateCn('2026-01-05')).toBe('2026年1月5日');
    expect(personName('王立案（lian01）')).toBe('王立案');
    expect(linkLabel('converted', 'to')).toBe('转立案至');
    expect(linkLabel('converted', 'from')).toBe('转立案自');
    expect(linkLabel('related', 'from')).toBe('关联案件');
  });
});
