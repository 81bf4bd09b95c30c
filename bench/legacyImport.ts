import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { closeCore } from '../core';
import { dispatch } from '../core/api/dispatcher';
import type { Core } from '../core/context';
import { readSheet } from '../core/excel/reader';
import { legacyImportJob } from '../core/mediation/importLegacy';
import { residentId } from '../test/fixtures';
import { fmt, heading, initialisedCore, row, tmpDataDir } from './util';

/**
 * Legacy 民诉前调 import (issue 12 item 2): how long previewing and confirming a sheet of N rows takes on a store
 * on disk (synchronous=FULL, as the app runs), and — what matters to every other desk — the longest stretch the
 * event loop was held meanwhile, seen by a 5 ms ticker (the host answers nobody during such a stretch). The
 * confirmation is the job the page polls (core/mediation/importLegacy.ts); its status is polled every 200 ms here.
 * Rows as an old system exports them: four states, agreements with numbered terms, parties reused by ID number.
 */
async function call(core: Core, op: string, input: unknown, token?: string): Promise<Record<string, unknown>> {
  const r = await dispatch(core, op, input, { token, client: { transport: 'test' } });
  if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
  return r.result as Record<string, unknown>;
}

const HEADERS = ['案号', '收案日期', '案由', '申请人', '申请人身份证号码', '申请人联系电话', '被申请人', '被申请人证件号码', '标的额'];
const MORE = ['调解组织', '调解员', '调解结果', '结案日期', '结案方式', '调解不成原因', '协议内容'];
const STATES = ['调解中', '调解成功', '调解不成', '撤回'] as const;

function legacyRow(i: number): string[] {
  const year = i % 2 ? 2023 : 2024;
  const month = 1 + (i % 10);
  const day = 1 + (i % 27);
  const state = STATES[i % 4]!;
  const seq = String(100 + (i % 800)).padStart(3, '0');
  return [
    `（${year}）浙0522民诉前调${i}号`,
    `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    i % 2 ? '民间借贷纠纷' : '买卖合同纠纷',
    `申请人${i}`,
    residentId('330522', `1980${String(1 + (i % 12)).padStart(2, '0')}15`, seq),
    `1390572${String(1000 + (i % 9000)).slice(-4)}`,
    `被申请人${i}`,
    residentId('330523', '19900101', seq),
    `${(i * 37) % 90000}.50`,
    '雉城街道人民调解委员会',
    `调解员${i % 7}`,
    state,
    state === '调解中' ? '' : `${year}年${month + 1}月${day}日`,
    state === '调解成功' ? (i % 3 ? '司法确认' : '自动履行') : '',
    state === '调解不成' ? '分歧较大' : '',
    state === '调解成功' ? '1. 被申请人于收到协议后十日内支付申请人 12.50 元；2、双方再无其他争议。' : '',
  ];
}

async function sheet(rows: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('诉前调解案件');
  ws.addRow([...HEADERS, ...MORE]);
  for (let i = 1; i <= rows; i++) ws.addRow(legacyRow(i));
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/**
 * The longest gap between ticks of a 5 ms timer while `fn` runs, how many gaps exceeded 300 ms, and the CPU time
 * this process spent in the longest one (much less than the gap: the thread waited — for the disk's fsync, or for
 * a core on a shared machine — rather than computed).
 */
async function watched<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; longest: number; longestCpu: number; over300: number }> {
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  let longest = 0;
  let longestCpu = 0;
  let over300 = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    if (now - last > longest) {
      longest = now - last;
      longestCpu = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000;
    }
    if (now - last > 300) over300++;
    last = now;
    lastCpu = cpu;
  }, 5);
  const t0 = performance.now();
  last = t0;
  try {
    const value = await fn();
    return { value, ms: performance.now() - t0, longest, longestCpu, over300 };
  } finally {
    clearInterval(tick);
  }
}

export async function benchLegacyImport(opts: { rows: number[] }): Promise<void> {
  heading('legacy 民诉前调 import (preview, confirm as a chunked job; event loop held)');
  for (const n of opts.rows) {
    const dir = tmpDataDir('legacy');
    const core = await initialisedCore(dir);
    try {
      const admin = (await call(core, 'auth.login', { username: 'admin', password: 'Bench2026ok' })).token as string;
      await call(core, 'users.create', { username: 'coord', displayName: '周调解', password: 'Bench2026ok', roles: ['mediation'] }, admin);
      const coord = (await call(core, 'auth.login', { username: 'coord', password: 'Bench2026ok' })).token as string;
      const file = { fileBase64: await sheet(n), fileName: 'legacy.xlsx' };
      // the parse alone: exceljs's workbook loader (what readSheet did until session 11) and readSheet now
      const bytes = Buffer.from(file.fileBase64, 'base64');
      const loaded = await watched(() => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer));
      const read = await watched(() => readSheet(bytes));
      if (read.value.rows.length !== n) throw new Error(`readSheet read ${read.value.rows.length} of ${n} rows`);
      for (const [label, w] of [
        ['parse, wb.xlsx.load (before)', loaded],
        ['parse, readSheet in slices', read],
      ] as const)
        row(
          `${n} rows: ${label}`,
          `${fmt(w.ms / 1000, 2)} s, event loop held at most ${fmt(w.longest, 0)} ms (CPU ${fmt(w.longestCpu, 0)} ms; ${w.over300} × > 300 ms)`,
        );
      const preview = await watched(() => call(core, 'mediation.legacyImportPreview', file, coord));
      if (preview.value.accepted !== n) throw new Error(`preview accepted ${String(preview.value.accepted)} of ${n} rows`);
      const confirm = await watched(async () => {
        const started = await call(core, 'mediation.legacyImportConfirm', { ...file, digest: preview.value.digest }, coord);
        const job = legacyImportJob(core, started.jobId as string)!;
        while (job.state === 'running') {
          await new Promise((resolve) => setTimeout(resolve, 200));
          await call(core, 'mediation.legacyImportStatus', { jobId: started.jobId }, coord);
        }
        return call(core, 'mediation.legacyImportStatus', { jobId: started.jobId }, coord);
      });
      if (confirm.value.state !== 'done' || confirm.value.imported !== n)
        throw new Error(`import ended ${JSON.stringify(confirm.value.error)}`);
      row(
        `${n} rows: preview`,
        `${fmt(preview.ms / 1000, 1)} s, event loop held at most ${fmt(preview.longest, 0)} ms (CPU ${fmt(preview.longestCpu, 0)} ms; ${preview.over300} × > 300 ms)`,
      );
      row(
        `${n} rows: confirm → job done`,
        `${fmt(confirm.ms / 1000, 1)} s, event loop held at most ${fmt(confirm.longest, 0)} ms (CPU ${fmt(confirm.longestCpu, 0)} ms; ${confirm.over300} × > 300 ms)`,
      );
    } finally {
      closeCore(core);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
