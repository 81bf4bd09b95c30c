import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { dueCountsMigrationSql, LIMITS, rebuildDueCounts } from './dueCounts';
import { mediationWarnings } from './warnings';

// The centre's warnings view counts overdue, due-today and due-soon limits from counts per due date that triggers
// keep. If they drifted, the coordinator would see a wrong number of overdue cases. So: after any sequence of the
// register's writes, the centre's counts equal a count over the register, for any day, and the rebuild agrees.

const STATUSES = ['awaiting-consent', 'awaiting-assignment', 'awaiting-acceptance', 'in-progress', 'closed', 'failed', 'converted'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('warnings counts per due date (centre)', () => {
  it('equal a count over the register after a random sequence of intakes, status and date changes, and deletions', () => {
    const { sqlite } = openDatabase({ file: ':memory:' });
    const rand = rng(20261202);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const day = () => (rand() < 0.15 ? null : `2026-12-${String(1 + Math.floor(rand() * 8)).padStart(2, '0')}`);
    const ids: number[] = [];
    for (let step = 0; step < 1200; step++) {
      const r = rand();
      if (r < 0.35 || ids.length === 0) {
        const caseId = sqlite
          .prepare(
            `INSERT INTO cases (case_type, number, number_year, number_serial, code, received_on, cause_name, status, created_at, updated_at)
             VALUES ('调登', ?, 2026, ?, ?, '2026-12-01', '民间借贷纠纷', '已登记', 'x', 'x')`,
          )
          .run(`调登〔2026〕${step}`, step, `T${step}`).lastInsertRowid;
        ids.push(
          sqlite
            .prepare(
              `INSERT INTO mediations (case_id, flow, status, cause_name, received_on, assign_due, accept_due, contact_due, due_on, created_at, updated_at)
               VALUES (?, 'delegated', ?, '民间借贷纠纷', '2026-12-01', ?, ?, ?, ?, 'x', 'x')`,
            )
            .run(caseId, pick(STATUSES), day(), day(), day(), day()).lastInsertRowid as number,
        );
      } else if (r < 0.9) {
        const id = pick(ids);
        const column = pick(['status', 'assign_due', 'accept_due', 'contact_due', 'due_on', 'all'] as const);
        if (column === 'status' || column === 'all')
          sqlite.prepare(`UPDATE mediations SET status = ? WHERE id = ?`).run(pick(STATUSES), id);
        if (column === 'all') sqlite.prepare(`UPDATE mediations SET due_on = ?, contact_due = ? WHERE id = ?`).run(day(), day(), id);
        else if (column !== 'status') sqlite.prepare(`UPDATE mediations SET ${column} = ? WHERE id = ?`).run(day(), id);
      } else {
        sqlite.prepare(`DELETE FROM mediations WHERE id = ?`).run(ids.splice(Math.floor(rand() * ids.length), 1)[0]!);
      }
    }
    const recount = (today: string, until: string) => {
      const c = { overdue: 0, today: 0, soon: 0 };
      for (const { status, column } of Object.values(LIMITS)) {
        const n = (range: string) =>
          (
            sqlite
              .prepare(`SELECT count(*) AS n FROM mediations WHERE status = ? AND ${column} IS NOT NULL AND ${column} <= ? AND ${range}`)
              .get(status, until, today) as { n: number }
          ).n;
        c.overdue += n(`${column} < ?`);
        c.today += n(`${column} = ?`);
        c.soon += n(`${column} > ?`);
      }
      return c;
    };
    const days = [
      ['2026-12-01', '2026-12-03'],
      ['2026-12-04', '2026-12-06'],
      ['2026-12-09', '2026-12-11'],
    ] as const;
    for (const [today, until] of days) expect(mediationWarnings(sqlite, today).counts).toEqual(recount(today, until));
    expect(mediationWarnings(sqlite, '2026-12-04').total).toBeGreaterThan(0);
    rebuildDueCounts(sqlite);
    for (const [today, until] of days) expect(mediationWarnings(sqlite, today).counts).toEqual(recount(today, until));
    sqlite.close();
  });

  it('migration 0019 holds exactly the triggers and the first fill written in dueCounts.ts', () => {
    const file = fs.readFileSync(path.join(__dirname, '../../db/migrations/0019_due_counts.sql'), 'utf8');
    expect(file.trimEnd().endsWith(dueCountsMigrationSql())).toBe(true);
  });
});
