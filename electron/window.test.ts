import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created = vi.hoisted(() => ({ windows: [] as unknown[] }));

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class BrowserWindow extends EventEmitter {
    readonly options: unknown;
    readonly loaded: string[] = [];
    shown = false;
    constructor(options: unknown) {
      super();
      this.options = options;
      created.windows.push(this);
    }
    show() {
      this.shown = true;
    }
    loadURL(url: string) {
      this.loaded.push(`url:${url}`);
      return Promise.resolve();
    }
    loadFile(file: string) {
      this.loaded.push(`file:${file}`);
      return loadResult(file);
    }
  }
  const loadResult = (file: string) => (file.includes('missing') ? Promise.reject(new Error('ERR_FILE_NOT_FOUND')) : Promise.resolve());
  return { BrowserWindow };
});

import { CONTENT_SECURITY_POLICY } from './csp';
import { rendererLocation } from './trust';
import { createMainWindow, denyWindowOpen, hardenSession, hardenWebContents, mainWindowOptions, secureWebPreferences } from './window';

const TRUSTED = 'file:///opt/court/resources/app.asar/out/renderer/index.html';

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer and keeps Node out of it', () => {
    const p = secureWebPreferences('/app/out/preload/index.cjs');
    expect(p).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('turns the developer tools off when asked (packaged app)', () => {
    expect(secureWebPreferences('/p', { devTools: false }).devTools).toBe(false);
    expect(secureWebPreferences('/p').devTools).toBe(true);
  });

  it('sizes the main window and waits for ready-to-show', () => {
    const o = mainWindowOptions('/p');
    expect(o).toMatchObject({ title: '诉服台', width: 1366, height: 860, minWidth: 1100, minHeight: 700, show: false });
    expect(o.webPreferences).toEqual(secureWebPreferences('/p'));
  });
});

/** A stand-in WebContents that records the handlers the guards install. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | undefined;
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }) {
    this.openHandler = fn;
  }
  /** emits a navigation event the way Electron does; returns whether it was prevented */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    const e = { url, preventDefault: () => (prevented = true) };
    this.emit(event, e, url);
    return prevented;
  }
}

describe('web contents guards', () => {
  let contents: FakeContents;
  let logged: string[];
  beforeEach(() => {
    contents = new FakeContents();
    logged = [];
    hardenWebContents(contents as never, TRUSTED, (m) => logged.push(m));
  });

  it('denies every window.open', () => {
    expect(denyWindowOpen()).toEqual({ action: 'deny' });
    for (const url of ['https://example.com/', TRUSTED, 'about:blank', 'file:///etc/passwd']) {
      expect(contents.openHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(logged[0]).toMatch(/window\.open/);
  });

  it.each(['will-navigate', 'will-redirect'] as const)('%s: blocks pages other than the app', (event) => {
    expect(contents.navigate(event, 'https://example.com/')).toBe(true);
    expect(contents.navigate(event, 'file:///etc/passwd')).toBe(true);
    expect(contents.navigate(event, 'file:///opt/court/resources/app.asar/out/renderer/other.html')).toBe(true);
    expect(contents.navigate(event, 'javascript:alert(1)')).toBe(true);
    expect(contents.navigate(event, 'not a url')).toBe(true);
  });

  it('lets the app reload its own page', () => {
    expect(contents.navigate('will-navigate', TRUSTED)).toBe(false);
    expect(contents.navigate('will-navigate', `${TRUSTED}#/cases`)).toBe(false);
  });

  it('refuses <webview>', () => {
    let prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });

  it('in development trusts the dev server origin only', () => {
    const dev = new FakeContents();
    hardenWebContents(dev as never, 'http://localhost:5173/');
    expect(dev.navigate('will-navigate', 'http://localhost:5173/')).toBe(false);
    expect(dev.navigate('will-navigate', 'http://localhost:5173/index.html')).toBe(false);
    expect(dev.navigate('will-navigate', 'http://localhost:8080/')).toBe(true);
  });
});

describe('session guards', () => {
  it('denies every permission request and sets the CSP on every response', () => {
    let permissionHandler: ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | undefined;
    let headersHandler: ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined;
    const session = {
      setPermissionRequestHandler: (fn: typeof permissionHandler) => (permissionHandler = fn),
      webRequest: { onHeadersReceived: (fn: typeof headersHandler) => (headersHandler = fn) },
    };
    hardenSession(session as never, CONTENT_SECURITY_POLICY);

    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const answers: boolean[] = [];
      permissionHandler!({}, permission, (ok) => answers.push(ok));
      expect(answers).toEqual([false]);
    }

    let answer: { responseHeaders: Record<string, string[]> } | undefined;
    headersHandler!(
      { responseHeaders: { 'content-type': ['text/html'], 'content-security-policy': ['default-src *'] } },
      (r) => (answer = r as typeof answer),
    );
    expect(answer!.responseHeaders).toEqual({ 'content-type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('createMainWindow', () => {
  beforeEach(() => {
    created.windows.length = 0;
  });

  type Win = EventEmitter & { options: { webPreferences: unknown }; loaded: string[]; shown: boolean };

  it('loads the built page from disk and shows the window when ready', () => {
    const location = rendererLocation({
      packaged: true,
      devServerUrl: 'http://localhost:5173/',
      indexHtml: '/app/out/renderer/index.html',
    });
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs', location, devTools: false });
    const win = created.windows[0] as Win;
    expect(win.loaded).toEqual(['file:/app/out/renderer/index.html']);
    expect(win.options.webPreferences).toEqual(secureWebPreferences('/app/out/preload/index.cjs', { devTools: false }));
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('loads the dev server in development', () => {
    const location = rendererLocation({
      packaged: false,
      devServerUrl: 'http://localhost:5173',
      indexHtml: '/app/out/renderer/index.html',
    });
    createMainWindow({ preloadPath: '/p', location, devTools: true });
    expect((created.windows[0] as Win).loaded).toEqual(['url:http://localhost:5173/']);
  });

  it('reports a page that cannot be loaded (the window would never show)', async () => {
    const location = rendererLocation({ packaged: true, indexHtml: '/missing/index.html' });
    const failures: unknown[] = [];
    createMainWindow({ preloadPath: '/p', location, devTools: false, onLoadFailed: (e) => failures.push(e) });
    await vi.waitFor(() => expect(failures).toHaveLength(1));
  });
});
