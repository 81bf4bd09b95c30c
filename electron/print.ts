import {
  BrowserWindow,
  type BrowserWindowConstructorOptions,
  type IpcMain,
  type IpcMainInvokeEvent,
  type PrinterInfo,
  type Session,
  type WebContentsPrintOptions,
} from 'electron';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PRINT_PDF_CHANNEL, PRINTERS_CHANNEL, type PrinterSummary, type PrintResult } from '../core/api/bridge';
import { isTrustedSender } from './ipc';

/**
 * Printing in the desktop app: the page hands over a PDF (base64, as the documents API returns it); the main
 * process writes it to a temporary file, loads it into a hidden window (Chromium's PDF viewer) and prints
 * it — through the system print dialog, or silently to a chosen printer. Only the app's own page may ask.
 * (Electron ≥ 32 prints the PDF viewer's pages; older versions printed a blank page, electron/electron#30947.)
 */

/** The hidden print windows live in their own in-memory session: nothing they load touches the app's. */
export const PRINT_PARTITION = 'court-print';

/** A batch of 1,000 rulings is ~60 MB; leave room, refuse anything absurd. */
export const MAX_PRINT_BASE64 = 400 * 1024 * 1024;
const MAX_PRINTER_NAME = 256;

export interface ParsedPrintRequest {
  bytes: Buffer;
  silent: boolean;
  printerName: string | undefined;
}

export function parsePrintRequest(payload: unknown): { ok: true; value: ParsedPrintRequest } | { ok: false; message: string } {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, message: '打印请求格式不正确：应为包含 base64 的对象' };
  }
  const p = payload as Record<string, unknown>;
  if (typeof p.base64 !== 'string' || p.base64.length === 0) return { ok: false, message: '打印请求格式不正确：缺少 PDF 内容（base64）' };
  if (p.base64.length > MAX_PRINT_BASE64) return { ok: false, message: '要打印的文件过大，请分批打印' };
  if (p.silent !== undefined && typeof p.silent !== 'boolean') return { ok: false, message: '打印请求格式不正确：silent 应为是或否' };
  if (p.printerName !== undefined && (typeof p.printerName !== 'string' || p.printerName.length > MAX_PRINTER_NAME)) {
    return { ok: false, message: '打印请求格式不正确：打印机名称应为文字' };
  }
  const bytes = Buffer.from(p.base64, 'base64');
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return { ok: false, message: '要打印的内容不是 PDF 文件' };
  return {
    ok: true,
    value: { bytes, silent: p.silent === true, printerName: p.printerName === '' ? undefined : (p.printerName as string | undefined) },
  };
}

/** The hidden window that shows the PDF to the printer: sandboxed, no preload, the PDF viewer on. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      partition: PRINT_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      // Chromium's PDF viewer
      plugins: true,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    },
  };
}

/** Options of webContents.print: the dialog, or silently to the printer named (or the default). */
export function webPrintOptions(req: Pick<ParsedPrintRequest, 'silent' | 'printerName'>): WebContentsPrintOptions {
  return {
    silent: req.silent,
    printBackground: true,
    ...(req.printerName ? { deviceName: req.printerName } : {}),
  };
}

/** Chromium's failure reasons in words a clerk understands; a cancelled dialog is not an error. */
export function printFailure(reason: string): PrintResult {
  if (reason === 'cancelled') return { printed: false };
  if (reason === 'Invalid deviceName provided') return { printed: false, error: '找不到所选的打印机，请重新选择' };
  if (reason === 'Invalid printer settings') return { printed: false, error: '打印机设置无效，请检查打印机' };
  return { printed: false, error: `打印失败：${reason || '未知原因'}` };
}

export interface PrintDeps {
  createWindow(options: BrowserWindowConstructorOptions): Pick<BrowserWindow, 'loadFile' | 'destroy' | 'isDestroyed'> & {
    webContents: Pick<BrowserWindow['webContents'], 'print'>;
  };
  tmpDir: string;
  /** the PDF viewer lays out its pages after the load event: wait this long before printing */
  settleMs: number;
}

const defaultDeps = (): PrintDeps => ({
  createWindow: (options) => new BrowserWindow(options),
  tmpDir: os.tmpdir(),
  settleMs: 500,
});

/** Prints one PDF and resolves when the job is handed to the system (or cancelled, or failed). */
export async function printPdf(req: ParsedPrintRequest, deps: PrintDeps = defaultDeps()): Promise<PrintResult> {
  const dir = await fs.mkdtemp(path.join(deps.tmpDir, 'court-print-'));
  const file = path.join(dir, '打印.pdf');
  let win: ReturnType<PrintDeps['createWindow']> | undefined;
  try {
    await fs.writeFile(file, req.bytes);
    win = deps.createWindow(printWindowOptions());
    await win.loadFile(file);
    await new Promise((r) => setTimeout(r, deps.settleMs));
    const w = win;
    return await new Promise<PrintResult>((resolve) => {
      w.webContents.print(webPrintOptions(req), (success, reason) => resolve(success ? { printed: true } : printFailure(reason)));
    });
  } catch (err) {
    return { printed: false, error: `无法打印：${err instanceof Error ? err.message : String(err)}` };
  } finally {
    if (win && !win.isDestroyed()) win.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export const REFUSED: PrintResult = { printed: false, error: '拒绝访问：请求不是来自诉服台自身的页面。' };

type Sender = Pick<IpcMainInvokeEvent, 'senderFrame'> & { sender: { getPrintersAsync(): Promise<PrinterInfo[]> } };

export async function handlePrintPdf(trustedOrigin: string, event: Sender, payload: unknown, deps?: PrintDeps): Promise<PrintResult> {
  if (!isTrustedSender(event, trustedOrigin)) return REFUSED;
  const parsed = parsePrintRequest(payload);
  if (!parsed.ok) return { printed: false, error: parsed.message };
  return printPdf(parsed.value, deps);
}

export async function handlePrinters(trustedOrigin: string, event: Sender): Promise<PrinterSummary[]> {
  if (!isTrustedSender(event, trustedOrigin)) return [];
  const list = await event.sender.getPrintersAsync();
  return list.map((p) => ({ name: p.name, displayName: p.displayName || p.name, description: p.description ?? '' }));
}

/** The print session refuses every permission, like the app's own. */
export function hardenPrintSession(session: Pick<Session, 'setPermissionRequestHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
}

/** Serves PRINT_PDF_CHANNEL and PRINTERS_CHANNEL to the app's page (electron/preload.ts window.court.print). */
export function registerPrintHandlers(ipcMain: Pick<IpcMain, 'handle'>, trustedOrigin: string, deps?: PrintDeps): void {
  ipcMain.handle(PRINT_PDF_CHANNEL, (event, payload: unknown) => handlePrintPdf(trustedOrigin, event, payload, deps));
  ipcMain.handle(PRINTERS_CHANNEL, (event) => handlePrinters(trustedOrigin, event));
}
