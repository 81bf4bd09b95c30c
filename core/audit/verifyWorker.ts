import { parentPort, workerData } from 'node:worker_threads';
import { openForVerify, verifyDatabase } from './verify';
import type { VerifyMessage, VerifyWorkerInput } from './verifyInWorker';

/**
 * The verification worker (built to out/node/verifyWorker.mjs by scripts/node-build.mjs): opens the store
 * read-only on its own connection, runs the full check (integrity_check, chain, every audited record) and
 * posts its progress and report. The host's event loop stays free meanwhile (issue 11 item 3).
 */
const input = workerData as VerifyWorkerInput;
const post = (m: VerifyMessage) => parentPort!.postMessage(m);
const opened = openForVerify(input.dataDir, input.file);
try {
  const report = verifyDatabase(opened.sqlite, {
    seal: opened.seal,
    head: opened.head,
    notes: opened.notes,
    problems: opened.problems,
    quick: input.quick,
    quickFrom: input.quick ? opened.verified : null,
    onProgress: (p) => post({ type: 'progress', progress: p }),
  });
  post({ type: 'done', report });
} catch (err) {
  post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
} finally {
  opened.close();
}
