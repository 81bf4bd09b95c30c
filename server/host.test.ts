import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeCore, createCore } from '../core';
import { dispatch } from '../core/api/dispatcher';
import { TEST_COST } from '../core/auth/password';
import { readHostLog, hostLogPath, RotatingLogFile } from '../core/system/hostLog';
import { startHost } from './host';
import { HostStartRefused, HOST_LOCK_FILE } from './hostLock';

let dir: string | undefined;
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function tempDir(): string {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-host-'));
  return dir;
}

async function initialise(dataDir: string) {
  const core = createCore({ dataDir, passwordCost: TEST_COST });
  const r = await dispatch(
    core,
    'setup.initialise',
    {
      courtName: '浙江省长兴县人民法院',
      courtCode: '浙0522',
      adminUsername: 'admin',
      adminDisplayName: '王管理',
      adminPassword: 'Court2026ok',
    },
    { client: { transport: 'cli' } },
  );
  closeCore(core);
  expect(r.ok).toBe(true);
}

describe('host start-up rules (issue 11 items 3, 6, 9)', () => {
  it('runs one host per data directory and names the running one', async () => {
    const dataDir = tempDir();
    const first = await startHost({ dataDir, port: 0, staticDir: '/nonexistent' });
    stops.push(first.stop);
    const lock = JSON.parse(fs.readFileSync(path.join(dataDir, HOST_LOCK_FILE), 'utf8'));
    expect(lock).toMatchObject({ pid: process.pid, url: first.url });
    const second = startHost({ dataDir, port: 0, staticDir: '/nonexistent' });
    await expect(second).rejects.toBeInstanceOf(HostStartRefused);
    await expect(second).rejects.toThrow(new RegExp(`已有主机在运行：进程 ${process.pid}.*${first.url.replace(/[.:/]/g, '.')}`));
    await stops.pop()!();
    expect(fs.existsSync(path.join(dataDir, HOST_LOCK_FILE))).toBe(false);
    const again = await startHost({ dataDir, port: 0, staticDir: '/nonexistent' });
    stops.push(again.stop);
  });

  it('takes over the lock of a host that died', async () => {
    const dataDir = tempDir();
    fs.writeFileSync(
      path.join(dataDir, HOST_LOCK_FILE),
      JSON.stringify({ pid: 2 ** 22 + 17, hostname: os.hostname(), url: 'http://127.0.0.1:5177', startedAt: '' }),
    );
    const host = await startHost({ dataDir, port: 0, staticDir: '/nonexistent' });
    stops.push(host.stop);
  });

  it('refuses to listen beyond this machine before first-run setup', async () => {
    const dataDir = tempDir();
    await expect(startHost({ dataDir, port: 0, host: '0.0.0.0', staticDir: '/nonexistent' })).rejects.toThrow(
      /尚未完成首次设置.*court init/,
    );
    expect(fs.existsSync(path.join(dataDir, HOST_LOCK_FILE))).toBe(false);
    await initialise(dataDir);
    const host = await startHost({ dataDir, port: 0, host: '0.0.0.0', staticDir: '/nonexistent' });
    stops.push(host.stop);
  });

  it('logs each request with operation, user, status and time — never the password or token', async () => {
    const dataDir = tempDir();
    await initialise(dataDir);
    const host = await startHost({ dataDir, port: 0, staticDir: '/nonexistent' });
    stops.push(host.stop);
    const login = await fetch(`${host.url}/api/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'Court2026ok' }),
    });
    const { token } = ((await login.json()) as { result: { token: string } }).result;
    await fetch(`${host.url}/api/users.list`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    await fetch(`${host.url}/api/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":' });
    const text = fs.readFileSync(hostLogPath(dataDir), 'utf8');
    expect(text).not.toContain('Court2026ok');
    expect(text).not.toContain(token);
    const entries = await readHostLog(dataDir, 10);
    expect(entries[0]).toMatchObject({ operation: 'auth.login', status: 400, code: 'VALIDATION' });
    expect(entries[1]).toMatchObject({ operation: 'users.list', user: 'admin', status: 200, level: 'info' });
    expect(entries[1]!.ms).toBeGreaterThanOrEqual(0);
    expect((fs.statSync(hostLogPath(dataDir)).mode & 0o777).toString(8)).toBe('600');
  });

  it('rotates the log by size and keeps a bounded number of files', () => {
    const dataDir = tempDir();
    const log = new RotatingLogFile(hostLogPath(dataDir), 1000, 3);
    for (let i = 0; i < 200; i += 1) log.write(`${JSON.stringify({ level: 30, time: Date.now(), msg: `第 ${i} 行` })}\n`);
    log.close();
    const files = fs.readdirSync(path.dirname(hostLogPath(dataDir))).sort();
    expect(files).toEqual(['host.log', 'host.log.1', 'host.log.2', 'host.log.3']);
    for (const f of files) expect(fs.statSync(path.join(path.dirname(hostLogPath(dataDir)), f)).size).toBeLessThanOrEqual(1000);
  });
});
