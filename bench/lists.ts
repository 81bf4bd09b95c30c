import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeCore, createCore } from '../core';
import { mergeSearchSegments, searchCaseIds } from '../core/cases';
import type { Core } from '../core/context';
import { listPage, REGISTERS } from '../core/lists';
import { Rng, seedCases } from '../core/seed';
import { fmt, heading, initialisedCore, percentile, row, time, timeAsync, tmpDataDir } from './util';

/**
 * Lists and exports at scale (issue 15): seeds N cases (or measures a seeded folder, BENCH_LISTS_DATA), then
 * 1. pages the case list by keyset — the first page, and pages deep into the list (each page's cost) — with the
 *    usual filters, against OFFSET paging of the same order;
 * 2. searches inside the list ("银行", a person) and "cause contains": the first page with its count, p50 / p95,
 *    and the pages after it;
 * 3. the ID-number-suffix search (last six characters, its own index) p50 / p95, and the trigram search before
 *    and after the scheduled segment merge;
 * 4. exports a tenth of the register and all of it to .xlsx (streamed), each in a child process: time, rows per
 *    second, file size and the child's peak RSS, which stays the same for ten times the rows (flat memory).
 */
export interface ListsBenchOptions {
  cases: number;
  queries: number;
  /** a data folder seeded before (`BENCH_LISTS_DATA`): measured as it is, not seeded, not deleted */
  existing?: string;
}

const LIMIT = 50;
const here = path.dirname(fileURLToPath(import.meta.url));

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return `p50 ${fmt(percentile(s, 50))} ms  p95 ${fmt(percentile(s, 95))} ms  max ${fmt(s[s.length - 1] ?? NaN)} ms  (n ${s.length})`;
}

function pagingFigures(core: Core, label: string, req: Omit<Parameters<typeof listPage>[2], 'limit'>, deepPages: number): void {
  const b = REGISTERS.cases;
  const first = time(() => listPage(core, b, { ...req, limit: LIMIT }));
  const perPage: number[] = [];
  let after = first.value.next ?? undefined;
  let pages = 1;
  while (after && pages < deepPages) {
    const t = time(() => listPage(core, b, { ...req, after, limit: LIMIT, count: false }));
    perPage.push(t.ms);
    after = t.value.next ?? undefined;
    pages++;
  }
  row(`${label}: first page (with count ≤ 10 000)`, `${fmt(first.ms)} ms, total ${first.value.total}${first.value.totalCapped ? '+' : ''}`);
  if (perPage.length) row(`${label}: next pages 2–${pages}`, stats(perPage));
}

/** The first page of a list as the clerk gets it on pressing Enter (with its count), `runs` times: p50 / p95. */
function firstPageFigures(core: Core, label: string, req: Omit<Parameters<typeof listPage>[2], 'limit'>, runs: number): void {
  const ms: number[] = [];
  let last: ReturnType<typeof listPage> | null = null;
  for (let i = 0; i < runs; i++) {
    const t = time(() => listPage(core, REGISTERS.cases, { ...req, limit: LIMIT }));
    ms.push(t.ms);
    last = t.value;
  }
  row(`${label}: first page with count`, `${stats(ms)}  total ${last!.total}${last!.totalCapped ? '+' : ''}`);
}

