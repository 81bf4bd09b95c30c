import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The real Electron binary cannot run here: BrowserWindow is a stand-in that records what it was asked.
vi.mock('electron', () => ({ BrowserWindow: class {} }));

import { PRINT_PDF_CHANNEL, PRINTERS_CHANNEL } from '../core/api/bridge';
import {
  handlePrintPdf,
  hardenPrintSession,
  parsePrintRequest,
  PRINT_PARTITION,
  printFailure,
  printWindowOptions,
  registerPrintHandlers,
  webPrintOptions,
  type PrintDeps,
} from './print';

const TRUSTED = 'file:///opt/court/resources/app.asar/out/renderer/index.html';
const PDF = Buffer.from('%PDF-1.3\n%fake\n').toString('base64');
const sender0 = { getPrintersAsync: async () => [] };
const ours = { senderFrame: { url: `${TRUSTED}#/documents`, parent: null }, sender: sender0 } as never;

interface FakeWindow {
  options: unknown;
  loaded: string[];
  /** what the file held when it was loaded */
  bytes: Buffer | null;
  printed: unknown[];
  destroyed: boolean;
}

let tmpDir: string;
let windows: FakeWindow[];

function deps(outcome: { success: boolean; reason?: string } | 'load-fails'): PrintDeps {
  return {
    tmpDir,
    settleMs: 0,
    createWindow: (options) => {
      const w: FakeWindow = { options, loaded: [], bytes: null, printed: [], destroyed: false };
      windows.push(w);
      return {
        loadFile: async (file: string) => {
          w.loaded.push(file);
          if (outcome === 'load-fails') throw new Error('ERR_FILE_NOT_FOUND');
          w.bytes = fs.readFileSync(file);
        },
        destroy: () => {
          w.destroyed = true;
        },
        isDestroyed: () => w.destroyed,
        webContents: {
          print: ((options: unknown, cb: (success: boolean, reason: string) => void) => {
            w.printed.push(options);
            if (outcome !== 'load-fails') setImmediate(() => cb(outcome.success, outcome.reason ?? ''));
          }) as never,
        },
      } as never;
    },
  };
}

beforeEach(() => {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-print-test-'));
  windows = [];
});
afterEach(() => fs.rmSync(tmpDir, { recursive: true, force: true }));

