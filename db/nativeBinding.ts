import type Database from 'better-sqlite3';

/**
 * The better-sqlite3 addon this process loads when it is not Node's own build. The Electron main process opens
 * its store with the Electron build (createCore's `nativeBinding`, chosen by electron/nativeBinding.ts); every
 * other connection it opens — a backup's copy, a restore, a verification, also in the verification's worker
 * thread — must load the same file. Without the option better-sqlite3 loads node_modules' Node build through
 * `bindings`, which Electron refuses (another ABI) and the packaged app does not ship.
 */
let processBinding: string | undefined;

/** Set once by the shell that needs it (createCore); Node (tests, host, CLI) never sets it. */
export function useNativeBinding(file: string | undefined): void {
  processBinding = file;
}

/** The addon set for this process, if any (handed on to a worker thread). */
export function currentNativeBinding(): string | undefined {
  return processBinding;
}

/** better-sqlite3 options with this process's addon added: use for every `new Database(…)`. */
export function withNativeBinding(options: Database.Options = {}): Database.Options {
  return processBinding ? { ...options, nativeBinding: processBinding } : options;
}
