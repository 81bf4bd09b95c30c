import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHarness } from '../../test/harness';
import { combineOperations, defineOperation } from './contract';
import { classifyDatabaseError } from './dbErrors';
import { renderApiDocs } from './docs';
import { operations } from './operations';

describe('API contract', () => {
  it('refuses two operations with the same name', () => {
    const op = defineOperation({
      name: 'x.y',
      label: '试',
      summary: 's',
      access: 'public',
      input: z.object({}),
      output: z.object({}),
      handler: () => ({}),
    });
    expect(() => combineOperations(op, op)).toThrow(/duplicate API operation name: x.y/);
  });

  it('declares a Chinese label, a Chinese summary and an access rule for every operation', () => {
    for (const op of Object.values(operations)) {
      expect(op.label, op.name).toMatch(/^[\u4e00-\u9fff]/);
      expect(op.summary).toMatch(/[\u4e00-\u9fff]/);
      expect(op.access).toBeDefined();
    }
  });

  it('docs/API.md is generated from the current contract (run `npm run docs:api` after changing it)', () => {
    const file = path.resolve(__dirname, '../../docs/API.md');
    expect(fs.readFileSync(file, 'utf8')).toBe(renderApiDocs());
  });

  it('answers an unknown operation and a non-object input with Chinese errors', async () => {
    const h = createHarness();
    expect(await h.fail('cases.delete', {})).toMatchObject({ code: 'NOT_FOUND', message: '未知的操作：cases.delete' });
    expect(await h.fail('toString', {})).toMatchObject({ code: 'NOT_FOUND' });
    expect(await h.fail('auth.login', 'admin')).toMatchObject({ code: 'VALIDATION', message: '请求内容必须是一个对象' });
    expect(await h.fail('auth.login', { username: 'a' })).toMatchObject({ field: 'password', message: '请填写密码' });
    h.close();
  });
});

describe('database error classification', () => {
  const err = (code: string) => Object.assign(new Error(code), { code });
  it.each([
    ['SQLITE_BUSY', 'DB_BUSY', /数据库正忙/],
    ['SQLITE_FULL', 'DB_FULL', /磁盘空间已满/],
    ['SQLITE_CORRUPT', 'DB_CORRUPT', /数据库文件已损坏/],
    ['SQLITE_NOTADB', 'DB_CORRUPT', /数据库文件已损坏/],
    ['SQLITE_READONLY', 'DB_READONLY', /无法写入/],
    ['SQLITE_CONSTRAINT_UNIQUE', 'CONFLICT', /冲突/],
  ])('%s becomes %s with an actionable message', (sqliteCode, code, message) => {
    const e = classifyDatabaseError(err(sqliteCode))!;
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.message).toMatch(/未保存|冲突/);
  });
  it('leaves other errors alone', () => {
    expect(classifyDatabaseError(new Error('x'))).toBeNull();
  });
});
