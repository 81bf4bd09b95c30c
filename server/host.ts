import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeCore, createCore } from '../core';
import type { Core } from '../core/context';
import { isInitialised } from '../core/court/settings';
import { hostLogPath, RotatingLogFile } from '../core/system/hostLog';
import { buildServer } from './app';
import { startBackupSchedule } from '../core/backup';
import { startSearchMaintenance } from '../core/cases';
import { warmMediationCaches } from '../core/mediation';
import { acquireHostLock, HostStartRefused, isLoopback } from './hostLock';
import { resumeSearchReindex } from '../core/cases/reindexQueue';

import { DEFAULT_PORT } from './port';
export { DEFAULT_PORT };

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
  /** PEM files of a certificate and its key: the host then speaks HTTPS only */
  tls?: { certFile: string; keyFile: string };
  /** write the structured log to <data>/logs/host.log (default true) */
  log?: boolean;
}

function readTls(tls: NonNullable<HostOptions['tls']>): { cert: Buffer; key: Buffer } {
  const read = (file: string, what: string) => {
    try {
      return fs.readFileSync(file);
    } catch {
      throw new HostStartRefused(`无法读取${what}文件：${file}`);
    }
  };
  return { cert: read(tls.certFile, 'TLS 证书'), key: read(tls.keyFile, 'TLS 私钥') };
}

/**
 * Starts the host on a data directory. Binds 127.0.0.1 unless a host is given (a LAN host must say so).
 * Prints one JSON line {"event":"ready","url":…} once it accepts requests, so scripts and end-to-end
 * tests wait for that event instead of sleeping.
 *
 * Refuses to start (HostStartRefused, with a Chinese message) when another host runs on the same data
 * directory, and when asked to listen beyond this machine before first-run setup is done: whoever
 * completes setup becomes the administrator, so that must happen at the console (`court init`).
 */
export async function startHost(opts: HostOptions) {
  const bind = opts.host ?? '127.0.0.1';
  const https = opts.tls ? readTls(opts.tls) : undefined;
  const lock = acquireHostLock(opts.dataDir, `${https ? 'https' : 'http'}://${bind}:${opts.port ?? DEFAULT_PORT}`);
  let core: Core | undefined;
  let log: RotatingLogFile | undefined;
  try {
    core = opts.core ?? createCore({ dataDir: opts.dataDir, templatesDir: defaultTemplatesDir() });
    if (!isLoopback(bind) && !isInitialised(core.db)) {
      throw new HostStartRefused(
        `尚未完成首次设置，主机不能在 ${bind} 上对局域网开放（先完成设置的人将成为管理员）。` +
          `请先在本机运行 court init --data ${opts.dataDir} …，或先不加 --host 启动并在本机浏览器中完成设置。`,
      );
    }
    log = opts.log === false ? undefined : new RotatingLogFile(hostLogPath(opts.dataDir));
    const app = await buildServer({
      core,
      staticDir: opts.staticDir ?? defaultStaticDir(),
      ...(log ? { logStream: log } : {}),
      ...(https ? { https } : {}),
    });
    const address = await app.listen({ port: opts.port ?? DEFAULT_PORT, host: bind });
    lock.update(address);
    app.log.info({ address, tls: Boolean(https) }, '主机已启动');
    const reindex = resumeSearchReindex(core, (err) => app.log.error({ err }, '检索索引重建失败'));
    const stopBackups = startBackupSchedule(core);
    const stopSearchMaintenance = startSearchMaintenance(core, { onError: (err) => app.log.error({ err }, '检索索引整理失败') });
    warmMediationCaches(core);
    const opened = core;
    const openedLog = log;
    const stop = async () => {
      reindex.stop();
      stopBackups();
      stopSearchMaintenance();
      app.log.info('主机停止');
      await app.close();
      closeCore(opened);
      openedLog?.close();
      lock.release();
    };
    return { app, core, url: address, stop };
  } catch (err) {
    if (core && !opts.core) closeCore(core);
    log?.close();
    lock.release();
    throw err;
  }
}
