import { closeCore, createCore } from '../core';
import { dispatch } from '../core/api/dispatcher';
import { TEST_COST } from '../core/auth/password';
import type { Core } from '../core/context';
import { civilFirstInstance } from '../test/fixtures';
import { fmt, heading, percentile, row, tmpDataDir } from './util';

/**
 * Intake throughput: `cases.file` through the dispatcher as a clerk files at the counter (validation, 案号,
 * parties, search index, audit row, one transaction each), with synchronous=FULL — what the app runs — and
 * synchronous=OFF in the same run, so the share of the durable commit in a filing is visible on this machine.
 * OFF is a measurement only: an acknowledged filing must survive power loss, so the app never runs with it.
 */
async function call(core: Core, op: string, input: unknown, token?: string): Promise<Record<string, unknown>> {
  const r = await dispatch(core, op, input, { token, client: { transport: 'test' } });
  if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
  return r.result as Record<string, unknown>;
}

async function clerkCourt(): Promise<{ core: Core; clerk: string }> {
  const core = createCore({ dataDir: tmpDataDir('intake'), passwordCost: TEST_COST });
  const admin = (
    await call(core, 'setup.initialise', {
      courtName: '浙江省长兴县人民法院',
      courtCode: '浙0522',
      adminUsername: 'admin',
      adminDisplayName: '王管理',
      adminPassword: 'Court2026ok',
    })
  ).token as string;
  await call(core, 'users.create', { username: 'clerk1', displayName: '李书记', password: 'Court2026ok', roles: ['clerk'] }, admin);
  const clerk = (await call(core, 'auth.login', { username: 'clerk1', password: 'Court2026ok' })).token as string;
  return { core, clerk };
}

async function measure(
  synchronous: 'FULL' | 'OFF',
  filings: number,
): Promise<{ perSecond: number; p50: number; p95: number; cpuMs: number }> {
  const { core, clerk } = await clerkCourt();
  core.sqlite.pragma(`synchronous = ${synchronous}`);
  // warm-up: the first calls build statements and schemas
  for (let i = 0; i < 20; i++) await call(core, 'cases.file', civilFirstInstance({ amountFen: 500_000 + i }), clerk);
  const ms: number[] = [];
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < filings; i++) {
    const t = process.hrtime.bigint();
    await call(core, 'cases.file', civilFirstInstance({ amountFen: 100_000 + i }), clerk);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const total = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  closeCore(core);
  ms.sort((a, b) => a - b);
  // CPU time per filing (user + system) depends far less on what else the machine runs than wall time does
  return { perSecond: filings / total, p50: percentile(ms, 50), p95: percentile(ms, 95), cpuMs: (cpu.user + cpu.system) / 1000 / filings };
}

export async function benchIntake(opts: { filings: number }): Promise<void> {
  heading(`Intake: cases.file through the dispatcher, ${opts.filings} filings, file database (WAL)`);
  const full = await measure('FULL', opts.filings);
  const off = await measure('OFF', opts.filings);
  for (const [label, r] of [
    ['synchronous=FULL (the app)', full],
    ['synchronous=OFF (measurement only)', off],
  ] as const) {
    row(`${label}: filings/s`, fmt(r.perSecond, 1));
    row('  p50 / p95 per filing', `${fmt(r.p50)} ms / ${fmt(r.p95)} ms`);
    row('  CPU per filing (user + system)', `${fmt(r.cpuMs)} ms`);
  }
  row('ratio: OFF / FULL throughput', `${fmt(off.perSecond / full.perSecond, 2)}×`);
}
