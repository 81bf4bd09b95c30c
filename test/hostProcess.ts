import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface HostProcess {
  child: ChildProcess;
  url: string;
  /** from spawn to the ready line */
  readyMs: number;
}

/**
 * Starts the built host (`node scripts/court.mjs serve`, as `npm run serve` does) as a real process on a data
 * directory and resolves at its ready line. For the crash drills (test/hostCrash.test.ts, bench/drill.ts): kill -9
 * needs a process of its own.
 */
export function startHostProcess(dataDir: string, timeoutMs = 30_000): Promise<HostProcess> {
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/court.mjs', 'serve', '--data', dataDir, '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  return new Promise((resolve, reject) => {
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`host not ready within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const event = JSON.parse(line) as { event?: string; url?: string };
      if (event.event === 'ready' && event.url) {
        clearTimeout(guard);
        resolve({ child, url: event.url, readyMs: performance.now() - started });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(guard);
      reject(new Error(`host exited (${code}) before it was ready\n${stderr}`));
    });
  });
}

/** Kills the process with SIGKILL (no shutdown, no checkpoint) and waits until it is gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGKILL');
  await gone;
}

/** One API call over HTTP; resolves with the result, or rejects on an error answer or a broken connection. */
export async function callHost(url: string, operation: string, input: unknown, token?: string): Promise<unknown> {
  const res = await fetch(`${url}/api/${operation}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(input ?? {}),
  });
  const body = (await res.json()) as { result?: unknown; error?: { message: string } };
  if (!res.ok) throw new Error(`${operation}: ${res.status} ${body.error?.message}`);
  return body.result;
}

/**
 * Files cases through the host with `clients` concurrent clients until stopped or the connection breaks;
 * `acknowledged` receives each 案号 as soon as its answer arrived (the host has committed it).
 */
export async function fileStream(
  url: string,
  token: string,
  clients: number,
  acknowledged: string[],
  input: (i: number) => unknown,
  stop: () => boolean,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (!stop()) {
        try {
          const r = (await callHost(url, 'cases.file', input(next++), token)) as { number: string };
          acknowledged.push(r.number);
        } catch {
          return; // the host is gone
        }
      }
    }),
  );
}
