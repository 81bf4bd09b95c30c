import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { causeForFiling, causeRecordSchema, type CauseInput } from './catalogue';

/** The ApiError body a refused filing gives a caller. */
function refusal(input: CauseInput, receivedOn: string) {
  try {
    causeForFiling(input, receivedOn);
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return (e as ApiError).toBody();
  }
  throw new Error(`accepted ${JSON.stringify(input)} on ${receivedOn}`);
}

describe('causeForFiling', () => {
  it('takes a cause of the revision in force on the receipt date', () => {
    expect(causeForFiling({ revision: '2025', no: '108.3' }, '2026-01-01')).toEqual({
      revision: '2025',
      no: '108.3',
      name: '民间借贷纠纷',
      needsReview: false,
    });
    expect(causeForFiling({ revision: '2025', no: 448 }, '2026-03-02')).toMatchObject({ no: '448', name: '申请司法确认调解协议' });
    expect(causeForFiling({ revision: ' 2025 ', no: ' 126 ' }, '2026-03-02')).toMatchObject({ no: '126', name: '物业服务合同纠纷' });
  });

  it('refuses a number that does not exist in the revision in force', () => {
    expect(refusal({ revision: '2025', no: '515' }, '2026-01-01')).toEqual({
      code: 'VALIDATION',
      message: '案由编号 515 在 2025 年版案由规定中不存在',
      field: 'cause',
      issues: [{ field: 'cause', message: '案由编号 515 在 2025 年版案由规定中不存在' }],
    });
    expect(refusal({ revision: '2025', no: '108.7' }, '2026-01-01').message).toBe('案由编号 108.7 在 2025 年版案由规定中不存在');
    expect(refusal({ revision: '2025', no: 'abc' }, '2026-01-01').message).toBe('案由编号 abc 在 2025 年版案由规定中不存在');
  });

  it('refuses a cause of another revision than the one in force on the receipt date', () => {
    const body = refusal({ revision: '2025', no: '108.3' }, '2025-06-01');
    expect(body).toMatchObject({ code: 'VALIDATION', field: 'cause' });
    expect(body.message).toContain('收案日期 2025-06-01 适用 2020 年版案由规定');
    expect(refusal({ revision: '2025', no: '108.3' }, '2025-12-31').message).toContain('适用 2020 年版案由规定');
    expect(refusal({ revision: '2020', no: '103' }, '2026-01-01').message).toContain('收案日期 2026-01-01 适用 2025 年版案由规定');
  });

  it('takes free text, flagged for review, where no catalogue for the date is shipped', () => {
    expect(causeForFiling({ text: '  民间借贷纠纷 ' }, '2025-06-01')).toEqual({
      revision: '2020',
      no: null,
      name: '民间借贷纠纷',
      needsReview: true,
    });
    expect(causeForFiling({ text: '追索劳动报酬纠纷' }, '2021-01-01')).toMatchObject({ revision: '2020', needsReview: true });
    expect(causeForFiling({ text: '企业名称（商号）　合同纠纷' }, '2023-04-04').name).toBe('企业名称（商号） 合同纠纷');
    // before the 2020 revision no revision is known at all
    expect(causeForFiling({ text: '民间借贷纠纷' }, '2020-12-31')).toEqual({
      revision: null,
      no: null,
      name: '民间借贷纠纷',
      needsReview: true,
    });
    // a number cannot be checked without the catalogue
    expect(refusal({ revision: '2020', no: '103' }, '2025-06-01')).toMatchObject({
      field: 'cause',
      message: expect.stringContaining('请以文字填写案由'),
    });
  });

  it('refuses free text where the catalogue is shipped, unless it is exactly a cause name', () => {
    expect(refusal({ text: '借钱不还' }, '2026-01-01')).toMatchObject({
      code: 'VALIDATION',
      field: 'cause',
      message: expect.stringContaining('收案日期 2026-01-01 适用 2025 年版案由规定，请从案由目录中选择案由'),
    });
    expect(causeForFiling({ text: '民间借贷纠纷' }, '2026-01-01')).toEqual({
      revision: '2025',
      no: '108.3',
      name: '民间借贷纠纷',
      needsReview: false,
    });
    expect(causeForFiling({ text: '企业名称(商号)合同纠纷' }, '2026-01-01')).toMatchObject({ no: '160', name: '企业名称（商号）合同纠纷' });
  });

  it('refuses empty, oversized or malformed input and a bad receipt date', () => {
    expect(refusal({ text: '   ' }, '2025-06-01')).toMatchObject({ field: 'cause', message: '请填写案由' });
    expect(refusal({ text: '纠'.repeat(101) }, '2025-06-01')).toMatchObject({ field: 'cause', message: '案由不能超过 100 个字' });
    expect(refusal({ no: '108' } as unknown as CauseInput, '2026-01-01')).toMatchObject({
      field: 'cause',
      message: '请选择案由或填写案由',
    });
    expect(refusal({ revision: '2025', no: '108', text: 'x' } as unknown as CauseInput, '2026-01-01')).toMatchObject({
      field: 'cause',
      message: '请选择案由或填写案由，二者只能取其一',
    });
    // beyond the input bounds: the same words as the checks within them
    expect(refusal({ text: '纠'.repeat(401) }, '2025-06-01')).toMatchObject({ field: 'cause', message: '案由不能超过 100 个字' });
    expect(refusal({ revision: '2025', no: '1'.repeat(21) }, '2026-01-01')).toMatchObject({
      field: 'cause',
      message: '案由编号或版本无效，请从案由目录中选择案由',
    });
    expect(refusal({ revision: '2025', no: '108' }, '2026-02-30')).toMatchObject({ field: 'receivedOn' });
  });

  it('returns records that pass the stored schema', () => {
    for (const [input, date] of [
      [{ revision: '2025', no: '24.1' }, '2026-05-05'],
      [{ text: '赡养费纠纷' }, '2024-05-05'],
      [{ text: '赡养费纠纷' }, '2019-05-05'],
    ] as const) {
      expect(causeRecordSchema.safeParse(causeForFiling(input, date)).success).toBe(true);
    }
    expect(causeRecordSchema.safeParse({ revision: '2025', no: null, name: 'x', needsReview: false }).success).toBe(false);
    expect(causeRecordSchema.safeParse({ revision: null, no: '108', name: 'x', needsReview: false }).success).toBe(false);
  });
});
