import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { recommend } from './routing';
import { addCalendarDays } from '../calendar';
import { forgetRoutingCache, membersMigrationSql, versionsMigrationSql } from './routingCache';

// Routing keeps the roster and the outcome figures in memory, checked against versions the database's triggers raise.
// The desk's own writes are covered in mediation.test.ts (routing); here the writes a cache in one process could
// miss: another connection's (the CLI, a second process on the same file) and a write that was rolled back.

const TODAY = '2026-12-02';
const opened: { close: () => void }[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.close();
});

function twoConnections() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'court-routing-')), 'court.sqlite');
  const a = openDatabase({ file }).sqlite;
  const b = openDatabase({ file }).sqlite;
  opened.push(a, b);
  a.prepare(
    `INSERT INTO mediation_orgs (name, kind, level, region, active_from, created_at, updated_at) VALUES ('明珠社区人民调解委员会', 'people', 'village', '长兴县/雉城街道/明珠社区', '2026-01-01', 'x', 'x')`,
  ).run();
  addMediator(a, '陈村调');
  const caseId = a
    .prepare(
      `INSERT INTO cases (case_type, number, number_year, number_serial, code, received_on, cause_name, status, created_at, updated_at)
       VALUES ('调登', '调登〔2026〕1', 2026, 1, 'T1', ?, '民间借贷纠纷', '已登记', 'x', 'x')`,
    )
    .run(TODAY).lastInsertRowid as number;
  const mediationId = a
    .prepare(
      `INSERT INTO mediations (case_id, flow, status, region, cause_name, received_on, created_at, updated_at)
       VALUES (?, 'delegated', 'awaiting-assignment', '长兴县/雉城街道/明珠社区', '民间借贷纠纷', ?, 'x', 'x')`,
    )
    .run(caseId, TODAY).lastInsertRowid as number;
  return { a, b, mediationId };
}

function addMediator(sqlite: ReturnType<typeof openDatabase>['sqlite'], name: string, fields = '[]'): number {
  return sqlite
    .prepare(
      `INSERT INTO mediators (name, kind, org_id, fields, regions, capacity, active_from, created_at, updated_at) VALUES (?, 'invited', 1, ?, '[]', 5, '2026-01-01', 'x', 'x')`,
    )
    .run(name, fields).lastInsertRowid as number;
}

