/**
 * Child process for the two-process numbering test: allocates N case numbers, each in its own write
 * transaction on the shared database file, and prints the serials it got as one JSON line.
 */
import { createCore, closeCore } from '../core';
import { allocateCaseNumber } from '../core/numbering/allocate';
import { writeTransaction } from '../core/audit/transaction';

const [file, countText, typeCode] = process.argv.slice(2);
const core = createCore({ file: file! });
const serials: number[] = [];
for (let i = 0; i < Number(countText); i++) {
  const n = writeTransaction(core, (tx) => allocateCaseNumber(tx, { courtCode: '浙0522', typeCode: typeCode!, receivedOn: '2026-11-23' }));
  serials.push(n.serial);
}
closeCore(core);
process.stdout.write(`${JSON.stringify(serials)}\n`);