describe('print request', () => {
  it('takes a base64 PDF, silent and a printer name; refuses anything else in Chinese', () => {
    expect(parsePrintRequest({ base64: PDF })).toMatchObject({ ok: true, value: { silent: false, printerName: undefined } });
    const r = parsePrintRequest({ base64: PDF, silent: true, printerName: 'HP_LaserJet' });
    expect(r.ok && r.value.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(r).toMatchObject({ ok: true, value: { silent: true, printerName: 'HP_LaserJet' } });
    expect(parsePrintRequest(null)).toMatchObject({ ok: false, message: expect.stringContaining('打印请求格式不正确') });
    expect(parsePrintRequest({ base64: '' })).toMatchObject({ ok: false });
    expect(parsePrintRequest({ base64: Buffer.from('<html>').toString('base64') })).toEqual({
      ok: false,
      message: '要打印的内容不是 PDF 文件',
    });
    expect(parsePrintRequest({ base64: PDF, silent: 'yes' })).toMatchObject({ ok: false });
    expect(parsePrintRequest({ base64: PDF, printerName: 'x'.repeat(300) })).toMatchObject({ ok: false });
  });

  it('prints with the dialog, or silently to the printer named', () => {
    expect(webPrintOptions({ silent: false, printerName: undefined })).toEqual({ silent: false, printBackground: true });
    expect(webPrintOptions({ silent: true, printerName: 'HP' })).toEqual({ silent: true, printBackground: true, deviceName: 'HP' });
  });

  it('reads a cancelled dialog as not printed without an error, and names the other failures', () => {
    expect(printFailure('cancelled')).toEqual({ printed: false });
    expect(printFailure('Invalid deviceName provided')).toEqual({ printed: false, error: '找不到所选的打印机，请重新选择' });
    expect(printFailure('failed')).toEqual({ printed: false, error: '打印失败：failed' });
  });
});

describe('printing a PDF', () => {
  it('loads the PDF into a hidden sandboxed window of its own session, prints it, then cleans up', async () => {
    const r = await handlePrintPdf(TRUSTED, ours, { base64: PDF, silent: true, printerName: 'HP' }, deps({ success: true }));
    expect(r).toEqual({ printed: true });
    const w = windows[0]!;
    expect(w.options).toEqual(printWindowOptions());
    expect(printWindowOptions()).toMatchObject({
      show: false,
      webPreferences: { partition: PRINT_PARTITION, sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
    });
    expect((printWindowOptions().webPreferences as { preload?: string }).preload).toBeUndefined();
    expect(w.bytes?.toString('base64')).toBe(PDF);
    expect(w.printed).toEqual([{ silent: true, printBackground: true, deviceName: 'HP' }]);
    expect(w.destroyed).toBe(true);
    // the temporary file is gone
    expect(fs.readdirSync(tmpDir)).toEqual([]);
  });

  it('reports a cancelled dialog and a load failure, and still cleans up', async () => {
    expect(await handlePrintPdf(TRUSTED, ours, { base64: PDF }, deps({ success: false, reason: 'cancelled' }))).toEqual({ printed: false });
    const failed = await handlePrintPdf(TRUSTED, ours, { base64: PDF }, deps('load-fails'));
    expect(failed).toEqual({ printed: false, error: '无法打印：ERR_FILE_NOT_FOUND' });
    expect(windows.every((w) => w.destroyed)).toBe(true);
    expect(fs.readdirSync(tmpDir)).toEqual([]);
  });

  it('refuses a page that is not the app, and a request that is not a PDF, without opening a window', async () => {
    const theirs = { senderFrame: { url: 'https://evil.example/', parent: null }, sender: sender0 } as never;
    expect(await handlePrintPdf(TRUSTED, theirs, { base64: PDF }, deps({ success: true }))).toMatchObject({
      printed: false,
      error: expect.stringContaining('拒绝访问'),
    });
    const subframe = { senderFrame: { url: TRUSTED, parent: {} }, sender: sender0 };
    expect(await handlePrintPdf(TRUSTED, subframe as never, { base64: PDF }, deps({ success: true }))).toMatchObject({ printed: false });
    expect(await handlePrintPdf(TRUSTED, ours, { base64: 'aGVsbG8=' }, deps({ success: true }))).toEqual({
      printed: false,
      error: '要打印的内容不是 PDF 文件',
    });
    expect(windows).toEqual([]);
  });

  it('registers its two channels and lists the printers to its own page only', async () => {
    const handlers: Record<string, (event: unknown, payload?: unknown) => Promise<unknown>> = {};
    registerPrintHandlers(
      { handle: (channel: string, fn: never) => void (handlers[channel] = fn) } as never,
      TRUSTED,
      deps({ success: true }),
    );
    expect(Object.keys(handlers).sort()).toEqual([PRINT_PDF_CHANNEL, PRINTERS_CHANNEL].sort());
    const sender = { getPrintersAsync: async () => [{ name: 'HP_LaserJet', displayName: '', description: '三楼', options: {} }] };
    await expect(handlers[PRINTERS_CHANNEL]!({ senderFrame: { url: TRUSTED, parent: null }, sender })).resolves.toEqual([
      { name: 'HP_LaserJet', displayName: 'HP_LaserJet', description: '三楼' },
    ]);
    await expect(handlers[PRINTERS_CHANNEL]!({ senderFrame: null, sender })).resolves.toEqual([]);
    await expect(handlers[PRINT_PDF_CHANNEL]!(ours, { base64: PDF })).resolves.toEqual({ printed: true });
  });

  it('its session refuses every permission', () => {
    let handler: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    hardenPrintSession({ setPermissionRequestHandler: (h: never) => (handler = h) } as never);
    const answers: boolean[] = [];
    handler!(null, 'media', (ok) => answers.push(ok));
    expect(answers).toEqual([false]);
  });
});
