import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeCore, createCore } from '../core';
import { startBackupSchedule } from '../core/backup';
import { startSearchMaintenance } from '../core/cases';
import { warmMediationCaches } from '../core/mediation';
import { useVerifyWorker } from '../core/audit/verifyInWorker';
import { useShortBusyTimeout } from '../core/api/dispatcher';
import type { Core } from '../core/context';
import { defaultDataDir } from '../core/dataDir';
import { APP_VERSION } from '../core/version';
import { contentSecurityPolicy } from './csp';
import { registerApiHandler } from './ipc';
import { hardenPrintSession, PRINT_PARTITION, registerPrintHandlers } from './print';
import { aboutDetail, menuTemplate } from './menu';
import { resolveNativeBinding } from './nativeBinding';
import { rendererLocation } from './trust';
import { verifyWorkerPath } from './verifyWorkerPath';
import { createMainWindow, hardenSession, hardenWebContents } from './window';

/*
 * The desktop shell: one window on the domain core, nothing else. Everything worth testing lives in the
 * small modules next to this file; this one only wires them to Electron's life cycle.
 */

const here = path.dirname(fileURLToPath(import.meta.url)); // out/main
const preloadPath = path.join(here, '../preload/index.cjs');
const indexHtml = path.join(here, '../renderer/index.html');
const log = (msg: string) => console.log(`[诉服台] ${msg}`);

// The same folder the host and the CLI use (core/dataDir.ts), so all three share one database. Set before
// anything else: the single-instance lock and Chromium's own files also live in userData.
app.setPath('userData', defaultDataDir());
app.setAppUserModelId('cn.court.courtdesk');
app.enableSandbox();

const location = rendererLocation({
  packaged: app.isPackaged,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  indexHtml,
});

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;

function fatal(title: string, err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`[诉服台] ${title}`, err);
  dialog.showErrorBox(title, message);
  closeCoreOnce();
  app.exit(1); // no 'will-quit' after app.exit
}

function closeCoreOnce(): void {
  if (!core) return;
  const c = core;
  core = undefined;
  try {
    closeCore(c);
  } catch (err) {
    console.error('[诉服台] closing the database failed', err);
  }
}

function migrationsFolder(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'migrations') : path.join(app.getAppPath(), 'db', 'migrations');
}

function openCore(dataDir: string): Core {
  const nativeBinding = resolveNativeBinding({
    versions: process.versions,
    platform: process.platform,
    arch: process.arch,
    packaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    projectRoot: app.getAppPath(),
    exists: (file) => fs.existsSync(file),
  });
  // the shipped templates: resources/templates in the packaged app (electron-builder.yml), templates/ in the tree
  const templatesDir = app.isPackaged ? path.join(process.resourcesPath, 'templates') : path.join(app.getAppPath(), 'templates');
  const opened = createCore({ dataDir, nativeBinding, migrationsFolder: migrationsFolder(), templatesDir });
  // audit.verify in a worker thread, from the bundle built beside this one (with the same better-sqlite3 build)
  useVerifyWorker(verifyWorkerPath(here));
  // the window's main process must not freeze while the command line or a host holds the write lock
  useShortBusyTimeout(opened);
  startBackupSchedule(opened); // scheduled backups, the same core module as the host
  startSearchMaintenance(opened); // the search index's segments merged in steps (issue 15)
  warmMediationCaches(opened); // routing's roster and figures read once now, not at the first recommendation
  return opened;
}

function openWindow(): void {
  mainWindow = createMainWindow({
    preloadPath,
    location,
    devTools: !app.isPackaged,
    onLoadFailed: (err) => fatal('诉服台无法显示界面', err),
  });
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: '关于诉服台',
    message: '诉服台',
    detail: aboutDetail({
      version: APP_VERSION,
      electron: process.versions.electron ?? '',
      chrome: process.versions.chrome ?? '',
      dataDir: app.getPath('userData'),
    }),
    buttons: ['确定'],
  };
  void (mainWindow ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options));
}

function start(): void {
  const dataDir = app.getPath('userData');
  try {
    core = openCore(dataDir);
  } catch (err) {
    fatal('诉服台无法打开数据库', err);
    return;
  }
  log(`data: ${dataDir}; page: ${location.url}`);
  hardenSession(session.defaultSession, contentSecurityPolicy(location.kind === 'url' ? location.url : undefined));
  registerApiHandler(ipcMain, core, location.url, {
    onUnexpectedError: (err, operation) => console.error(`[诉服台] unexpected error in ${operation}`, err),
  });
  hardenPrintSession(session.fromPartition(PRINT_PARTITION));
  registerPrintHandlers(ipcMain, location.url);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate({ packaged: app.isPackaged, platform: process.platform, onAbout: showAbout })),
  );
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another 诉服台 already runs on this data folder: it gets focus (below), this one leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every web contents, including any the app never meant to create, gets the guards.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, location.url, log));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && !mainWindow) openWindow();
  });
  app.on('will-quit', closeCoreOnce);

  app.whenReady().then(start, (err: unknown) => fatal('诉服台无法启动', err));
}
