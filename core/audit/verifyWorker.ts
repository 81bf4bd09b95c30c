import { parentPort, workerData } from 'node:worker_threads';
import { useNativeBinding } from '../../db/nativeBinding';
import { openForVerify, verifyDatabase } from './verify';
import type { VerifyMessage, VerifyWorkerInput } from './verifyInWorker';

/**
 * The verification worker (built to out/node/verifyWorker.mjs by scripts/node-build.mjs for the host and the CLI,
 * and to out/main/verifyWorker.js by electron-vite for the desktop app): opens the store
 * read-only on its own connection, runs the full check (integrity_check, chain, every audited record) and
 * posts its progress and report. The host's event loop stays free meanwhile (issue 11 item 3).
 */
const input = workerData as VerifyWorkerInput;
const post = (m: VerifyMessage) => parentPort!.postMessage(m);
// the desktop app's Electron build of better-sqlite3: this thread loads the addon its parent loaded
useNativeBinding(input.nativeBinding);
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
