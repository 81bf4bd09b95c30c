/** Types of scripts/electron-native.mjs, for the tests that import its helpers (electron/electronNative.test.ts). */
export declare const NATIVE_FILE: string;
export declare const WORK_DIR: string;
export declare const PREBUILD_TIMEOUT_MS: number;
export declare const NODE_GYP_TIMEOUT_MS: number;
export declare const SOURCE_ENTRIES: string[];
export declare const DEFAULT_HEADERS_URL: string;

export interface Versions {
  electron: string;
  abi: string;
  betterSqlite3: string;
  betterSqlite3Dir: string;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  error?: Error;
}

export type Runner = (
  command: string,
  args: string[],
  opts: { cwd: string; timeoutMs: number; env: NodeJS.ProcessEnv },
) => Promise<RunResult>;

export declare function nativeTargetDir(electronVersion: string, platform: string, arch: string): string;
export declare function nativeTargetPath(projectRoot: string, electronVersion: string, platform: string, arch: string): string;
export declare function abiSymbol(abi: string | number): string;
export declare function binaryHasAbi(buffer: Buffer, abi: string | number): boolean;
export declare function parseArgs(argv: string[]): { force: boolean; platform: string; arch: string };
export declare function readVersions(projectRoot: string): Versions;
export declare function isUpToDate(target: string, versions: Versions): boolean;
export declare const runCommand: Runner;
export declare function pruneOtherVersions(projectRoot: string, keep: string, platform: string, arch: string): string[];
export declare function failureMessage(label: string, failures: string[], workDir: string): string;
export declare function ensureElectronNative(opts: {
  projectRoot: string;
  platform?: string;
  arch?: string;
  force?: boolean;
  run?: Runner;
  log?: (line: string) => void;
}): Promise<
  | { action: 'present'; target: string; versions: Versions }
  | { action: 'built'; method: 'prebuild-install' | 'node-gyp'; target: string; versions: Versions }
>;
