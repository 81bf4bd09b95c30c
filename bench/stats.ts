import type Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import { closeCore, createCore } from '../core';
import { areaStats, centreOverview, STATS_AREAS } from '../core/stats';
import { percentile, time, tmpDataDir } from './util';

/**
 * The centre's figures at scale (issue 15 item 2): `centreOverview` for a month, a quarter and a year on a register of
 * `cases` cases received 2021–2026 (mediations for a third, the docket for 40 % of 民初, confirmations and relief
 * applications for a few), written with SQL so the seeding takes seconds. Prints the median and p95 of each period,
 * each register's time for a year, and the heaviest statements of a year against the same SQL reading the table
 * (NOT INDEXED). `BENCH_KEEP=1` keeps the data folder; `BENCH_STATS_DATA=DIR` measures a kept one again.
 */
export async function benchStats({ cases, runs }: { cases: number; runs: number }): Promise<void> {
  const existing = process.env.BENCH_STATS_DATA;
  const dir = existing ?? tmpDataDir('stats');
  const core = createCore({ dataDir: dir });
  const db = core.sqlite;
  const seeded = existing ? null : time(() => seedStatsRegister(db, cases));
  const counts = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  process.stdout.write(
    `\n统计（centreOverview）: ${counts('cases')} cases, ${counts('mediations')} mediations, ${counts('docket_cases')} docket, ${counts('confirmations')} confirmations (${seeded ? `seeded in ${(seeded.ms / 1000).toFixed(1)} s` : `kept data ${dir}`})\n`,
  );
  db.exec('ANALYZE');
  for (const [label, period] of [
    ['one month (2026-11)', { from: '2026-11-01', to: '2026-11-30' }],
    ['one quarter (2026 Q3)', { from: '2026-07-01', to: '2026-09-30' }],
    ['one year (2025)', { from: '2025-01-01', to: '2025-12-31' }],
  ] as const) {
    const ms: number[] = [];
    for (let r = 0; r < runs; r++) ms.push(time(() => centreOverview(core, period, '2026-12-02')).ms);
    ms.sort((a, b) => a - b);
    process.stdout.write(`  ${label.padEnd(24)} p50 ${percentile(ms, 50).toFixed(1)} ms   p95 ${percentile(ms, 95).toFixed(1)} ms\n`);
  }
  const year = { from: '2025-01-01', to: '2025-12-31' };
  process.stdout.write(
    `  per register, one year: ${STATS_AREAS.map((a) => `${a} ${time(() => areaStats(core, a, year, '2026-12-02')).ms.toFixed(1)} ms`).join(', ')}\n`,
  );
  // the heaviest passes of a year, as run, against the same SQL made to read the table (NOT INDEXED)
  const ran = recordPrepared(db, () => centreOverview(core, year, '2026-12-02'));
  const best = (sql: string, params: unknown[]) => {
    const st = db.prepare(sql);
    return Math.min(...[0, 1, 2].map(() => time(() => st.all(...params)).ms));
  };
  const heaviest = ran
    .map((s) => ({ ...s, ms: best(s.sql, s.params) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 6);
  for (const s of heaviest) {
    const unindexed = s.sql.replace(
      /FROM (cases|mediations|docket_cases|confirmations)( (?!WHERE\b|JOIN\b|LEFT\b)\w+)?/,
      'FROM $1$2 NOT INDEXED',
    );
    const label = s.sql
      .replace(/\s+/g, ' ')
      .replace(/^SELECT /, '')
      .slice(0, 64);
    const without = unindexed === s.sql ? null : best(unindexed, s.params);
    process.stdout.write(
      `    ${label.padEnd(64)} ${s.ms.toFixed(1).padStart(6)} ms${without === null ? '' : `   NOT INDEXED ${without.toFixed(1)} ms (×${(without / s.ms).toFixed(1)})`}\n`,
    );
  }
  process.stdout.write(
    `  load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}\n`,
  );
  closeCore(core);
  // a million cases leave half a gigabyte behind otherwise; BENCH_KEEP=1 keeps them for BENCH_STATS_DATA=DIR
  if (existing) return;
  if (process.env.BENCH_KEEP === '1') process.stdout.write(`  kept: BENCH_STATS_DATA=${dir}\n`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

/** The bench's register, written with SQL (see `benchStats`); exported for the profile script and kept data. */
export function seedStatsRegister(db: Database.Database, cases: number): void {
  const at = '2026-12-01T09:00:00+08:00';
  db.exec('BEGIN');
  for (let j = 1; j <= 12; j++)
    db.prepare(`INSERT INTO users (username, display_name, password_hash, created_at, updated_at) VALUES (?, ?, 'x', ?, ?)`).run(
      `j${j}`,
      `法官${j}`,
      at,
      at,
    );
  const judges = db.prepare(`SELECT min(id) AS a, max(id) AS b FROM users`).get() as { a: number; b: number };
  // day d of 2021-01-01 … 2026-11-30 (2160 days), spread evenly over the ids
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @cases)
     INSERT INTO cases (id, case_type, number, number_year, number_serial, code, received_on, cause_name, status, created_by, created_at, updated_at)
     SELECT i, CASE i % 10 WHEN 0 THEN '民特' WHEN 1 THEN '调登' WHEN 2 THEN '调登' WHEN 3 THEN '民督' ELSE '民初' END,
            'B' || i, 2026, i, 'K' || i, date('2021-01-01', '+' || (i * 2160 / @cases) || ' days'),
            CASE i % 7 WHEN 0 THEN '民间借贷纠纷' WHEN 1 THEN '买卖合同纠纷' WHEN 2 THEN '物业服务合同纠纷' WHEN 3 THEN '离婚纠纷'
              WHEN 4 THEN '机动车交通事故责任纠纷' WHEN 5 THEN '劳动争议' ELSE '金融借款合同纠纷' END,
            '已立案', 1, @at, @at FROM n`,
  ).run({ cases, at });
  db.prepare(
    `INSERT INTO mediation_orgs (id, name, kind, level, region, active_from, created_at, updated_at)
     WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40) SELECT i, '调解组织' || i, 'people', 'town', '长兴县', '2020-01-01', @at, @at FROM n`,
  ).run({ at });
  db.prepare(
    `INSERT INTO mediators (id, name, kind, org_id, capacity, active_from, created_at, updated_at)
     WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400) SELECT i, '调解员' || i, 'invited', 1 + i % 40, 20, '2020-01-01', @at, @at FROM n`,
  ).run({ at });
  db.prepare(
    `INSERT INTO mediations (case_id, flow, status, cause_name, received_on, org_id, mediator_id, signed_on, due_on, outcome, outcome_on, created_at, updated_at)
     SELECT id, CASE case_type WHEN '调登' THEN 'delegated' ELSE 'entrusted' END,
            CASE WHEN id % 20 = 0 THEN 'in-progress' WHEN id % 3 = 0 THEN 'failed' ELSE 'closed' END, cause_name, received_on,
            1 + id % 40, 1 + id % 400, date(received_on, '+2 days'), date(received_on, '+32 days'),
            CASE WHEN id % 20 = 0 THEN NULL WHEN id % 3 = 0 THEN 'failed' ELSE 'agreement' END,
            CASE WHEN id % 20 = 0 THEN NULL ELSE date(received_on, '+' || (5 + id % 25) || ' days') END, @at, @at
       FROM cases WHERE case_type = '调登' OR (case_type = '民初' AND id % 5 = 0)`,
  ).run({ at });
  db.prepare(
    `INSERT INTO docket_cases (case_id, source, status, filed_on, entered_at, procedure, judge_id, closed_on, close_method, due_on)
     SELECT id, 'filing', CASE WHEN received_on >= '2026-10-01' THEN 'open' ELSE 'closed' END, received_on, @at,
            CASE id % 3 WHEN 0 THEN 'small-claims' ELSE 'simplified' END, @a + id % (@b - @a + 1),
            CASE WHEN received_on >= '2026-10-01' THEN NULL ELSE date(received_on, '+' || (10 + id % 60) || ' days') END,
            CASE WHEN received_on >= '2026-10-01' THEN NULL WHEN id % 4 = 0 THEN 'judgment' WHEN id % 4 = 1 THEN 'mediation' ELSE 'withdrawal' END,
            date(received_on, '+90 days')
       FROM cases WHERE case_type = '民初' AND id % 5 IN (1, 2)`,
  ).run({ at, a: judges.a, b: judges.b });
  db.prepare(
    `INSERT INTO confirmations (case_id, source, organisation_kind, organisation_name, organisation_place, mediator_name, agreement_date,
       agreement_effective_on, terms, application_form, materials, applied_on, fee_basis, stage, acceptance_decided_on, judge_id, outcome, decided_on, created_at, updated_at)
     SELECT id, 'counter', 'people', '调解组织' || (1 + id % 40), '长兴县', '调解员', received_on, received_on, '[]', 'written', '{}', received_on, '不交纳',
            CASE WHEN received_on >= '2026-11-15' THEN 'accepted' ELSE 'decided' END, received_on, @a + id % (@b - @a + 1),
            CASE WHEN received_on >= '2026-11-15' THEN NULL WHEN id % 9 = 0 THEN 'rejected' ELSE 'valid' END,
            CASE WHEN received_on >= '2026-11-15' THEN NULL ELSE date(received_on, '+' || (3 + id % 20) || ' days') END, @at, @at
       FROM cases WHERE case_type = '民特'`,
  ).run({ at, a: judges.a, b: judges.b });
  db.exec('COMMIT');
}

/** The statements `fn` ran on `db`, with their parameters (as test/queryPlan.ts records them, without vitest). */
function recordPrepared(db: Database.Database, fn: () => unknown): { sql: string; params: unknown[] }[] {
  const seen: { sql: string; params: unknown[] }[] = [];
  const prepare = db.prepare;
  db.prepare = ((source: string) => {
    const stmt = prepare.call(db, source);
    const proxy: Database.Statement = new Proxy(stmt, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof value !== 'function') return value;
        if (prop === 'all' || prop === 'get')
          return (...params: unknown[]) => {
            if (target.reader) seen.push({ sql: source, params });
            return (value as (...a: unknown[]) => unknown).apply(target, params);
          };
        return (...a: unknown[]) => {
          const r = (value as (...a: unknown[]) => unknown).apply(target, a);
          return r === target ? proxy : r;
        };
      },
    });
    return proxy;
  }) as typeof db.prepare;
  try {
    fn();
  } finally {
    db.prepare = prepare;
  }
  return seen;
}
