import { contextBridge, ipcRenderer } from 'electron';
import {
  IPC_CHANNEL,
  PRINT_PDF_CHANNEL,
  PRINTERS_CHANNEL,
  type BridgeResult,
  type CourtBridge,
  type PrinterSummary,
  type PrintRequest,
  type PrintResult,
} from '../core/api/bridge';
import { APP_VERSION } from '../core/version';

/**
 * The only thing the page gets from Electron: `window.court`, one function that calls an API operation
 * in the main process, and two for printing (a PDF, the list of printers). No ipcRenderer, no Node, no
 * channel beyond these three. Sandboxed, so this file is bundled to CommonJS (out/preload/index.cjs) and may
 * import only 'electron' and our own type-level code.
 */
const bridge: CourtBridge = Object.freeze({
  shell: 'electron' as const,
  version: APP_VERSION,
  call(operation: string, input: unknown, token: string | null): Promise<BridgeResult> {
    return ipcRenderer.invoke(IPC_CHANNEL, { operation, input, token }) as Promise<BridgeResult>;
  },
  print(request: PrintRequest): Promise<PrintResult> {
    const { base64, silent, printerName } = request;
    return ipcRenderer.invoke(PRINT_PDF_CHANNEL, { base64, silent, printerName }) as Promise<PrintResult>;
  },
  printers(): Promise<PrinterSummary[]> {
    return ipcRenderer.invoke(PRINTERS_CHANNEL) as Promise<PrinterSummary[]>;
  },
});

contextBridge.exposeInMainWorld('court', bridge);
