import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../core';
import { dispatch } from '../core/api/dispatcher';
import { TEST_COST } from '../core/auth/password';
import type { Core } from '../core/context';
import type { Clock } from '../core/time/clock';

/** Small helpers for benchmarks: they print figures and ratios; they never fail a build on timing. */
export function tmpDataDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `court-bench-${prefix}-`));
}

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN;
  const i = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[i]!;
}

export function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

export async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

export function fmt(n: number, digits = 2): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function heading(title: string): void {
  process.stdout.write(`\n== ${title}\n`);
}

export function row(label: string, value: string): void {
  process.stdout.write(`  ${label.padEnd(52)} ${value}\n`);
}

/** A court set up on a new data folder, as the first-run wizard leaves it. */
export async function initialisedCore(dataDir: string, clock?: Clock): Promise<Core> {
  const core = createCore({ dataDir, passwordCost: TEST_COST, ...(clock ? { clock } : {}) });
  const r = await dispatch(
    core,
    'setup.initialise',
    {
      courtName: '浙江省长兴县人民法院',
      courtCode: '浙0522',
      adminUsername: 'admin',
      adminDisplayName: '基准测试',
      adminPassword: 'Bench2026ok',
    },
    { client: { transport: 'test' } },
  );
  if (!r.ok) throw new Error(r.error.message);
  return core;
}
