import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The lock file of a running host inside its data directory. */
export const HOST_LOCK_FILE = 'host.lock';

export interface HostLockInfo {
  pid: number;
  hostname: string;
  url: string;
  startedAt: string;
}

/** A host refused to start; the message is for the person at the console. */
export class HostStartRefused extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(file: string): HostLockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(file, 'utf8')) as HostLockInfo;
    return typeof info.pid === 'number' ? info : null;
  } catch {
    return null;
  }
}

/**
 * One host per data directory (issue 11 item 3): two hosts on one store would each run their own batch
 * work and each believe it is alone. The lock names the running host (process, machine, address) so the
 * second `serve` can say which one to stop. A lock left by a host that died (its process is gone on this
 * machine) is taken over. The command line's admin commands do not take the lock: they work beside a host.
 */
export function acquireHostLock(dataDir: string, url: string): { update(url: string): void; release(): void } {
  const file = path.join(dataDir, HOST_LOCK_FILE);
  const mine = (u: string): HostLockInfo => ({ pid: process.pid, hostname: os.hostname(), url: u, startedAt: new Date().toISOString() });
  fs.mkdirSync(dataDir, { recursive: true });
  for (let attempt = 0; ; attempt += 1) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine(url)), { flag: 'wx', mode: 0o600 });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw err;
      const other = readLock(file);
      if (other && (other.hostname !== os.hostname() || alive(other.pid))) {
        throw new HostStartRefused(
          `该数据目录已有主机在运行：进程 ${other.pid}（计算机 ${other.hostname}），地址 ${other.url}，启动于 ${other.startedAt}。` +
            `同一数据目录只能运行一个主机；请使用该主机，或先停止它再启动。命令行管理命令（court user … 等）仍可直接使用。` +
            `若确认该主机已不在运行，请删除 ${file} 后再启动。`,
        );
      }
      fs.rmSync(file, { force: true }); // left by a host that is no longer running
    }
  }
  return {
    update(u: string) {
      fs.writeFileSync(file, JSON.stringify(mine(u)), { mode: 0o600 });
    },
    release() {
      const current = readLock(file);
      if (current?.pid === process.pid && current.hostname === os.hostname()) fs.rmSync(file, { force: true });
    },
  };
}

/** Whether an address is this machine (127.0.0.0/8, ::1, or the IPv4-mapped form). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.replace(/^::ffff:/i, '');
  return a === '::1' || a === 'localhost' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}
