/**
 * Child process for the crash test: creates audited records one by one and prints each serial only after
 * its transaction has committed ("acknowledged"). The parent kills it with SIGKILL mid-stream.
 */
import { createCore } from '../core';
import { appendAudit } from '../core/audit/log';
import { writeTransaction } from '../core/audit/transaction';
import { allocateCaseNumber } from '../core/numbering/allocate';

const core = createCore({ file: process.argv[2]! });
for (;;) {
  const n = writeTransaction(core, (tx) => {
    const allocated = allocateCaseNumber(tx, { courtCode: '浙0522', typeCode: '民初', receivedOn: '2026-11-23' });
    appendAudit(tx, core, {
      actorId: null,
      actorName: 'crash-test',
      operation: 'test.create',
      entityType: 'case',
      entityId: allocated.text,
      after: allocated,
    });
    return allocated;
  });
  process.stdout.write(`${n.serial}\n`);
}
