import { describe, expect, it } from 'vitest';
import { changedKeys } from './pages/admin/AuditDetails';
import { entityLabel } from './labels';
import { formatDateTime } from './format';

describe('formatting at the edge', () => {
  it('shows +08:00 times as court time whatever the desk time zone', () => {
    expect(formatDateTime('2026-11-23T23:59:30.123+08:00')).toBe('2026-11-23 23:59');
    expect(formatDateTime('2026-11-23T08:05:00+08:00', true)).toBe('2026-11-23 08:05:00');
    expect(formatDateTime(null)).toBe('—');
  });

  it('names audit objects readably', () => {
    expect(entityLabel('user', '12')).toBe('用户 #12');
    expect(entityLabel('court', '浙0522')).toBe('法院 浙0522');
    expect(entityLabel('settings', 'court')).toBe('本院设置');
    expect(entityLabel('user', null)).toBe('用户');
  });

  it('finds the fields an audit record changed', () => {
    expect(changedKeys({ a: 1, b: [1, 2], c: 'x' }, { a: 1, b: [1, 3], d: true })).toEqual(['b', 'c', 'd']);
    expect(changedKeys(null, { a: 1 })).toEqual([]);
  });
});
