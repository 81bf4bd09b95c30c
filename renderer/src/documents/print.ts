import { base64ToBlob, PDF_MIME } from './pdf';

/**
 * Printing, the one way every page does it.
 *
 * Inside the desktop app the shell prints the PDF itself (window.court.print): through the system print dialog
 * by default, or — a choice stored per workstation — silently to a chosen printer (window.court.printers()).
 * In a browser talking to the host there is no shell: the PDF is loaded into a hidden frame and the browser's
 * print dialog opens for it; if the browser will not print a frame, the PDF opens in a new tab to print there.
 */

export interface PrinterInfo {
  /** the name the system knows it by */
  name: string;
  displayName?: string;
  description?: string;
}

/** What the shell is asked to print (core/api/bridge.ts PrintRequest). */
export interface ShellPrintRequest {
  base64: string;
  silent?: boolean;
  printerName?: string;
}

/** `printed` false: cancelled in the dialog (no `error`) or failed (`error` says why). */
export interface ShellPrintResult {
  printed: boolean;
  error?: string;
}

/** What the desktop shell offers for printing (the parts of window.court this module uses). */
export interface PrintBridge {
  print?: (request: ShellPrintRequest) => Promise<ShellPrintResult>;
  printers?: () => Promise<PrinterInfo[]>;
}

/** The workstation's choice, kept in localStorage (a desk's printer belongs to the desk, not to the user). */
export interface PrintSettings {
  mode: 'dialog' | 'silent';
  printer: string | null;
}

export const DEFAULT_PRINT_SETTINGS: PrintSettings = { mode: 'dialog', printer: null };
export const PRINT_SETTINGS_KEY = 'court.printSettings';

export type PrintRoute = { kind: 'shell-dialog'; warning?: string } | { kind: 'shell-silent'; deviceName: string } | { kind: 'browser' };

/**
 * Which way a print goes. No shell print → the browser. Silent printing only with a chosen printer that the
 * shell still lists (when the list is known); otherwise the dialog, with a warning saying why.
 */
export function choosePrintRoute(
  bridge: PrintBridge | undefined | null,
  settings: PrintSettings,
  printers?: readonly PrinterInfo[] | null,
): PrintRoute {
  if (!bridge || typeof bridge.print !== 'function') return { kind: 'browser' };
  if (settings.mode !== 'silent') return { kind: 'shell-dialog' };
  if (!settings.printer) return { kind: 'shell-dialog', warning: '未选择静默打印的打印机，已改用打印对话框' };
  if (printers && !printers.some((p) => p.name === settings.printer)) {
    return { kind: 'shell-dialog', warning: `本机找不到打印机“${settings.printer}”，已改用打印对话框` };
  }
  return { kind: 'shell-silent', deviceName: settings.printer };
}

export function parsePrintSettings(raw: string | null | undefined): PrintSettings {
  if (!raw) return { ...DEFAULT_PRINT_SETTINGS };
  try {
    const v = JSON.parse(raw) as Partial<PrintSettings>;
    const mode = v.mode === 'silent' ? 'silent' : 'dialog';
    const printer = typeof v.printer === 'string' && v.printer.trim() ? v.printer : null;
    return { mode, printer };
  } catch {
    return { ...DEFAULT_PRINT_SETTINGS };
  }
}

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

export function loadPrintSettings(): PrintSettings {
  return parsePrintSettings(storage()?.getItem(PRINT_SETTINGS_KEY));
}

export function savePrintSettings(settings: PrintSettings): void {
  storage()?.setItem(PRINT_SETTINGS_KEY, JSON.stringify(settings));
}

/** The shell's print functions, when this page runs inside the desktop app and it offers them. */
export function printBridge(): PrintBridge | null {
  if (typeof window === 'undefined') return null;
  const court = window.court as PrintBridge | undefined;
  return court && typeof court.print === 'function' ? court : null;
}

export async function listPrinters(bridge: PrintBridge | null = printBridge()): Promise<PrinterInfo[] | null> {
  if (!bridge?.printers) return null;
  try {
    return await bridge.printers();
  } catch {
    return null;
  }
}

export interface PrintOutcome {
  /** how it was printed */
  route: PrintRoute['kind'] | 'tab';
  /** the user cancelled the system dialog: nothing was printed */
  cancelled?: boolean;
  /** a note for the user (a fallback that was taken) */
  warning?: string;
}

/** The shell's answer as an error message (a failure), or null (printed, or cancelled by the user). */
export function shellAnswerError(answer: ShellPrintResult | null | undefined): string | null {
  if (!answer) return '桌面程序没有回应打印请求';
  if (answer.printed) return null;
  return answer.error ?? null;
}

/**
 * Prints a PDF given as base64. Resolves when the job has been handed over (the dialog closed, or the
 * browser's dialog was opened), with `cancelled` when the user closed the system dialog; rejects with a
 * Chinese message when printing failed.
 */
export async function printPdf(pdfBase64: string): Promise<PrintOutcome> {
  const bridge = printBridge();
  const settings = loadPrintSettings();
  const printers = bridge && settings.mode === 'silent' ? await listPrinters(bridge) : null;
  const route = choosePrintRoute(bridge, settings, printers);
  if (route.kind === 'browser' || !bridge?.print) {
    const how = await printInBrowser(base64ToBlob(pdfBase64, PDF_MIME));
    return { route: how };
  }
  const request: ShellPrintRequest =
    route.kind === 'shell-silent'
      ? { base64: pdfBase64, silent: true, printerName: route.deviceName }
      : { base64: pdfBase64, silent: false };
  const answer = await bridge.print(request);
  const error = shellAnswerError(answer);
  if (error) throw new Error(error);
  return {
    route: route.kind,
    ...(answer.printed ? {} : { cancelled: true }),
    ...(route.kind === 'shell-dialog' && route.warning ? { warning: route.warning } : {}),
  };
}

// ---- browser ------------------------------------------------------------------------------------------------

const FRAME_ID = 'court-print-frame';
let frameUrl: string | null = null;

/**
 * Loads the PDF into one hidden frame (reused: removing it while the dialog is open would cancel the job) and
 * opens the browser's print dialog for it. A browser that cannot print the frame gets a new tab instead.
 */
export function printInBrowser(blob: Blob): Promise<'browser' | 'tab'> {
  // the frame takes the focus to print; it is given back afterwards, or the page's keys (Ctrl+P again, Enter)
  // would go to an invisible PDF viewer
  const returnTo =
    document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
  const url = URL.createObjectURL(blob);
  document.getElementById(FRAME_ID)?.remove();
  if (frameUrl) URL.revokeObjectURL(frameUrl);
  frameUrl = url;
  const frame = document.createElement('iframe');
  frame.id = FRAME_ID;
  frame.title = '打印';
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  // not display:none — a hidden-by-display frame does not load its PDF viewer
  Object.assign(frame.style, {
    position: 'fixed',
    right: '0',
    bottom: '0',
    width: '1px',
    height: '1px',
    border: '0',
    opacity: '0',
    pointerEvents: 'none',
  });
  return new Promise((resolve) => {
    const fallback = () => {
      window.open(url, '_blank', 'noopener');
      resolve('tab');
    };
    frame.addEventListener(
      'load',
      () => {
        try {
          const w = frame.contentWindow;
          if (!w) return fallback();
          w.focus();
          w.print();
          if (returnTo?.isConnected) returnTo.focus({ preventScroll: true });
          else window.focus();
          resolve('browser');
        } catch {
          fallback();
        }
      },
      { once: true },
    );
    frame.src = url;
    document.body.appendChild(frame);
  });
}
