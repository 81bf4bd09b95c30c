import { describe, expect, it } from 'vitest';
import { changedPaths } from './generate';

describe('changedPaths: what the person changed in the form', () => {
  it('names the changed leaves by their dotted path', () => {
    const before = { judge: '王五', agreement: { date: '2026-10-28', terms: ['甲', '乙'] }, applicants: [{ name: '张三' }] };
    const after = { judge: '周敏', agreement: { date: '2026-10-28', terms: ['甲', '丙', '丁'] }, applicants: [{ name: '张三 ' }] };
    expect(changedPaths(before, after)).toEqual(['judge', 'agreement.terms.1', 'agreement.terms.2']);
  });
});
