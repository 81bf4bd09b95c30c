import { describe, expect, it } from 'vitest';
import { ApiCallError } from './client';
import { placeIssue, splitFieldErrors, toNamePath } from './formErrors';

const fields = new Set(['username', 'password', 'roles']);

describe('splitFieldErrors', () => {
  it('puts each issue on its field, array items on the array field', () => {
    const err = new ApiCallError(400, {
      code: 'VALIDATION',
      message: '用户名不能为空',
      field: 'username',
      issues: [
        { field: 'username', message: '用户名不能为空' },
        { field: 'roles.1', message: '角色不是有效的选项' },
      ],
    });
    const { byField, rest } = splitFieldErrors(err, fields);
    expect(Object.fromEntries(byField)).toEqual({ username: ['用户名不能为空'], roles: ['角色不是有效的选项'] });
    expect(rest).toBeNull();
  });

  it('a conflict with a field goes on the field; issues without one are left for the alert', () => {
    const conflict = new ApiCallError(409, { code: 'CONFLICT', message: '用户名“a”已被使用', field: 'username' });
    expect(Object.fromEntries(splitFieldErrors(conflict, fields).byField)).toEqual({ username: ['用户名“a”已被使用'] });

    const mixed = new ApiCallError(409, {
      code: 'CONFLICT',
      message: 'x',
      issues: [
        { field: 'id', message: '不能停用当前登录的本人账户' },
        { field: 'password', message: '密码至少 8 位' },
      ],
    });
    const r = splitFieldErrors(mixed, fields);
    expect([...r.byField.keys()]).toEqual(['password']);
    expect(r.rest).toBe('不能停用当前登录的本人账户');
  });

  it('other errors, and errors naming no known field, become one message', () => {
    const forbidden = new ApiCallError(403, { code: 'FORBIDDEN', message: '无权执行此操作', field: 'username' });
    expect(splitFieldErrors(forbidden, fields)).toEqual({ byField: new Map(), rest: '无权执行此操作' });
    const elsewhere = new ApiCallError(400, {
      code: 'VALIDATION',
      message: '不支持的字段：x',
      issues: [{ field: '', message: '不支持的字段：x' }],
    });
    expect(splitFieldErrors(elsewhere, fields).rest).toBe('不支持的字段：x');
    expect(splitFieldErrors(new Error('boom'), fields).rest).toBe('操作未完成：boom');
  });
});

describe('nested fields (Form.List)', () => {
  const filing = new Set([
    'caseType',
    'parties',
    'parties.0.party.name',
    'parties.0.party.idNumber',
    'parties.1.party.idNumber',
    'parties.1.agents.0.licenseNo',
    'cause',
    'amount',
  ]);

  it('puts each issue on the deepest registered field of its path', () => {
    const err = new ApiCallError(400, {
      code: 'VALIDATION',
      message: '身份证号码校验位错误',
      issues: [
        { field: 'parties.0.party.idNumber', message: '身份证号码校验位错误（最后一位应为 1），请核对' },
        { field: 'parties.1.agents.0.licenseNo', message: '律师代理须填写律师执业证号' },
        { field: 'parties.1.party', message: '请选择已登记的当事人，或填写新当事人信息' },
        { field: 'parties', message: '民事一审案件须至少有 1 名被告' },
        { field: 'cause', message: '请选择案由' },
      ],
    });
    const { byField, rest } = splitFieldErrors(err, filing);
    expect(Object.fromEntries(byField)).toEqual({
      'parties.0.party.idNumber': ['身份证号码校验位错误（最后一位应为 1），请核对'],
      'parties.1.agents.0.licenseNo': ['律师代理须填写律师执业证号'],
      parties: ['请选择已登记的当事人，或填写新当事人信息', '民事一审案件须至少有 1 名被告'],
      cause: ['请选择案由'],
    });
    expect(rest).toBeNull();
  });

  it('maps an API name to the form name through aliases', () => {
    const err = new ApiCallError(400, { code: 'VALIDATION', message: '争议金额不能为负数', field: 'amountFen' });
    expect(Object.fromEntries(splitFieldErrors(err, filing, { amountFen: 'amount' }).byField)).toEqual({ amount: ['争议金额不能为负数'] });
    expect(splitFieldErrors(err, filing).rest).toBe('争议金额不能为负数');
  });

  it('turns dotted paths into name paths with numeric indexes', () => {
    expect(toNamePath('parties.0.party.idNumber')).toEqual(['parties', 0, 'party', 'idNumber']);
    expect(placeIssue('parties.3.party.name', filing)).toBe('parties');
    expect(placeIssue('receivedOn', filing)).toBeUndefined();
  });
});
