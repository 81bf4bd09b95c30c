import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeCore, createCore } from '../index';
import type { Core } from '../context';
import { TEST_COST } from '../auth/password';

/**
 * The order a worker's events reach the host. An uncaught error travels on the worker's internal port and its
 * messages on the public one, so the host can hear the error before a progress message the worker posted first —
 * a fresh-clone CI run did, and verified again on the host instead of reporting the worker's failure. Node drains
 * both ports before 'exit'; these tests play the events in each order the host can meet them.
 */
const script: { events: [string, unknown][] } = { events: [] };

vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  const { EventEmitter } = await import('node:events'); // vi.mock runs before this file's imports
  class ScriptedWorker extends EventEmitter {
    constructor() {
      super();
      setImmediate(() => {
        for (const [event, arg] of script.events) this.emit(event, arg);
      });
    }
  }
  return { ...real, Worker: ScriptedWorker };
});

const { useVerifyWorker, verifyStore } = await import('./verifyInWorker');

let dir: string;
let core: Core;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-verify-order-'));
  core = createCore({ dataDir: path.join(dir, 'data'), passwordCost: TEST_COST });
  const file = path.join(dir, 'worker.mjs');
  fs.writeFileSync(file, '// started by the scripted Worker, never run\n');
  useVerifyWorker(file);
});

afterEach(() => {
  closeCore(core);
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

const progress = { type: 'progress', progress: { phase: 'integrity', done: 0, total: 1 } };

describe('audit.verify decides at exit whether its worker got going', () => {
  it('reports the failure when the error is heard before the progress the worker posted first', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    script.events = [
      ['error', new Error('disk read error')],
      ['message', progress],
      ['exit', 1],
    ];
    await expect(verifyStore(core)).rejects.toThrow('disk read error');
    expect(logged).not.toHaveBeenCalled();
  });

  it('reports the failure when the progress is heard first', async () => {
    script.events = [
      ['message', progress],
      ['error', new Error('disk read error')],
      ['exit', 1],
    ];
    await expect(verifyStore(core)).rejects.toThrow('disk read error');
  });

  it('verifies on this thread when the worker died before posting anything', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    script.events = [
      ['error', new Error("Cannot find package 'no-such-package-in-the-app'")],
      ['exit', 1],
    ];
    await expect(verifyStore(core)).resolves.toMatchObject({ ok: true, mode: 'full', integrity: 'ok' });
    expect(String(logged.mock.calls[0]?.[0])).toContain('verification worker did not start');
  });

  it('says so in Chinese when the worker exits without a report or an error', async () => {
    script.events = [
      ['message', progress],
      ['exit', 137],
    ];
    await expect(verifyStore(core)).rejects.toThrow('校验进程意外退出（代码 137）');
  });
});
