import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import config from '../electron.vite.config';
import { VERIFY_WORKER_ENTRY, verifyWorkerPath } from './verifyWorkerPath';

const ROOT = path.resolve(__dirname, '..');

describe('the desktop verification worker', () => {
  it('is looked for beside the built main file', () => {
    expect(verifyWorkerPath(path.join(ROOT, 'out', 'main'))).toBe(path.join(ROOT, 'out', 'main', 'verifyWorker.js'));
    // packaged: the main bundle runs from inside app.asar, and so does the worker (Electron serves asar to workers)
    const packagedMain = path.join('/opt', '诉服台', 'resources', 'app.asar', 'out', 'main');
    expect(verifyWorkerPath(packagedMain)).toBe(path.join('/opt', '诉服台', 'resources', 'app.asar', 'out', 'main', 'verifyWorker.js'));
  });

  it('is built by electron-vite as an entry of the main build under that name, from the worker the host runs', () => {
    const main = (config as { main: { build: { outDir: string; rollupOptions: { input: Record<string, string>; output?: unknown } } } })
      .main.build;
    expect(main.outDir).toBe('out/main');
    expect(main.rollupOptions.input[VERIFY_WORKER_ENTRY]).toBe(path.join(ROOT, 'core', 'audit', 'verifyWorker.ts'));
    expect(main.rollupOptions.input.index).toBe(path.join(ROOT, 'electron', 'main.ts'));
    // entry files keep electron-vite's default name, [name].js, which verifyWorkerPath relies on
    expect(main.rollupOptions.output).toBeUndefined();
  });
});
