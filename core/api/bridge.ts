import type { ApiErrorBody } from './errors';

/**
 * What the Electron preload exposes as `window.court` (electron/preload.ts). The renderer's client
 * (renderer/src/api/client.ts) uses it when present and HTTP otherwise; both carry the same
 * operation names, inputs, results and errors.
 */
export type BridgeResult = { ok: true; result: unknown } | { ok: false; status: number; error: ApiErrorBody };

export interface CourtBridge {
  /** calls one API operation in the main process */
  call(operation: string, input: unknown, token: string | null): Promise<BridgeResult>;
  /** which shell serves the API */
  readonly shell: 'electron';
  readonly version: string;
  /**
   * Prints a PDF (base64) through the system print dialog, or silently to `printerName` (the default printer
   * without one). Desktop only: in host mode there is no `window.court`, and the browser opens the PDF to print.
   * Optional in the type so that the renderer feature-detects it (`window.court?.print`).
   */
  print?(request: PrintRequest): Promise<PrintResult>;
  /** the printers of this computer, for silent printing */
  printers?(): Promise<PrinterSummary[]>;
}

export interface PrintRequest {
  /** the PDF's bytes, base64 (as documents.generate, documents.reprint and documents.batchResult give them) */
  base64: string;
  /** print without the dialog, to `printerName` or the default printer */
  silent?: boolean;
  /** a printer's `name` from printers() */
  printerName?: string;
}

/** `printed` false: cancelled in the dialog (`error` absent) or failed (`error` says why, in Chinese). */
export interface PrintResult {
  printed: boolean;
  error?: string;
}

export interface PrinterSummary {
  /** the name the system knows it by: pass it as printerName */
  name: string;
  /** the name to show */
  displayName: string;
  description: string;
}

/** The IPC channel the bridge uses; the main process accepts it only from the app's own page. */
export const IPC_CHANNEL = 'court:call';
/** Printing a PDF (electron/print.ts), from the app's own page only. */
export const PRINT_PDF_CHANNEL = 'court:print.pdf';
export const PRINTERS_CHANNEL = 'court:print.printers';
