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
}

/** The IPC channel the bridge uses; the main process accepts it only from the app's own page. */
export const IPC_CHANNEL = 'court:call';
