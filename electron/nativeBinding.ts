import path from 'node:path';

/**
 * better-sqlite3 is a native add-on, and a native add-on is built for one ABI. Node (tests, host, CLI)
 * loads node_modules/better-sqlite3/build/Release; the desktop app needs a second build for Electron's
 * ABI, which scripts/electron-native.mjs puts under native/ and electron-builder copies into the
 * package's resources. This module only decides which file the main process hands to better-sqlite3's
 * `nativeBinding` option.
 *
 * Keep `nativeDirName` identical to `nativeTargetDir` in scripts/electron-native.mjs (a test checks).
 */
export function nativeDirName(electronVersion: string, platform: string, arch: string): string {
  return `electron-${electronVersion}-${platform}-${arch}`;
}

export const NATIVE_FILE = 'better_sqlite3.node';

export interface NativeBindingEnv {
  /** process.versions; `electron` is set only inside Electron */
  versions: { readonly electron?: string | undefined };
  platform: string;
  arch: string;
  /** app.isPackaged */
  packaged: boolean;
  /** process.resourcesPath (packaged app) */
  resourcesPath?: string | undefined;
  /** the project root, where native/ lives during development (app.getAppPath() when unpackaged) */
  projectRoot: string;
  exists: (file: string) => boolean;
}

/** Thrown when the Electron build of better-sqlite3 is not where it should be. */
export class NativeBindingMissingError extends Error {
  readonly file: string;
  constructor(message: string, file: string) {
    super(message);
    this.name = 'NativeBindingMissingError';
    this.file = file;
  }
}

/** Where the Electron build should be, whether or not it exists; undefined under plain Node. */
export function nativeBindingCandidate(env: Omit<NativeBindingEnv, 'exists'>): string | undefined {
  const electron = env.versions.electron;
  if (!electron) return undefined;
  const dir = nativeDirName(electron, env.platform, env.arch);
  if (env.packaged) {
    if (!env.resourcesPath) throw new Error('process.resourcesPath is not set in a packaged app');
    return path.join(env.resourcesPath, 'native', dir, NATIVE_FILE);
  }
  return path.join(env.projectRoot, 'native', dir, NATIVE_FILE);
}

/**
 * The better-sqlite3 binary for this process:
 * - plain Node → undefined (better-sqlite3 finds its own build in node_modules);
 * - Electron, development → <projectRoot>/native/electron-<ver>-<platform>-<arch>/better_sqlite3.node;
 * - Electron, packaged → <resources>/native/electron-<ver>-<platform>-<arch>/better_sqlite3.node.
 * The packaged path keeps the versioned folder (electron-builder copies native/ with a filter, it cannot
 * rename a glob match), so a package can never pick up a binary built for another Electron version.
 * Throws NativeBindingMissingError, with a message for the person who has to fix it, when the file is
 * missing.
 */
export function resolveNativeBinding(env: NativeBindingEnv): string | undefined {
  const file = nativeBindingCandidate(env);
  if (file === undefined || env.exists(file)) return file;
  const electron = env.versions.electron ?? '';
  if (env.packaged) {
    throw new NativeBindingMissingError(
      `安装包不完整：缺少数据库组件（${file}）。请重新安装诉服台，或联系信息技术人员。\n` +
        `The package is incomplete: the better-sqlite3 build for Electron ${electron} is missing (${file}). ` +
        'Rebuild the installer with `npm run dist` on a machine with internet access.',
      file,
    );
  }
  throw new NativeBindingMissingError(
    `找不到为 Electron ${electron} 构建的数据库组件 better-sqlite3（${file}）。` +
      '请在能访问互联网的电脑上重新运行 npm start，它会自动下载或编译该组件。\n' +
      `The better-sqlite3 build for Electron ${electron} is missing (${file}). ` +
      'Run `npm start` again with internet access: scripts/electron-native.mjs downloads or builds it.',
    file,
  );
}
