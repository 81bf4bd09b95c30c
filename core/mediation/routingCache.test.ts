import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/connection';
import { recommend } from './routing';
import { versionsMigrationSql } from './routingCache';

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

  it('migration 0018 holds exactly the version rows and triggers written in routingCache.ts', () => {
    const file = fs.readFileSync(path.join(__dirname, '../../db/migrations/0018_routing_versions.sql'), 'utf8');
    expect(file.trimEnd().endsWith(versionsMigrationSql())).toBe(true);
  });
});
