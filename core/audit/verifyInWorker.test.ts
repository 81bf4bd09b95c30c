import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeCore, createCore } from '../index';
import type { Core } from '../context';
import { TEST_COST } from '../auth/password';
import { useNativeBinding } from '../../db/nativeBinding';
import { useVerifyWorker, verifyStore, verifyWorkerFile } from './verifyInWorker';

/**
 * How audit.verify hands a store to its worker thread: the desktop app's worker must load the Electron build of
 * better-sqlite3 its parent loaded, and a worker that cannot start must not cost the user the check.
 * (The real worker against a large store: server/verifyWorker.test.ts.)
 */
let dir: string;
let core: Core;
let builtWorker: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-verify-worker-'));
  core = createCore({ dataDir: path.join(dir, 'data'), passwordCost: TEST_COST });
  builtWorker = verifyWorkerFile();
});

afterEach(() => {
  useVerifyWorker(builtWorker);
  useNativeBinding(undefined);
  closeCore(core);
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A stand-in worker bundle with this body. */
function workerFile(name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `import { parentPort, workerData } from 'node:worker_threads';\n${body}\n`);
  return file;
}

describe('audit.verify in a worker thread', () => {
  it('hands the worker the store and the better-sqlite3 build this process loaded', async () => {
    useVerifyWorker(workerFile('echo.mjs', "parentPort.postMessage({ type: 'failed', message: JSON.stringify(workerData) });"));
    // what electron/main.ts does through createCore({ nativeBinding }) (set here after opening, as the path is made up)
    useNativeBinding('/opt/court/resources/native/electron-45.4.1-linux-x64/better_sqlite3.node');
    const err = (await verifyStore(core).catch((e: unknown) => e)) as Error;
    expect(JSON.parse(err.message)).toEqual({
      dataDir: path.join(dir, 'data'),
      file: path.join(dir, 'data', 'court.sqlite'),
      quick: false,
      nativeBinding: '/opt/court/resources/native/electron-45.4.1-linux-x64/better_sqlite3.node',
    });
  });

  it('passes no addon under Node: the worker loads better-sqlite3 as the host does', async () => {
    useVerifyWorker(workerFile('echo.mjs', "parentPort.postMessage({ type: 'failed', message: JSON.stringify(workerData) });"));
    const err = (await verifyStore(core).catch((e: unknown) => e)) as Error;
    expect(JSON.parse(err.message)).not.toHaveProperty('nativeBinding');
  });

  it('verifies on this thread when the worker cannot start, and says why in the log', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    useVerifyWorker(workerFile('broken.mjs', "import 'no-such-package-in-the-app';"));
    const report = await verifyStore(core);
    expect(report).toMatchObject({ ok: true, mode: 'full', integrity: 'ok' });
    expect(String(logged.mock.calls[0]?.[0])).toContain('verification worker did not start');
  });

  it('reports a failure the worker met while checking, instead of checking again here', async () => {
    useVerifyWorker(
      workerFile(
        'failing.mjs',
        "parentPort.postMessage({ type: 'progress', progress: { phase: 'integrity', done: 0, total: 1 } });\nthrow new Error('disk read error');",
      ),
    );
    await expect(verifyStore(core)).rejects.toThrow('disk read error');
  });
});
