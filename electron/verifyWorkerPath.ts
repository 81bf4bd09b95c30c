import path from 'node:path';

/**
 * audit.verify runs in a worker thread (core/audit/verifyInWorker.ts) so that a long check does not freeze the
 * window. electron.vite.config.ts builds the worker as a second entry of the main build, so it lands beside the
 * main bundle — out/main/verifyWorker.js, inside app.asar once packaged, where Electron's asar support also serves
 * worker threads — and shares its chunks. This module only names that file; a test keeps the name and the
 * build's entry in step.
 */
export const VERIFY_WORKER_ENTRY = 'verifyWorker';

/** The worker bundle beside the built main file, given the folder of that file (out/main). */
export function verifyWorkerPath(mainDir: string): string {
  return path.join(mainDir, `${VERIFY_WORKER_ENTRY}.js`);
}
