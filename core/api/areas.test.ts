import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ADMIN, createHarness, setUpCourt } from '../../test/harness';
import { areas } from '../areas';
import { readSetting } from '../settings';
import { defineArea, defineSettings } from './area';
import { defineOperation } from './contract';
import { registerAreas, registry } from './registry';

const op = (name: string) =>
  defineOperation({ name, label: '试', summary: '试验', access: 'public', input: z.object({}), output: z.object({}), handler: () => ({}) });

describe('areas combined (core/areas.ts)', () => {
  it('registers every area once, with its operations, settings, builders and audit subjects', () => {
    expect(registry.areas.map((a) => a.name)).toEqual(areas.map((a) => a.name));
    expect(registry.settings.get('fees.rounding')?.area).toBe('fees');
    expect(registry.settings.get('court.name')?.area).toBe('court');
    expect([...registry.dataBuilders.keys()]).toEqual(
      expect.arrayContaining(['case-receipt', 'fee-notice', 'relief-decision', 'relief-refusal']),
    );
    expect(registry.auditSubjects.get('case')?.label).toBe('案件');
    expect(registry.labels.get('relief.act')).toBe('审批司法救助申请');
    // registering the same descriptors again (a module loaded twice) changes nothing
    registerAreas(areas);
    expect(registry.areas).toHaveLength(areas.length);
  });

  it.each([
    ['an operation name', { operations: [op('cases.get')] }, /duplicate operation "cases.get": declared by areas cases and extra/],
    [
      'a setting key',
      { operations: [], settings: defineSettings({ 'fees.rounding': { label: '取整', schema: z.string(), default: 'x' } }) },
      /duplicate setting "fees.rounding"/,
    ],
    ['a data builder', { operations: [], dataBuilders: { 'fee-notice': () => ({}) } }, /duplicate data builder "fee-notice"/],
    ['an audit subject', { operations: [], auditSubjects: { case: { label: '案件' } } }, /duplicate audit subject "case"/],
  ])('refuses a second area declaring %s, and registers nothing of it', (_what, parts, message) => {
    const extra = defineArea({ name: 'extra', label: '另一个', ...(parts as { operations: [] }) });
    expect(() => registerAreas([extra])).toThrow(message);
    expect(registry.areas.map((a) => a.name)).not.toContain('extra');
  });

  it('refuses a stored setting that fails its schema, naming the setting in Chinese', async () => {
    const h = createHarness();
    await setUpCourt(h);
    h.core.sqlite
      .prepare(
        `INSERT INTO settings (key, value, updated_at) VALUES ('fees.rounding', '{"unit":"jiao","mode":"half-up"}', '2026-11-23T09:00:00+08:00')`,
      )
      .run();
    expect(() => readSetting(h.core.db, 'fees.rounding')).toThrow(/本院设置“诉讼费取整规则”（fees\.rounding）的存储值无效/);
    const token = (await h.call('auth.login', { username: ADMIN.username, password: ADMIN.password })).token;
    expect(await h.fail('fees.quote', { kind: 'property', amountsFen: [100_000_00] }, token)).toMatchObject({
      code: 'BAD_SETTING',
      message: expect.stringContaining('诉讼费取整规则'),
    });
    h.close();
  });
});