describe('routing cache', () => {
  it('shows another connection’s roster change and recorded outcome in the next recommendation', () => {
    const { a, b, mediationId } = twoConnections();
    expect(recommend(a, mediationId, TODAY).ranked.map((r) => r.name)).toEqual(['陈村调']);
    addMediator(b, '吴村调', '["合同纠纷"]');
    expect(recommend(a, mediationId, TODAY).ranked.map((r) => r.name)).toEqual(['吴村调', '陈村调']);
    // an agreement of 陈村调's recorded through the other connection
    const other = b
      .prepare(
        `INSERT INTO cases (case_type, number, number_year, number_serial, code, received_on, cause_name, status, created_at, updated_at)
         VALUES ('调登', '调登〔2026〕2', 2026, 2, 'T2', ?, '民间借贷纠纷', '已登记', 'x', 'x')`,
      )
      .run(TODAY).lastInsertRowid;
    b.prepare(
      `INSERT INTO mediations (case_id, flow, status, region, cause_name, received_on, mediator_id, signed_on, outcome, outcome_on, created_at, updated_at)
       VALUES (?, 'delegated', 'in-progress', '', '民间借贷纠纷', ?, 1, '2026-11-22', NULL, NULL, 'x', 'x')`,
    ).run(other, TODAY);
    expect(recommend(a, mediationId, TODAY).ranked[1]).toMatchObject({ name: '陈村调', load: 1, successRate: null });
    b.prepare(`UPDATE mediations SET status = 'closed', outcome = 'agreement', outcome_on = ? WHERE case_id = ?`).run(TODAY, other);
    const chen = recommend(a, mediationId, TODAY).ranked[1]!;
    expect(chen).toMatchObject({ name: '陈村调', load: 0, successRate: 1, averageDays: 10 });
    expect(chen.reasons).toContain('近一年调解成功率 100%（1 件）');
  });

  it('keeps nothing of a roster write that was rolled back, even when a later write reaches the same version', () => {
    const { a, b, mediationId } = twoConnections();
    recommend(a, mediationId, TODAY);
    a.exec('BEGIN');
    addMediator(a, '撤销调', '["合同纠纷"]');
    expect(recommend(a, mediationId, TODAY).ranked.map((r) => r.name)).toEqual(['撤销调', '陈村调']);
    a.exec('ROLLBACK');
    addMediator(b, '吴村调'); // the roster version rises to the number the rolled-back write had
    expect(recommend(a, mediationId, TODAY).ranked.map((r) => r.name)).toEqual(['陈村调', '吴村调']);
  });

  it('re-reads the mediators a roster write touched: the mediator edited, every mediator of an organisation edited', () => {
    const { a, b, mediationId } = twoConnections();
    const wu = addMediator(b, '吴村调');
    expect(recommend(a, mediationId, TODAY).ranked.map((r) => [r.name, r.capacity, r.orgName])).toEqual([
      ['陈村调', 5, '明珠社区人民调解委员会'],
      ['吴村调', 5, '明珠社区人民调解委员会'],
    ]);
    b.prepare(`UPDATE mediators SET capacity = 9 WHERE id = ?`).run(wu);
    b.prepare(`UPDATE mediation_orgs SET name = '明珠社区调委会' WHERE id = 1`).run();
    expect(recommend(a, mediationId, TODAY).ranked.map((r) => [r.name, r.capacity, r.orgName])).toEqual([
      ['陈村调', 5, '明珠社区调委会'],
      ['吴村调', 9, '明珠社区调委会'],
    ]);
    // the organisation's term ends: its mediators leave the recommendation
    b.prepare(`UPDATE mediation_orgs SET active_to = '2026-11-30' WHERE id = 1`).run();
    expect(recommend(a, mediationId, TODAY).ranked).toEqual([]);
  });

  it('moves the 365-day window with the day: an outcome that leaves it no longer counts, and the cache equals a fresh read', () => {
    const { a, b, mediationId } = twoConnections();
    const wu = addMediator(b, '吴村调');
    // outcomes on days that will enter and leave the window as the day moves
    const days = ['2025-12-01', '2025-12-02', '2025-12-03', '2026-06-30', '2026-12-02', '2026-12-03', '2026-12-05'];
    days.forEach((day, i) => {
      const caseId = b
        .prepare(
          `INSERT INTO cases (case_type, number, number_year, number_serial, code, received_on, cause_name, status, created_at, updated_at)
           VALUES ('调登', ?, 2026, ?, ?, ?, '民间借贷纠纷', '已登记', 'x', 'x')`,
        )
        .run(`调登〔2026〕${i + 10}`, i + 10, `W${i}`, day).lastInsertRowid;
      b.prepare(
        `INSERT INTO mediations (case_id, flow, status, region, cause_name, received_on, mediator_id, signed_on, outcome, outcome_on, created_at, updated_at)
         VALUES (?, 'delegated', 'closed', '', '民间借贷纠纷', ?, ?, ?, ?, ?, 'x', 'x')`,
      ).run(caseId, day, i % 2 ? wu : 1, addCalendarDays(day, -(i + 1)), i % 3 ? 'agreement' : 'failed', day);
    });
    const fresh = (today: string) => {
      const cached = JSON.stringify(recommend(a, mediationId, today, 100));
      forgetRoutingCache(b);
      return { cached, fresh: JSON.stringify(recommend(b, mediationId, today, 100)) };
    };
    recommend(a, mediationId, '2026-11-28');
    for (const today of ['2026-11-29', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-06', '2026-12-02', '2027-07-01']) {
      const { cached, fresh: read } = fresh(today);
      expect(cached, today).toBe(read);
    }
    // on 2026-12-02 the window is 2025-12-02…2026-12-02: 2025-12-01 has left it, 2026-12-03 has not come
    const ranked = recommend(a, mediationId, '2026-12-02').ranked;
    expect(ranked.find((r) => r.name === '陈村调')!.reasons).toContain('近一年调解成功率 100%（2 件）');
    expect(ranked.find((r) => r.name === '吴村调')!.reasons).toContain('近一年调解成功率 50%（2 件）');
  });

  it('migration 0023 holds exactly the roster triggers written in routingCache.ts', () => {
    const file = fs.readFileSync(path.join(__dirname, '../../db/migrations/0023_roster_member_versions.sql'), 'utf8');
    expect(file.trimEnd().endsWith(membersMigrationSql())).toBe(true);
  });

  it('migration 0018 holds exactly the version rows and triggers written in routingCache.ts', () => {
    const file = fs.readFileSync(path.join(__dirname, '../../db/migrations/0018_routing_versions.sql'), 'utf8');
    expect(file.trimEnd().endsWith(versionsMigrationSql())).toBe(true);
  });
});
