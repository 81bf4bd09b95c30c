import { BrowserWindow, type BrowserWindowConstructorOptions, type Session, type WebContents, type WebPreferences } from 'electron';
import { withContentSecurityPolicy } from './csp';
import { isTrustedUrl, type RendererLocation } from './trust';

export const WINDOW_TITLE = '诉服台';

/**
 * The renderer is a web page with no Node: isolated from the preload, sandboxed, no Node integration,
 * web security on. The only door to the main process is the `window.court` bridge of the preload.
 */
export function secureWebPreferences(preloadPath: string, opts: { devTools?: boolean } = {}): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    // dropping a file on the window would otherwise navigate to it
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: opts.devTools ?? true,
  };
}

export function mainWindowOptions(preloadPath: string, opts: { devTools?: boolean } = {}): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1366,
    height: 860,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(preloadPath, opts),
  };
}

/** Answer of the window-open handler: no pop-ups, no new windows, whatever the page asks. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}

type NavigationEvent = { preventDefault(): void; url?: string };

/**
 * Guards one web contents: no window.open, no navigation or redirect away from the app's page, no
 * <webview>. Applied to every web contents the app creates (app 'web-contents-created').
 */
export function hardenWebContents(contents: WebContents, trustedOrigin: string, log: (msg: string) => void = () => {}): void {
  contents.setWindowOpenHandler((details) => {
    log(`blocked window.open(${details.url})`);
    return denyWindowOpen();
  });
  const guard = (event: NavigationEvent, url: string) => {
    const target = event.url ?? url;
    if (!isTrustedUrl(target, trustedOrigin)) {
      event.preventDefault();
      log(`blocked navigation to ${target}`);
    }
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('blocked <webview>');
  });
}

/**
 * Session-wide rules: every permission request (camera, microphone, geolocation, notifications,
 * opening external protocols …) is refused, and every response carries our Content-Security-Policy.
 */
export function hardenSession(session: Session, policy: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
}

/** Creates the main window, shows it once its first paint is ready, and loads the app's page. */
export function createMainWindow(opts: {
  preloadPath: string;
  location: RendererLocation;
  devTools: boolean;
  /** the page could not be loaded (missing build, dev server down): the window would never show */
  onLoadFailed?: (err: unknown) => void;
}): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(opts.preloadPath, { devTools: opts.devTools }));
  win.once('ready-to-show', () => win.show());
  const loading = opts.location.kind === 'url' ? win.loadURL(opts.location.url) : win.loadFile(opts.location.file);
  loading.catch((err: unknown) => opts.onLoadFailed?.(err));
  return win;
}
