import type { CourtBridge } from '../core/api/bridge';

/**
 * `window.court` exists only inside the desktop app (electron/preload.ts); in a browser talking to the
 * host it is undefined and the renderer's client uses HTTP. A renderer tsconfig of its own must include
 * this file. Printing: `window.court?.print` (a PDF, base64) and `window.court?.printers` exist in the
 * desktop app only; in host mode the page opens the PDF in the browser to print it.
 */
declare global {
  interface Window {
    court?: CourtBridge;
  }
}

export {};
