import { describe, expect, it } from 'vitest';
import { changedKeys } from './pages/admin/AuditDetails';
import { OPERATION_OPTIONS } from './auditOperations';
import { formatDateTime } from './format';

describe('formatting at the edge', () => {
  it('shows +08:00 times as court time whatever the desk time zone', () => {
    expect(formatDateTime('2026-11-23T23:59:30.123+08:00')).toBe('2026-11-23 23:59');
    expect(formatDateTime('2026-11-23T08:05:00+08:00', true)).toBe('2026-11-23 08:05:00');
    expect(formatDateTime(null)).toBe('—');
  });

  it('offers every operation by its Chinese label in the audit filter', () => {
    expect(OPERATION_OPTIONS.find((o) => o.value === 'relief.act')?.label).toBe('审批司法救助申请（relief.act）');
    for (const o of OPERATION_OPTIONS) expect(o.label).toMatch(/^[\u4e00-\u9fff]/);
  });

  it('finds the fields an audit record changed', () => {
    expect(changedKeys({ a: 1, b: [1, 2], c: 'x' }, { a: 1, b: [1, 3], d: true })).toEqual(['b', 'c', 'd']);
    expect(changedKeys(null, { a: 1 })).toEqual([]);
  });
});
