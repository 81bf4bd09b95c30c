/**
 * `npm run drill`: the long trust drills of issue 11, with figures (not part of `npm test`).
 * 1. kill -9 during a stream of filings (DRILL_RUNS runs): every acknowledged 案号 present, verify green — in a
 *    process filing through core, and of the built host with four HTTP clients filing; the next host must take
 *    over the dead host's lock (from the kill to its ready line < 8 s);
 * 2. a backup taken in small steps during a stream of filings, restored: every record acknowledged before the
 *    backup finished present, same counts as the manifest, verify green;
 * 3. each tampering kind of the issue: named by verify or not;
 * 4. verify timings, full and quick, on the drill store.
 * DRILL_QUICK=1 for a short run.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeCore, createCore } from '../core';
import { dispatch } from '../core/api/dispatcher';
import { TEST_COST } from '../core/auth/password';
import { readHead } from '../core/audit/seal';
import { openForVerify, verifyDatabase, type VerifyReport } from '../core/audit/verify';
import { checkBackup, restoreBackup, takeBackup } from '../core/backup';
import type { Core } from '../core/context';
import { civilFirstInstance } from '../test/fixtures';
import { callHost, fileStream, killHard, startHostProcess } from '../test/hostProcess';
import { ensureNodeBuild } from '../scripts/node-build.mjs';

const quick = process.env.DRILL_QUICK === '1';
const runs = Number(process.env.DRILL_RUNS ?? (quick ? 5 : 30));
const here = path.dirname(fileURLToPath(import.meta.url));
const tmp = (p: string) => fs.mkdtempSync(path.join(os.tmpdir(), p));
const out = (s: string) => process.stdout.write(`${s}\n`);

async function call(core: Core, op: string, input: unknown, token?: string): Promise<Record<string, unknown>> {
  const r = await dispatch(core, op, input, { token, client: { transport: 'cli' } });
  if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
  return r.result as Record<string, unknown>;
}

async function court(dir: string): Promise<{ core: Core; clerk: string }> {
  const core = createCore({ dataDir: dir, passwordCost: TEST_COST });
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

function verifyDir(dir: string): VerifyReport {
  const o = openForVerify(dir);
  try {
    return verifyDatabase(o.sqlite, { seal: o.seal, head: o.head, notes: o.notes, problems: o.problems });
  } finally {
    o.close();
  }
}

async function killDrill() {
  const dir = tmp('court-drill-kill-');
  const { core, clerk } = await court(dir);
  closeCore(core);
  let acknowledged = 0;
  let lost = 0;
  let red = 0;
  const started = Date.now();
  for (let run = 0; run < runs; run++) {
    const numbers: string[] = [];
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'drillWorker.ts'), dir, clerk], {
        cwd: path.resolve(here, '..'),
      });
      let buf = '';
      const killAt = 20 + Math.floor(Math.random() * 60);
      child.stdout.on('data', (c: Buffer) => {
        buf += c.toString();
        const lines = buf.split('\n');
        buf = lines.pop()!;
        numbers.push(...lines.filter(Boolean));
        if (numbers.length >= killAt && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    acknowledged += numbers.length;
    const db = new Database(path.join(dir, 'court.sqlite'), { readonly: true });
    const present = new Set((db.prepare('SELECT number FROM cases').all() as { number: string }[]).map((r) => r.number));
    db.close();
    lost += numbers.filter((n) => !present.has(n)).length;
    if (!verifyDir(dir).ok) red++;
  }
  out(
    `kill -9 drill: ${runs} runs, ${acknowledged} acknowledged filings, ${lost} lost, verify red after ${red} runs (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return dir;
}

async function hostKillDrill() {
  await ensureNodeBuild();
  const dir = tmp('court-drill-host-');
  closeCore((await court(dir)).core);
  let acknowledged = 0;
  let lost = 0;
  let red = 0;
  const takeovers: number[] = [];
  const readies: number[] = [];
  const started = Date.now();
  let killedAt = 0;
  for (let run = 0; run < runs; run++) {
    const host = await startHostProcess(dir);
    readies.push(host.readyMs);
    if (killedAt) takeovers.push(performance.now() - killedAt);
    const clerk = ((await callHost(host.url, 'auth.login', { username: 'clerk1', password: 'Court2026ok' })) as { token: string }).token;
    const acked: string[] = [];
    let stop = false;
    const stream = fileStream(
      host.url,
      clerk,
      4,
      acked,
      (i) => civilFirstInstance({ amountFen: 100_000 + i }),
      () => stop,
    );
    const killAt = 20 + Math.floor(Math.random() * 60);
    while (acked.length < killAt) await new Promise((r) => setTimeout(r, 2));
    await killHard(host.child);
    killedAt = performance.now();
    stop = true;
    await stream;
    acknowledged += acked.length;
    const db = new Database(path.join(dir, 'court.sqlite'), { readonly: true });
    const present = new Set((db.prepare('SELECT number FROM cases').all() as { number: string }[]).map((r) => r.number));
    db.close();
    lost += acked.filter((n) => !present.has(n)).length;
    if (!verifyDir(dir).ok) red++;
  }
  const last = await startHostProcess(dir); // the lock of the last killed host is taken over too
  takeovers.push(performance.now() - killedAt);
  await killHard(last.child);
  takeovers.sort((a, b) => a - b);
  readies.sort((a, b) => a - b);
  out(
    `host kill -9 drill (HTTP, 4 clients): ${runs} runs, ${acknowledged} acknowledged filings, ${lost} lost, verify red after ${red} runs; ` +
      `host ready p50 ${Math.round(readies[Math.floor(readies.length / 2)]!)} ms; lock taken over after the kill in at most ${Math.round(takeovers.at(-1)!)} ms ` +
      `(${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}

async function backupDrill() {
  const dir = tmp('court-drill-backup-');
  const { core, clerk } = await court(dir);
  const base = quick ? 200 : 2000;
  for (let i = 0; i < base; i++) await call(core, 'cases.file', civilFirstInstance({ amountFen: 1000 + i }), clerk);
  const acked: string[] = [];
  let stop = false;
  const stream = (async () => {
    while (!stop) {
      acked.push((await call(core, 'cases.file', civilFirstInstance(), clerk)).number as string);
      await new Promise((r) => setImmediate(r));
    }
  })();
  const file = path.join(tmp('court-drill-out-'), 'drill.courtbak');
  let steps = 0;
  const t0 = Date.now();
  const result = await takeBackup(core.sqlite, {
    out: file,
    dataDir: dir,
    now: () => new Date(),
    pagesPerStep: 16,
    onProgress: () => steps++,
  });
  const backupMs = Date.now() - t0;
  const ackedByEnd = [...acked];
  stop = true;
  await stream;
  closeCore(core);
  const t1 = Date.now();
  const check = checkBackup(file);
  const checkMs = Date.now() - t1;
  const target = path.join(tmp('court-drill-restore-'), 'data');
  const t2 = Date.now();
  const restored = restoreBackup(file, target, { now: () => new Date() });
  const restoreMs = Date.now() - t2;
  const db = new Database(path.join(target, 'court.sqlite'), { readonly: true });
  const present = new Set((db.prepare('SELECT number FROM cases').all() as { number: string }[]).map((r) => r.number));
  const sameCounts = Object.entries(result.manifest.counts).every(
    ([t, n]) => (db.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n === n,
  );
  db.close();
  const missing = ackedByEnd.filter((n) => !present.has(n)).length;
  out(
    `backup drill: ${base} cases + ${ackedByEnd.length} filed during the backup (${steps} steps, ${backupMs} ms, ${(result.bytes / 1024 / 1024).toFixed(1)} MB); ` +
      `backup check ${check.ok ? 'green' : 'RED'} (${checkMs} ms); restore ${restoreMs} ms, verify ${restored.report.ok ? 'green' : 'RED'}, ` +
      `${missing} acknowledged missing, counts ${sameCounts ? 'equal' : 'DIFFER'} to the manifest`,
  );
  return dir;
}

function copyStore(dir: string): string {
  const copy = tmp('court-drill-tamper-');
  for (const f of fs.readdirSync(dir)) if (fs.statSync(path.join(dir, f)).isFile()) fs.copyFileSync(path.join(dir, f), path.join(copy, f));
  return copy;
}

function tamperDrill(dir: string) {
  const kinds: [string, (db: Database.Database, d: string) => void][] = [
    [
      'deleting the last audit rows',
      (db, d) => {
        const head = readHead(d)!;
        db.exec(`DELETE FROM audit_log WHERE id > ${head.count - 3}`);
      },
    ],
    ["editing a case's amount", (db) => db.exec('UPDATE cases SET amount_fen = amount_fen + 100 WHERE id = 7')],
    ["editing a party's ID number", (db) => db.exec(`UPDATE parties SET id_number = '330522198503121230' WHERE id = 1`)],
    [
      "editing a user's roles",
      (db) => db.exec(`INSERT INTO user_roles (user_id, role) SELECT id, 'admin' FROM users WHERE username = 'clerk1'`),
    ],
    ['an audit row edited, chain recomputed without the key', (db) => db.exec(`UPDATE audit_log SET actor_name = '他人' WHERE id = 5`)],
  ];
  let named = 0;
  for (const [label, act] of kinds) {
    const copy = copyStore(dir);
    const db = new Database(path.join(copy, 'court.sqlite'));
    act(db, copy);
    db.close();
    const r = verifyDir(copy);
    if (!r.ok) named++;
    out(`  tamper: ${label} → ${r.ok ? 'NOT DETECTED' : r.problems[0]}`);
  }
  out(`tamper drill: ${named} of ${kinds.length} kinds named (the copy without WAL is in the vitest drill core/audit/tamper.test.ts)`);
}

function timings(dir: string) {
  const t0 = Date.now();
  const full = verifyDir(dir);
  const fullMs = Date.now() - t0;
  const o = openForVerify(dir);
  const t1 = Date.now();
  const q = verifyDatabase(o.sqlite, { seal: o.seal, head: o.head, quick: true, quickFrom: o.head });
  const quickMs = Date.now() - t1;
  o.close();
  out(
    `verify: full ${fullMs} ms (${full.auditRows} audit rows, ${full.recordsChecked} records), quick ${quickMs} ms (${q.ok ? 'green' : 'red'})`,
  );
}

out(`诉服台 trust drills — node ${process.version}${quick ? ' (quick)' : ''}`);
await killDrill();
await hostKillDrill();
const store = await backupDrill();
tamperDrill(store);
timings(store);
