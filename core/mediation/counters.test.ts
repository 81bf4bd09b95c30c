import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { migrationSql, openLoads, outcomeStats, rebuildMediatorCounters, recountMediatorCounters } from './counters';
import { OPEN_STATUSES } from './labels';

// Routing ranks mediators by open load and by the last 365 days' outcomes. Those figures come from counters the
// database keeps on every write; if they drifted, the recommendation would send a case to an overloaded mediator
// or rank a good one last. So: any sequence of writes, the counters equal a recount.

const STATUSES = [...OPEN_STATUSES, 'closed', 'failed', 'converted', 'refused'];
const OUTCOMES = [null, 'agreement', 'failed', 'refused', 'converted'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function setup() {
  const { sqlite } = openDatabase({ file: ':memory:' });
  for (let i = 1; i <= 6; i++)
    sqlite
      .prepare(
        `INSERT INTO mediators (name, kind, fields, regions, capacity, active_from, created_at, updated_at) VALUES (?, 'invited', '[]', '[]', 5, '2025-01-01', 'x', 'x')`,
      )
      .run(`调解员${i}`);
  return { sqlite };
}

function snapshot(sqlite: ReturnType<typeof setup>['sqlite']) {
  return {
    counters: sqlite.prepare(`SELECT * FROM mediator_counters WHERE open_load <> 0 ORDER BY mediator_id`).all(),
    totals: sqlite.prepare(`SELECT * FROM mediator_outcome_totals ORDER BY mediator_id, day`).all(),
  };
}

describe('mediator counters (routing)', () => {
  it('equal a recount of the register after a random sequence of intakes, assignments, outcomes, corrections and deletions', () => {
    const { sqlite } = setup();
    const rand = rng(20261202);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const day = () =>
      `2025-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const ids: number[] = [];
    let serial = 0;
    for (let step = 0; step < 1500; step++) {
      const r = rand();
      if (r < 0.35 || ids.length === 0) {
        serial++;
        const caseId = sqlite
          .prepare(
            `INSERT INTO cases (case_type, number, number_year, number_serial, code, received_on, cause_name, status, created_at, updated_at)
             VALUES ('调登', ?, 2025, ?, ?, '2025-01-02', '民间借贷纠纷', '已登记', 'x', 'x')`,
          )
          .run(`调登〔2025〕${serial}`, serial, `T${serial}`).lastInsertRowid;
        const outcome = pick(OUTCOMES);
        const id = sqlite
          .prepare(
            `INSERT INTO mediations (case_id, flow, status, cause_name, received_on, mediator_id, signed_on, outcome, outcome_on, created_at, updated_at)
             VALUES (?, 'delegated', ?, '民间借贷纠纷', '2025-01-02', ?, ?, ?, ?, 'x', 'x')`,
          )
          .run(
            caseId,
            pick(STATUSES),
            rand() < 0.2 ? null : 1 + Math.floor(rand() * 6),
            rand() < 0.3 ? null : day(),
            outcome,
            outcome ? day() : null,
          ).lastInsertRowid as number;
        ids.push(id);
      } else if (r < 0.9) {
        const id = pick(ids);
        // what the register's operations change: status (accept, close, fail, convert), mediator (assign, reassign),
        // the outcome and its date (record, correct), the signing date
        const change = pick(['status', 'mediator', 'outcome', 'signed', 'all'] as const);
        if (change === 'status' || change === 'all')
          sqlite.prepare(`UPDATE mediations SET status = ? WHERE id = ?`).run(pick(STATUSES), id);
        if (change === 'mediator' || change === 'all')
          sqlite.prepare(`UPDATE mediations SET mediator_id = ? WHERE id = ?`).run(rand() < 0.15 ? null : 1 + Math.floor(rand() * 6), id);
        if (change === 'outcome' || change === 'all') {
          const outcome = pick(OUTCOMES);
          sqlite
            .prepare(`UPDATE mediations SET outcome = ?, outcome_on = ? WHERE id = ?`)
            .run(outcome, outcome || rand() < 0.1 ? day() : null, id);
        }
        if (change === 'signed') sqlite.prepare(`UPDATE mediations SET signed_on = ? WHERE id = ?`).run(rand() < 0.2 ? null : day(), id);
      } else {
        const id = ids.splice(Math.floor(rand() * ids.length), 1)[0]!;
        sqlite.prepare(`DELETE FROM mediations WHERE id = ?`).run(id);
      }
    }

    for (const [since, today] of [
      ['2024-12-31', '2025-12-31'],
      ['2025-03-15', '2025-09-01'],
      ['2025-06-01', '2025-06-01'],
      ['2026-01-01', '2026-12-31'],
    ] as const) {
      const recount = recountMediatorCounters(sqlite, today, since);
      expect([...openLoads(sqlite)].sort((a, b) => a[0] - b[0])).toEqual(recount.load.map((r) => [r.id, r.n]));
      const stats = [...outcomeStats(sqlite, since, today).values()];
      expect(stats.map(({ id, ok, n }) => ({ id, ok, n }))).toEqual(recount.stats.map(({ id, ok, n }) => ({ id, ok, n })));
      stats.forEach((s, i) => {
        const expected = recount.stats[i]!.days;
        if (expected === null) expect(s.days).toBeNull();
        else expect(s.days).toBeCloseTo(expected, 9);
      });
    }
    expect(openLoads(sqlite).size).toBeGreaterThan(0);
    expect(outcomeStats(sqlite, '2024-12-31', '2025-12-31').size).toBeGreaterThan(0);

    // the rebuild (the migration's first fill, and the repair) gives the same counters as the triggers kept
    const kept = snapshot(sqlite);
    rebuildMediatorCounters(sqlite);
    const rebuilt = snapshot(sqlite);
    expect(rebuilt.counters).toEqual(kept.counters);
    // the triggers leave a day's row at zero when its outcome moves away; the rebuild writes only days with outcomes
    type Total = { mediator_id: number; day: string; agreements: number; outcomes: number; days_sum: number; days_count: number };
    const changes = (t: unknown[]) =>
      (t as Total[]).filter((r, i, all) => {
        const p =
          i > 0 && all[i - 1]!.mediator_id === r.mediator_id ? all[i - 1]! : { agreements: 0, outcomes: 0, days_sum: 0, days_count: 0 };
        return p.agreements !== r.agreements || p.outcomes !== r.outcomes || p.days_sum !== r.days_sum || p.days_count !== r.days_count;
      });
    expect(changes(rebuilt.totals)).toEqual(changes(kept.totals));
    sqlite.close();
  });

  it('migration 0015 holds exactly the triggers and the first fill written here (one place for the open statuses)', () => {
    const file = fs.readFileSync(path.join(__dirname, '../../db/migrations/0015_mediation_counters.sql'), 'utf8');
    expect(file.trimEnd().endsWith(migrationSql())).toBe(true);
  });
});
