import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Guard against a host that never starts; the host normally answers in well under a second. */
const READY_TIMEOUT_MS = 30_000;

export interface Host {
  url: string;
  dataDir: string;
  /**
   * Stops the host and starts it again on the same data folder and port, optionally with its clock set to
   * `clock` (court serve --clock), to see deadlines pass. Sessions from before may have expired: log in again.
   */
  restart(opts?: { clock?: string }): Promise<void>;
}

/** Starts `court serve` on a fresh data folder and resolves once it prints its ready event. */
async function startHost(dataDir: string, opts: { port?: string; clock?: string } = {}): Promise<{ child: ChildProcess; url: string }> {
  // the built host (scripts/node-build.mjs, built by the global setup), as `npm run serve` starts it
  const args = [
    'scripts/court.mjs',
    'serve',
    '--data',
    dataDir,
    '--port',
    opts.port ?? '0',
    ...(opts.clock ? ['--clock', opts.clock] : []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderr += chunk;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const guard = setTimeout(
      () => reject(new Error(`host did not report ready within ${READY_TIMEOUT_MS} ms\n${stderr}`)),
      READY_TIMEOUT_MS,
    );
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const event = JSON.parse(line) as { event?: string; url?: string };
        if (event.event === 'ready' && event.url) {
          clearTimeout(guard);
          resolve(event.url);
        }
      } catch {
        // not an event line
      }
    });
    child.once('exit', (code) => {
      clearTimeout(guard);
      reject(new Error(`host exited (code ${code}) before it was ready\n${stderr}`));
    });
    child.once('error', (err) => {
      clearTimeout(guard);
      reject(err);
    });
  });
  return { child, url };
}

async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(killer);
}

export const test = base.extend<{ host: Host }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their dependencies
  host: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-e2e-'));
    const started = await startHost(dataDir);
    const url = started.url;
    let child = started.child;
    const restart = async (opts: { clock?: string } = {}) => {
      await stopHost(child);
      ({ child } = await startHost(dataDir, { port: new URL(url).port, ...opts }));
    };
    try {
      await use({ url, dataDir, restart });
    } finally {
      await stopHost(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
  baseURL: async ({ host }, use) => {
    await use(host.url);
  },
  // an uncaught exception in the UI fails the test even when the screen happens to look right
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.stack ?? err.message));
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };

/** A full-page screenshot kept with the test's results, to be looked at. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}
