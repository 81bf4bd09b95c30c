import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNEL, type BridgeResult, type CourtBridge } from '../core/api/bridge';
import { APP_VERSION } from '../core/version';

/**
 * The only thing the page gets from Electron: `window.court`, one function that calls an API operation
 * in the main process. No ipcRenderer, no Node, no other channel. Sandboxed, so this file is bundled to
 * CommonJS (out/preload/index.cjs) and may import only 'electron' and our own type-level code.
 */
const bridge: CourtBridge = Object.freeze({
  shell: 'electron' as const,
  version: APP_VERSION,
  call(operation: string, input: unknown, token: string | null): Promise<BridgeResult> {
    return ipcRenderer.invoke(IPC_CHANNEL, { operation, input, token }) as Promise<BridgeResult>;
  },
});

contextBridge.exposeInMainWorld('court', bridge);
