import { closeCore, createCore } from '../core';
import { dispatch } from '../core/api/dispatcher';
import { appendAudit } from '../core/audit/log';
import { writeTransaction } from '../core/audit/transaction';
import { verifyDatabase } from '../core/audit/verify';
import { hashPassword, PRODUCTION_COST, verifyPassword } from '../core/auth/password';
import { allocateCaseNumber } from '../core/numbering/allocate';
import { fmt, heading, percentile, row, time, timeAsync, tmpDataDir } from './util';

/**
 * Foundation figures: what one committed record costs on disk with synchronous=FULL, how fast the audit
 * chain verifies, the password hash cost, and the dispatcher's own overhead.
 */
export async function benchFoundation(opts: { auditRows: number }): Promise<void> {
  heading('Foundation (file database, WAL, synchronous=FULL)');
  const core = createCore({ dataDir: tmpDataDir('foundation') });

  // 1. 案号 allocation + audit row, one transaction each, as a counter saves one case at a time.
  const perTx: number[] = [];
  for (let i = 0; i < 300; i++) {
    perTx.push(
      time(() =>
        writeTransaction(core, (tx) => {
          const n = allocateCaseNumber(tx, { courtCode: '浙0522', typeCode: '民初', receivedOn: '2026-11-23' });
          appendAudit(tx, core, {
            actorId: 1,
            actorName: 'bench',
            operation: 'bench.allocate',
            entityType: 'case',
            entityId: n.text,
            after: n,
          });
          return n;
        }),
      ).ms,
    );
  }
  perTx.sort((a, b) => a - b);
  row('allocate 案号 + audit row, one fsync’d tx each: p50', `${fmt(percentile(perTx, 50))} ms`);
  row('                                              p95', `${fmt(percentile(perTx, 95))} ms`);

  // 2. The same work batched in one transaction shows the cost is the durable commit, not the SQL.
  const batch = time(() =>
    writeTransaction(core, (tx) => {
      for (let i = 0; i < 300; i++) {
        const n = allocateCaseNumber(tx, { courtCode: '浙0522', typeCode: '民特', receivedOn: '2026-11-23' });
        appendAudit(tx, core, {
          actorId: 1,
          actorName: 'bench',
          operation: 'bench.allocate',
          entityType: 'case',
          entityId: n.text,
          after: n,
        });
      }
    }),
  );
  const perRecordBatched = batch.ms / 300;
  row('same, 300 in one transaction: per record', `${fmt(perRecordBatched, 3)} ms`);
  row('ratio: per-record commit / batched', `${fmt(percentile(perTx, 50) / perRecordBatched, 1)}×`);

  // 3. Audit chain verification throughput.
  writeTransaction(core, (tx) => {
    for (let i = 0; i < opts.auditRows; i++) {
      appendAudit(tx, core, {
        actorId: 1,
        actorName: '李书记（clerk1）',
        operation: 'cases.update',
        entityType: 'case',
        entityId: i,
        before: { status: '登记', amountFen: i * 100 },
        after: { status: '调解中', amountFen: i * 100 },
      });
    }
  });
  const verified = time(() => verifyDatabase(core.sqlite));
  row(
    `verify integrity + chain of ${verified.value.auditRows.toLocaleString()} audit rows`,
    `${fmt(verified.ms, 0)} ms (${verified.value.ok ? 'ok' : 'BROKEN'})`,
  );
  row('  audit rows verified per second', fmt((verified.value.auditRows / verified.ms) * 1000, 0));

  // 4. Password hashing at the production cost (scrypt N=2^15, r=8).
  const hashed = await timeAsync(() => hashPassword('Court2026ok', PRODUCTION_COST));
  const verifiedPw = await timeAsync(() => verifyPassword('Court2026ok', hashed.value));
  row('scrypt hash / verify at production cost', `${fmt(hashed.ms, 0)} ms / ${fmt(verifiedPw.ms, 0)} ms`);

  // 5. Dispatcher overhead on a public read.
  const n = 5000;
  const d = await timeAsync(async () => {
    for (let i = 0; i < n; i++) await dispatch(core, 'setup.status', undefined, { client: { transport: 'test' } });
  });
  row('dispatch setup.status (validate + handler)', `${fmt((d.ms * 1000) / n, 1)} µs per call`);
  closeCore(core);
}
