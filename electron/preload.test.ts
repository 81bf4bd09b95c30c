import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  exposed: [] as [string, unknown][],
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, result: 'answer' })),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.push([key, api]) },
  ipcRenderer: { invoke: electron.invoke },
}));

import { IPC_CHANNEL, PRINT_PDF_CHANNEL, PRINTERS_CHANNEL, type CourtBridge } from '../core/api/bridge';
import { APP_VERSION } from '../core/version';

describe('preload', () => {
  it('exposes window.court and nothing else', async () => {
    await import('./preload');
    expect(electron.exposed.map(([k]) => k)).toEqual(['court']);
    const bridge = electron.exposed[0]![1] as CourtBridge;
    expect(Object.keys(bridge).sort()).toEqual(['call', 'print', 'printers', 'shell', 'version']);
    expect(bridge.shell).toBe('electron');
    expect(bridge.version).toBe(APP_VERSION);
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('calls the main process on the one channel with {operation, input, token}', async () => {
    await import('./preload');
    const bridge = electron.exposed[0]![1] as CourtBridge;
    await expect(bridge.call('setup.status', undefined, null)).resolves.toEqual({ ok: true, result: 'answer' });
    expect(electron.invoke).toHaveBeenCalledWith(IPC_CHANNEL, { operation: 'setup.status', input: undefined, token: null });
    await bridge.call('auth.me', { a: 1 }, 'tok');
    expect(electron.invoke).toHaveBeenLastCalledWith(IPC_CHANNEL, { operation: 'auth.me', input: { a: 1 }, token: 'tok' });
  });

  it('prints on its own channels, passing only the PDF and the printer choice', async () => {
    await import('./preload');
    const bridge = electron.exposed[0]![1] as Required<CourtBridge>;
    await bridge.print({ base64: 'JVBERi0=', silent: true, printerName: 'HP', extra: 'dropped' } as never);
    expect(electron.invoke).toHaveBeenLastCalledWith(PRINT_PDF_CHANNEL, { base64: 'JVBERi0=', silent: true, printerName: 'HP' });
    await bridge.printers();
    expect(electron.invoke).toHaveBeenLastCalledWith(PRINTERS_CHANNEL);
  });
});
