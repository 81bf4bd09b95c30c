import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { civilFirstInstance } from '../test/fixtures';
import { closeCore, createCore } from '../core';
import { dispatch } from '../core/api/dispatcher';
import { TEST_COST } from '../core/auth/password';
import { openForVerify, verifyDatabase } from '../core/audit/verify';
import { restoreBackup } from '../core/backup';
import { court } from '../test/cli';

const ROOT = path.resolve(__dirname, '..');
const tsx = (args: string[]) => [...['--import', 'tsx', 'cli/index.ts'], ...args];

let host: ChildProcess | undefined;
afterEach(() => {
  host?.kill('SIGTERM');
  host = undefined;
});

async function serve(dir: string): Promise<string> {
  host = spawn(process.execPath, tsx(['serve', '--data', dir, '--port', '0']), { cwd: ROOT });
  return new Promise((resolve, reject) => {
    let buf = '';
    host!.stdout!.on('data', (c: Buffer) => {
      buf += c.toString();
      const m = /"url":"([^"]+)"/.exec(buf);
      if (m) resolve(m[1]!);
    });
    host!.on('exit', () => reject(new Error('host exited')));
  });
}

async function api(url: string, op: string, body: unknown, token?: string) {
  const r = await fetch(`${url}/api/${op}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body ?? {}),
  });
  const json = (await r.json()) as { result?: Record<string, unknown>; error?: unknown };
  if (!r.ok) throw new Error(JSON.stringify(json.error));
  return json.result!;
}

describe('court backup / restore / verify', () => {
  it('backs up while the host files cases, restores into a new directory that verifies with the same counts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-trust-'));
    // init and backup in-process (the CLI's init is covered by cli.test.ts); the host is a separate process, as at a court
    const init = createCore({ dataDir: dir, passwordCost: TEST_COST });
    const setup = await dispatch(
      init,
      'setup.initialise',
      {
        courtName: '浙江省长兴县人民法院',
        courtCode: '浙0522',
        adminUsername: 'admin',
        adminDisplayName: '王管理',
        adminPassword: 'Court2026ok',
      },
      { client: { transport: 'test' } },
    );
    expect(setup.ok).toBe(true);
    closeCore(init);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dir, 'audit.key')).mode & 0o777).toBe(0o600);
    const url = await serve(dir);
    const admin = (await api(url, 'auth.login', { username: 'admin', password: 'Court2026ok' })).token as string;
    await api(url, 'users.create', { username: 'clerk1', displayName: '李书记', password: 'Court2026ok', roles: ['clerk'] }, admin);
    const clerk = (await api(url, 'auth.login', { username: 'clerk1', password: 'Court2026ok' })).token as string;
    const acknowledged: string[] = [];
    let stop = false;
    const stream = (async () => {
      while (!stop) acknowledged.push((await api(url, 'cases.file', civilFirstInstance(), clerk)).number as string);
    })();
    while (acknowledged.length < 10) await new Promise((r) => setTimeout(r, 20));
    const before = [...acknowledged];
    const out = path.join(dir, 'backups', 'during.courtbak');
    const backup = await court('backup', '--data', dir, '--out', out);
    stop = true;
    await stream;
    expect(backup.stderr).toContain('备份文件含审计密钥');
    expect(backup.code).toBe(0);
    const taken = JSON.parse(backup.stdout) as { manifest: { counts: Record<string, number> } };
    expect(taken.manifest.counts.cases).toBeGreaterThanOrEqual(before.length);

    host!.kill('SIGTERM');
    host = undefined;

    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'court-restored-')), 'data');
    const restored = restoreBackup(out, target, { now: () => new Date() });
    expect(restored.report.problems).toEqual([]);
    const o = openForVerify(target);
    const report = verifyDatabase(o.sqlite, { seal: o.seal, head: o.head });
    o.close();
    expect(report.ok).toBe(true);
    const db = new Database(path.join(target, 'court.sqlite'), { readonly: true });
    const numbers = new Set((db.prepare('SELECT number FROM cases').all() as { number: string }[]).map((r) => r.number));
    const counts = Object.fromEntries(
      Object.keys(taken.manifest.counts).map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]),
    );
    db.close();
    for (const n of before) expect(numbers.has(n)).toBe(true);
    expect(counts).toEqual(taken.manifest.counts);
  }, 240_000);
});
