import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Core } from '../context';
import { currentNativeBinding } from '../../db/nativeBinding';
import { verifyDatabase, type VerifyProgress, type VerifyReport } from './verify';

export interface VerifyWorkerInput {
  dataDir: string;
  file: string;
  quick: boolean;
  /** the better-sqlite3 addon of the process starting the worker (the Electron build in the desktop app) */
  nativeBinding?: string;
}

export type VerifyMessage =
  { type: 'progress'; progress: VerifyProgress } | { type: 'done'; report: VerifyReport } | { type: 'failed'; message: string };

/**
 * The built worker. Node 20 does not pass tsx's loader hooks on to worker threads, so the worker always runs from
 * a bundle: the host and the CLI from out/node/verifyWorker.mjs (scripts/node-build.mjs; `npm run serve`, `npm run
 * court` and the test setup build it when stale), the desktop app from out/main/verifyWorker.js beside its main
 * bundle (electron.vite.config.ts), which electron/main.ts names here.
 */
let workerFile = fileURLToPath(new URL('../../out/node/verifyWorker.mjs', import.meta.url));

/** For a shell that ships the worker elsewhere (the desktop app). */
export function useVerifyWorker(file: string): void {
  workerFile = file;
}

/** The worker file verifications start (for the shells' tests). */
export function verifyWorkerFile(): string {
  return workerFile;
}

export interface VerifyRun {
  startedAt: string;
  progress: VerifyProgress | null;
  report: Promise<VerifyReport>;
}

/** The verification running on each store: a second request joins it instead of starting another. */
const running = new WeakMap<Core, VerifyRun>();

/** The verification in progress on this store, if any (for the progress bar). */
export function verifyInProgress(core: Core): VerifyRun | null {
  return running.get(core) ?? null;
}

/**
 * Verifies the store (core/audit/verify.ts) without blocking the event loop: a full check of a million-case store
 * takes over a minute, most of it SQLite's integrity_check, and run on the host's thread it stopped every desk and
 * /api/health for as long (issue 11). The worker reads its own read-only connection, in one snapshot. A store in
 * memory (tests, training) has no file a worker could open: it is verified here, which is quick at that size.
 */
export function verifyStore(core: Core, opts: { quick?: boolean } = {}): Promise<VerifyReport> {
  const current = running.get(core);
  if (current) return current.report;
  const here = () => {
    try {
      return Promise.resolve(verifyDatabase(core.sqlite, { quick: Boolean(opts.quick) }));
    } catch (err) {
      return Promise.reject(err);
    }
  };
  // a store in memory, or a tree where the worker was never built: verified here, as before
  if (!core.dataDir || !fs.existsSync(workerFile)) return here();
  const run: VerifyRun = { startedAt: new Date().toISOString(), progress: null, report: Promise.resolve(null as never) };
  run.report = new Promise<VerifyReport>((resolve, reject) => {
    const nativeBinding = currentNativeBinding();
    const input: VerifyWorkerInput = {
      dataDir: core.dataDir,
      file: core.sqlite.name,
      quick: Boolean(opts.quick),
      ...(nativeBinding ? { nativeBinding } : {}),
    };
    const worker = new Worker(workerFile, { workerData: input });
    let heard = false;
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      running.delete(core);
      fn();
    };
    worker.on('message', (m: VerifyMessage) => {
      heard = true;
      if (m.type === 'progress') run.progress = m.progress;
      else if (m.type === 'done') settle(() => resolve(m.report));
      else settle(() => reject(new Error(m.message)));
    });
    // An uncaught error comes on the worker's internal port and its messages on another, so 'error' can arrive
    // before a progress message the worker posted earlier (it did on a loaded CI machine). Node delivers every
    // posted message before 'exit' (it drains both ports), so whether the worker got going is decided there.
    let uncaught: unknown = null;
    worker.on('error', (err) => {
      if (heard) settle(() => reject(err));
      else uncaught ??= err;
    });
    worker.on('exit', (code) => {
      if (uncaught !== null && !heard) {
        // The worker never got going (its bundle or a package it imports would not load, or it could not open the
        // store): the check is still owed to the user, so it runs here, on this thread, as it did before workers.
        console.error('audit.verify: the verification worker did not start; verifying on this thread', uncaught);
        settle(() => here().then(resolve, reject));
      } else if (uncaught !== null) settle(() => reject(uncaught));
      else settle(() => reject(new Error(`校验进程意外退出（代码 ${code}）`)));
    });
  });
  running.set(core, run);
  return run.report;
}
