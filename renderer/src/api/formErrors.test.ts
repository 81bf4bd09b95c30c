import { describe, expect, it } from 'vitest';
import { ApiCallError } from './client';
import { splitFieldErrors } from './formErrors';

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
    const elsewhere = new ApiCallError(400, { code: 'VALIDATION', message: '不支持的字段：x', issues: [{ field: '', message: '不支持的字段：x' }] });
    expect(splitFieldErrors(elsewhere, fields).rest).toBe('不支持的字段：x');
    expect(splitFieldErrors(new Error('boom'), fields).rest).toBe('操作未完成：boom');
  });
});
