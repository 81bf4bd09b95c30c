import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeCore, createCore } from '../core';
import type { Core } from '../core/context';
import { buildServer } from './app';
import { startBackupSchedule } from '../core/backup';

export const DEFAULT_PORT = 5177;

export function defaultStaticDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../out/renderer');
}

/** The repository's templates/ folder: the host serves documents from the shipped templates. */
export function defaultTemplatesDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../templates');
}

export interface HostOptions {
  dataDir: string;
  port?: number;
  host?: string;
  staticDir?: string;
  core?: Core;
}

/**
 * Starts the host on a data directory. Binds 127.0.0.1 unless a host is given (a LAN host must say so).
 * Prints one JSON line {"event":"ready","url":…} once it accepts requests, so scripts and end-to-end
 * tests wait for that event instead of sleeping.
 */
export async function startHost(opts: HostOptions) {
  const core = opts.core ?? createCore({ dataDir: opts.dataDir, templatesDir: defaultTemplatesDir() });
  const app = await buildServer({ core, staticDir: opts.staticDir ?? defaultStaticDir() });
  const address = await app.listen({ port: opts.port ?? DEFAULT_PORT, host: opts.host ?? '127.0.0.1' });
  const stopBackups = startBackupSchedule(core);
  const stop = async () => {
    stopBackups();
    await app.close();
    closeCore(core);
  };
  return { app, core, url: address, stop };
}
