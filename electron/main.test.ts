import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * electron/main.ts wired to a stand-in Electron: the order of start-up, the shared data folder, the
 * database, the IPC bridge, the window and the shutdown. The real Electron binary cannot run here.
 */
const state = vi.hoisted(() => ({
  order: [] as string[],
  paths: {} as Record<string, string>,
  lock: true,
  packaged: false,
  appPath: '',
  handlers: {} as Record<string, (event: unknown, payload: unknown) => Promise<unknown>>,
  windows: [] as { options: { webPreferences: Record<string, unknown> }; file?: string; url?: string }[],
  menus: [] as unknown[],
  errors: [] as string[],
  exitCode: undefined as number | undefined,
  quit: false,
  app: undefined as unknown as import('node:events').EventEmitter,
}));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const app = Object.assign(new EventEmitter(), {
    setPath: (key: string, value: string) => {
      state.order.push(`setPath:${key}`);
      state.paths[key] = value;
    },
    getPath: (key: string) => state.paths[key]!,
    getAppPath: () => state.appPath,
    requestSingleInstanceLock: () => {
      state.order.push('lock');
      return state.lock;
    },
    whenReady: () => Promise.resolve(),
    setAppUserModelId: () => {},
    enableSandbox: () => state.order.push('enableSandbox'),
    quit: () => {
      state.quit = true;
    },
    exit: (code: number) => {
      state.exitCode = code;
    },
  });
  // a getter, read at each use (Object.assign would copy a getter's value once)
  Object.defineProperty(app, 'isPackaged', { get: () => state.packaged });
  state.app = app;
  class BrowserWindow extends EventEmitter {
    options: unknown;
    file?: string;
    url?: string;
    constructor(options: unknown) {
      super();
      this.options = options;
      state.windows.push(this as never);
    }
    loadFile(file: string) {
      this.file = file;
      return Promise.resolve();
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    show() {}
  }
  return {
    app,
    BrowserWindow,
    dialog: {
      showErrorBox: (title: string, message: string) => state.errors.push(`${title}: ${message}`),
      showMessageBox: async () => ({}),
    },
    ipcMain: { handle: (channel: string, fn: never) => (state.handlers[channel] = fn) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => state.menus.push(m) },
    session: {
      defaultSession: { setPermissionRequestHandler: () => {}, webRequest: { onHeadersReceived: () => {} } },
      fromPartition: (name: string) => ({ setPermissionRequestHandler: () => state.order.push(`harden:${name}`) }),
    },
  };
});

const ROOT = path.resolve(__dirname, '..');
let dataDir: string;

/** Loads main.ts afresh and waits until it has started, quit or failed. */
async function startMain(): Promise<void> {
  vi.resetModules();
  await import('./main');
  await vi.waitFor(() => expect(state.windows.length > 0 || state.errors.length > 0 || state.quit).toBe(true));
}

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-main-'));
  vi.stubEnv('COURT_DATA_DIR', dataDir);
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  Object.assign(state, {
    order: [],
    paths: {},
    lock: true,
    packaged: false,
    appPath: ROOT,
    handlers: {},
    windows: [],
    menus: [],
    errors: [],
    exitCode: undefined,
    quit: false,
  });
  vi.spyOn(console, 'log').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  state.app?.emit('will-quit');
  state.app?.removeAllListeners();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('electron/main.ts', () => {
  it('uses the shared data folder, set before the single-instance lock', async () => {
    await startMain();
    expect(state.paths.userData).toBe(dataDir);
    expect(state.order.slice(0, 3)).toEqual(['setPath:userData', 'enableSandbox', 'lock']);
    expect(state.errors).toEqual([]);
  });

  it('opens the database there and serves the API to its own page only', async () => {
    await startMain();
    expect(fs.existsSync(path.join(dataDir, 'court.sqlite'))).toBe(true);
    const win = state.windows[0]!;
    expect(win.file).toBe(path.join(ROOT, 'renderer', 'index.html'));
    const handle = state.handlers['court:call']!;
    const ours = { senderFrame: { url: `${pathToFileURL(win.file!).href}#/`, parent: null } };
    await expect(handle(ours, { operation: 'setup.status', input: undefined, token: null })).resolves.toEqual({
      ok: true,
      result: { initialised: false, court: null },
    });
    const theirs = { senderFrame: { url: 'https://evil.example/', parent: null } };
    await expect(handle(theirs, { operation: 'setup.status', input: undefined, token: null })).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('serves printing to its own page only, from a hardened session of its own', async () => {
    await startMain();
    expect(Object.keys(state.handlers).sort()).toEqual(['court:call', 'court:print.pdf', 'court:print.printers']);
    expect(state.order).toContain('harden:court-print');
    const printers = [{ name: 'HP_LaserJet', displayName: 'HP LaserJet', description: '三楼', options: {} }];
    const sender = { getPrintersAsync: async () => printers };
    const win = state.windows[0]!;
    const ours = { senderFrame: { url: pathToFileURL(win.file!).href, parent: null }, sender };
    await expect(state.handlers['court:print.printers']!(ours, undefined)).resolves.toEqual([
      { name: 'HP_LaserJet', displayName: 'HP LaserJet', description: '三楼' },
    ]);
    const theirs = { senderFrame: { url: 'https://evil.example/', parent: null }, sender };
    await expect(state.handlers['court:print.printers']!(theirs, undefined)).resolves.toEqual([]);
    await expect(state.handlers['court:print.pdf']!(theirs, { base64: 'JVBERi0xLjM=' })).resolves.toMatchObject({
      printed: false,
      error: expect.stringContaining('拒绝访问'),
    });
  });

  it('creates the window hardened, with the CommonJS preload', async () => {
    await startMain();
    const prefs = state.windows[0]!.options.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: true });
    expect(String(prefs.preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(JSON.stringify(state.menus[0])).toContain('toggleDevTools');
  });

  it('runs audit.verify in the worker built beside the main file', async () => {
    await startMain();
    // the module instance main.ts loaded (startMain resets the registry)
    const { verifyWorkerFile } = await import('../core/audit/verifyInWorker');
    // from source here, so beside electron/main.ts; built, beside out/main/index.js (electron/verifyWorkerPath.test.ts)
    expect(verifyWorkerFile()).toBe(path.join(ROOT, 'electron', 'verifyWorker.js'));
  });

  it('closes the database on quit (WAL folded back into the file)', async () => {
    await startMain();
    state.app.emit('will-quit');
    expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('court.sqlite'))).toEqual(['court.sqlite']);
  });

  it('leaves when another instance holds the lock', async () => {
    state.lock = false;
    await startMain();
    expect(state.quit).toBe(true);
    expect(state.windows).toEqual([]);
    expect(state.handlers).toEqual({});
  });

  it('shows an error and exits when the database cannot be opened', async () => {
    state.packaged = true; // looks for migrations in process.resourcesPath, which has none here
    (process as { resourcesPath?: string }).resourcesPath = path.join(dataDir, 'no-resources');
    try {
      await startMain();
    } finally {
      delete (process as { resourcesPath?: string }).resourcesPath;
    }
    expect(state.errors[0]).toMatch(/^诉服台无法打开数据库/);
    expect(state.exitCode).toBe(1);
    expect(state.windows).toEqual([]);
  });
});