export async function benchLists(opts: ListsBenchOptions): Promise<void> {
  const dataDir = opts.existing ?? tmpDataDir('lists');
  const core = opts.existing ? createCore({ dataDir }) : await initialisedCore(dataDir);
  heading(
    opts.existing
      ? `Lists and Excel export on ${dataDir} (file database, WAL)`
      : `Lists and Excel export at ${opts.cases.toLocaleString('en-US')} cases (file database, WAL)`,
  );
  try {
    if (!opts.existing) {
      const seeded = time(() => seedCases(core, { cases: opts.cases, seed: 20261202 }));
      core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      row('seed', `${fmt(seeded.ms / 1000, 1)} s`);
    }
    row('machine load (1-min average)', `${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs`);

    // 1. paging
    const deep = 200;
    pagingFigures(core, 'all cases, newest received first', {}, deep);
    pagingFigures(core, '民初 only', { filters: { caseType: '民初' } }, deep);
    pagingFigures(core, 'received in one month', { filters: { received: { from: '2024-03-01', to: '2024-03-31' } } }, deep);
    pagingFigures(core, '已登记, newest received first (the default order)', { filters: { status: '已登记' } }, deep);
    pagingFigures(core, 'a rare type (民督, ~4 %), newest first', { filters: { caseType: '民督' } }, deep);
    pagingFigures(core, '已登记, registration order ascending', { filters: { status: '已登记' }, sort: { key: 'seq', dir: 'asc' } }, deep);
    // 2. search and "contains" inside the list (every match in the list's order, count capped at 10 000)
    const name = core.sqlite
      .prepare(`SELECT name FROM parties WHERE kind = 'person' ORDER BY id LIMIT 1 OFFSET 777`)
      .pluck()
      .get() as string;
    const searches: [string, Omit<Parameters<typeof listPage>[2], 'limit'>][] = [
      ['search 银行 (any part of an organisation name)', { q: '银行' }],
      ['search 银行, 民初 only', { q: '银行', filters: { caseType: '民初' } }],
      ['search 银行, received in one month', { q: '银行', filters: { received: { from: '2024-03-01', to: '2024-03-31' } } }],
      ['search 画溪商业银行 (trigram index)', { q: '画溪商业银行' }],
      [`search a person (${name})`, { q: name }],
      ['cause contains 借款', { filters: { cause: '借款' } }],
      ['cause contains 离婚 (one cause)', { filters: { cause: '离婚' } }],
      ['cause contains 海难 (a rare cause)', { filters: { cause: '海难' } }],
      ['cause contains 劳动, 已登记 only', { filters: { cause: '劳动', status: '已登记' } }],
    ];
    for (const [label, req] of searches) {
      firstPageFigures(core, label, req, 20);
      pagingFigures(core, label, req, 50);
    }
    // where keyset paging pays: the 20 000th page
    const total = core.sqlite.prepare('SELECT count(*) FROM cases').pluck().get() as number;
    const offset = Math.max(0, total - 1000);
    const byOffset = time(
      () => core.sqlite.prepare(`SELECT id FROM cases ORDER BY received_on DESC, id DESC LIMIT ${LIMIT} OFFSET ${offset}`).all().length,
    );
    const lastRow = core.sqlite
      .prepare('SELECT received_on, id FROM cases ORDER BY received_on DESC, id DESC LIMIT 1 OFFSET ?')
      .get(offset) as {
      received_on: string;
      id: number;
    };
    const cursor = Buffer.from(JSON.stringify([lastRow.received_on, lastRow.id])).toString('base64url');
    const byKeyset = time(() => listPage(core, REGISTERS.cases, { after: cursor, limit: LIMIT, count: false }).rows.length);
    row(`page at row ${offset.toLocaleString('en-US')}: OFFSET vs keyset`, `${fmt(byOffset.ms)} ms vs ${fmt(byKeyset.ms)} ms`);

    // 3. ID-suffix search and the trigram index's segments
    const rng = new Rng(11);
    const maxParty = core.sqlite.prepare('SELECT max(id) FROM parties').pluck().get() as number;
    const idOf = core.sqlite.prepare(`SELECT id_number FROM parties WHERE id = ? AND id_type = 'resident'`).pluck();
    const phoneOf = core.sqlite.prepare(`SELECT phone FROM parties WHERE id = ? AND phone LIKE '1%'`).pluck();
    const tails: string[] = [];
    const phones: string[] = [];
    while (tails.length < opts.queries || phones.length < opts.queries) {
      const id = rng.int(1, maxParty);
      const n = idOf.get(id) as string | undefined;
      if (n && tails.length < opts.queries) tails.push(n.slice(-6));
      const p = phoneOf.get(id) as string | undefined;
      if (p && phones.length < opts.queries) phones.push(p.slice(-4));
    }
    const run = (qs: string[]) => {
      for (const q of qs.slice(0, 5)) searchCaseIds(core.db, q, 20);
      const ms: number[] = [];
      let found = 0;
      for (const q of qs) {
        const t = time(() => searchCaseIds(core.db, q, 20));
        ms.push(t.ms);
        if (t.value.ids.length) found++;
      }
      return `${stats(ms)}  found ${found}/${qs.length}`;
    };
    row('ID number, last 6 (parties_id_tail_idx)', run(tails));
    const segments = () => core.sqlite.prepare(`SELECT count(*) FROM case_search_data`).pluck().get() as number;
    row('phone, last 4 (trigram), before merging', `${run(phones)}  (${segments()} rows in case_search_data)`);
    const merged = await timeAsync(() => mergeSearchSegments(core));
    row('segment merge (scheduled maintenance)', `${merged.value.steps} steps in ${fmt(merged.ms / 1000, 1)} s`);
    row('phone, last 4 (trigram), after merging', `${run(phones)}  (${segments()} rows in case_search_data)`);

    // 4. export to .xlsx, in a child process as `court export` runs (bench/exportChild.ts), so the peak RSS is the
    // export's own: a tenth of the register (the most recent cases) and all of it — flat memory means the same peak
    core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const tenth = core.sqlite
      .prepare('SELECT received_on FROM cases ORDER BY received_on DESC LIMIT 1 OFFSET ?')
      .pluck()
      .get(Math.floor(total / 10)) as string;
    const today = core.sqlite.prepare('SELECT max(received_on) FROM cases').pluck().get() as string;
    for (const range of [[tenth, today], []]) {
      const out = path.join(dataDir, 'cases.xlsx');
      const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'exportChild.ts'), dataDir, out, ...range], {
        encoding: 'utf8',
      });
      if (child.status !== 0) throw new Error(`export child failed: ${child.stderr}`);
      const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as {
        rows: number;
        ms: number;
        rssBeforeMiB: number;
        peakRssMiB: number;
        samplesMiB: number[];
        bytes: number;
      };
      const label = `export ${r.rows.toLocaleString('en-US')} cases to .xlsx (${range.length ? `received ${range[0]} on` : 'all'})`;
      row(label, `${fmt(r.ms / 1000, 1)} s, ${fmt((r.rows / r.ms) * 1000, 0)} rows/s, ${fmt(r.bytes / 2 ** 20, 1)} MiB file`);
      row(
        '  peak RSS (RSS before the export; at each tenth)',
        `${r.peakRssMiB} MiB (${r.rssBeforeMiB} MiB; ${r.samplesMiB.join(' ')})  load ${os.loadavg()[0]!.toFixed(1)}`,
      );
      fs.rmSync(out, { force: true });
    }
  } finally {
    closeCore(core);
    if (!opts.existing) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
