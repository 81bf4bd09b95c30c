import { describe, expect, it } from 'vitest';
import { areas } from '../../core/areas';
import { OPERATION_OPTIONS } from './auditOperations';

describe('the audit page’s operation filter', () => {
  it('offers every operation and audit event of every area by its Chinese label', () => {
    const offered = new Map(OPERATION_OPTIONS.map((o) => [o.value, o.label]));
    for (const area of areas) {
      for (const op of area.operations) expect(offered.get(op.name), op.name).toBe(`${op.label}（${op.name}）`);
      for (const [name, label] of Object.entries(area.auditEvents ?? {})) expect(offered.get(name), name).toBe(`${label}（${name}）`);
    }
    // the operations named in issue 9 that the hand-kept list had missed
    for (const name of ['system.log', 'documents.uploadFont', 'audit.verifyProgress']) expect(offered.has(name), name).toBe(true);
  });
});
