import { describe, expect, it } from 'vitest';
import '../core/areas';
import { searchCaseIds } from '../core/cases/search';
import { listDocuments } from '../core/documents/register';
import { myHearings } from '../core/docket/hearings';
import { containsOneOf, distinctValues } from '../core/lists/query';
import { centreFigures, openDocket } from '../core/docket/views';
import { listRelief } from '../core/fees/relief';
import { reliefTotals } from '../core/fees/totals';
import { outcomeStats } from '../core/mediation/counters';
import { listMediations } from '../core/mediation/list';
import type { ListInput } from '../core/mediation/schemas';
import { mediationWarnings } from '../core/mediation/warnings';
import { mediationStats } from '../core/mediation/stats';
import { docketStats } from '../core/docket/stats';
import { caseStats } from '../core/cases/stats';
import { expectIndexUsed, queryPlan, recordStatements, type RecordedStatement } from '../test/queryPlan';
import { openDatabase } from './connection';

// The registers a desk opens all day must answer from an index, not by reading every row: at 100k cases a full
// scan turns a keystroke into a pause. Each test runs the real function, takes the SQL it sent, and asks SQLite's
// planner (EXPLAIN QUERY PLAN) which index it uses.
const { sqlite, db } = openDatabase({ file: ':memory:' });

function statement(all: RecordedStatement[], pattern: RegExp): RecordedStatement {
  const hit = all.find((s) => pattern.test(s.sql));
  expect(hit, `no statement matching ${pattern} among\n${all.map((s) => s.sql).join('\n')}`).toBeDefined();
  return hit!;
}

function expectUses(all: RecordedStatement[], pattern: RegExp, index: string): void {
  const s = statement(all, pattern);
  expectIndexUsed(sqlite, s.sql, s.params, index);
}

describe('hot queries use their indexes', () => {
  it('case search by 案号 reads one row through the unique 案号 index', () => {
    const ran = recordStatements(sqlite, () => searchCaseIds(db, '(2026)浙0522民初41号', 20));
    expectUses(ran, /"cases"\."number" = \?/, 'cases_number_unique');
  });

  it('case search by ID number goes parties (id_number) → case_parties (party_id, case_id)', () => {
    const ran = recordStatements(sqlite, () => searchCaseIds(db, '33052219900101123X', 20));
    expectUses(ran, /"parties"\."id_number" = \?/, 'parties_id_number_idx');
    expectUses(ran, /"parties"\."id_number" = \?/, 'case_parties_party_idx');
  });

  it('case list: 案由 contains reads the distinct causes and a rare cause’s cases through cases_cause_idx', () => {
    const env = { today: '2026-12-02', sqlite };
    const ran = recordStatements(sqlite, () => distinctValues(sqlite, 'cases', 'cause_name'));
    expectUses(ran, /WITH RECURSIVE v/, 'cases_cause_idx');
    const cond = containsOneOf('cases', 'cause_name', 'c.cause_name');
    sqlite
      .prepare(
        `INSERT INTO cases (case_type, number, number_year, number_serial, code, received_on, cause_name, status, created_at, updated_at)
      VALUES ('民初', 'N1', 2026, 1, 'K1', '2026-11-02', '海上、通海水域货物运输合同纠纷', '已立案', 'x', 'x')`,
      )
      .run();
    const c = cond('海上', env);
    expectIndexUsed(
      sqlite,
      `SELECT c.id FROM cases c WHERE ${c.sql} ORDER BY c.received_on DESC, c.id DESC LIMIT 51`,
      c.params,
      'cases_cause_idx',
    );
    sqlite.prepare(`DELETE FROM cases WHERE number = 'N1'`).run();
  });

  it('case list: a status or a type filter in the default order (newest received first) reads its first page in index order', () => {
    const page = (where: string) =>
      `SELECT c.id FROM cases c LEFT JOIN docket_cases d ON d.case_id = c.id LEFT JOIN users u ON u.id = d.judge_id
        WHERE ${where} ORDER BY c.received_on DESC, c.id DESC LIMIT 51`;
    expectIndexUsed(sqlite, page('c.status = ?'), ['已登记'], 'cases_status_idx');
    expectIndexUsed(sqlite, page('c.case_type = ?'), ['民督'], 'cases_type_received_idx');
    for (const [where, p] of [
      ['c.status = ?', ['已登记']],
      ['c.case_type = ?', ['民督']],
    ] as const)
      expect(queryPlan(sqlite, page(where), [...p]).join('\n')).not.toMatch(/TEMP B-TREE/);
  });

  it('relief register: the open applications and a period of applications page through their indexes', () => {
    const open = recordStatements(sqlite, () => listRelief(db, { status: 'open', page: 1, pageSize: 20 }));
    expectUses(open, /select count\(\*\)/i, 'relief_status_idx');
    const period = recordStatements(sqlite, () => listRelief(db, { from: '2026-01-01', to: '2026-06-30', page: 1, pageSize: 20 }));
    expectUses(period, /select count\(\*\)/i, 'relief_applied_kind_idx');
    const ofCase = recordStatements(sqlite, () => listRelief(db, { caseId: 7, page: 1, pageSize: 20 }));
    expectUses(ofCase, /select count\(\*\)/i, 'relief_case_idx');
  });

  it('relief totals by month and kind use the applied_on and decided_on indexes of migration 0005', () => {
    const ran = recordStatements(sqlite, () => reliefTotals(db, '2026-01', '2026-12'));
    expectUses(ran, /"applied_on" >= \?/, 'relief_applied_kind_idx');
    expectUses(ran, /"decided_on" >= \?/, 'relief_decided_idx');
  });

  it('documents register: by case, by template and by date', () => {
    const ofCase = recordStatements(sqlite, () => listDocuments(db, { caseId: 7, page: 1, pageSize: 20 }));
    expectUses(ofCase, /count\(/i, 'documents_case_idx');
    const ofTemplate = recordStatements(sqlite, () => listDocuments(db, { templateId: 'notice', page: 1, pageSize: 20 }));
    expectUses(ofTemplate, /count\(/i, 'documents_template_idx');
    const ofDays = recordStatements(sqlite, () => listDocuments(db, { from: '2026-11-01', to: '2026-11-30', page: 1, pageSize: 20 }));
    expectUses(ofDays, /count\(/i, 'documents_created_idx');
  });

  it('docket: the open cases, and one judge’s open cases, read in urgency order from an index and counted from the counters', () => {
    for (const judgeId of [null, 3]) {
      const st = recordStatements(sqlite, () => openDocket(db, '2026-11-23', judgeId));
      // the rows shown, in due order: a judge's through the covering desk index, everyone's through (status, due)
      expectUses(
        st,
        /FROM docket_cases[\s\S]*ORDER BY due_on, case_id/,
        judgeId === null ? 'docket_cases_open_due_idx' : 'docket_cases_desk_idx',
      );
      expectUses(st, /suspended_until = \?/, 'docket_cases_suspended_idx');
      // the counts: a few rows per judge and due date, a judge's by primary key (everyone's: the whole small table)
      if (judgeId !== null) expectUses(st, /FROM docket_open_dues/, 'sqlite_autoindex_docket_open_dues_1');
    }
  });

  it('docket: the desk’s hearings of the day and the week are counted from the judge’s calendar index alone', () => {
    const st = recordStatements(sqlite, () => myHearings(db, 3, '2026-11-25'));
    expectUses(st, /count\(\*\)/, 'docket_hearings_judge_idx');
    const plan = queryPlan(sqlite, statement(st, /count\(\*\)/).sql, statement(st, /count\(\*\)/).params);
    expect(plan.join('\n')).toContain('COVERING INDEX docket_hearings_judge_idx');
  });

  it('docket: the centre view counts open cases from the counters and this month’s closings from the closed index', () => {
    const st = recordStatements(sqlite, () => centreFigures(db, '2026-11-23'));
    expectUses(st, /AS nearLimit/, 'sqlite_autoindex_docket_open_dues_1');
    expectUses(st, /closed_on >= /, 'docket_cases_closed_idx');
    // docket_close_stats is a few rows per judge and month: read whole through its primary key
    expectUses(st, /FROM docket_close_stats/, 'sqlite_autoindex_docket_close_stats_1');
  });

  it('mediation register: by status and by flow', () => {
    const byStatus = recordStatements(sqlite, () =>
      listMediations(sqlite, { status: 'in-progress', limit: 50 } as ListInput, '2026-11-23'),
    );
    expectUses(byStatus, /FROM mediations m/, 'mediations_status_id_idx');
    const byFlow = recordStatements(sqlite, () => listMediations(sqlite, { flow: 'delegated', limit: 50 } as ListInput, '2026-11-23'));
    expectUses(byFlow, /FROM mediations m/, 'mediations_flow_id_idx');
  });

  it('mediation warnings: each limit, its rows and its counts, read through its (status, due) index', () => {
    const ran = recordStatements(sqlite, () => mediationWarnings(sqlite, '2026-11-23'));
    for (const [column, index] of [
      ['assign_due', 'mediations_assign_due_idx'],
      ['accept_due', 'mediations_accept_due_idx'],
      ['contact_due', 'mediations_contact_due_idx'],
      ['due_on', 'mediations_due_idx'],
    ] as const) {
      // the centre's rows come from the index alone (ids and due dates); the case is joined for the shown rows only
      const rows = statement(ran, new RegExp(`SELECT m\\.id[\\s\\S]*m\\.${column} <= @until`));
      expect(queryPlan(sqlite, rows.sql, rows.params).join('\n')).toContain(`USING COVERING INDEX ${index}`);
    }
    // the centre's counts: a sum over the counts per due date (dueCounts.ts), by their primary key
    expectUses(ran, /FROM mediation_due_counts WHERE kind = @kind AND due <= @until/, 'sqlite_autoindex_mediation_due_counts_1');
    // a mediator's: index range counts over the register
    const mine = recordStatements(sqlite, () => mediationWarnings(sqlite, '2026-11-23', { mediatorId: 1 }));
    expectUses(
      mine,
      /SELECT \(SELECT count\(\*\)[\s\S]*m\.assign_due <= @until AND m\.mediator_id = @mediatorId/,
      'mediations_assign_due_idx',
    );
    const details = statement(ran, /json_each\(@ids\)/);
    expect(queryPlan(sqlite, details.sql, details.params).join('\n')).toMatch(/SEARCH m USING INTEGER PRIMARY KEY/);
  });

  it('the centre’s figures read each register once per date column, from an index that covers the pass', () => {
    const period = { from: '2025-01-01', to: '2025-12-31' };
    const covered = (ran: RecordedStatement[], pattern: RegExp, index: string) => {
      const s = statement(ran, pattern);
      expect(queryPlan(sqlite, s.sql, s.params).join('\n')).toContain(`USING COVERING INDEX ${index}`);
    };
    const cases = recordStatements(sqlite, () => caseStats(sqlite, period, '2025-12-31'));
    expect(cases).toHaveLength(1);
    covered(cases, /c\.received_on AS day/, 'cases_received_type_idx');
    expect(queryPlan(sqlite, cases[0]!.sql, cases[0]!.params).join('\n')).not.toMatch(/TEMP B-TREE/);
    const mediation = recordStatements(sqlite, () => mediationStats(sqlite, period, '2025-12-31'));
    covered(mediation, /m\.cause_name AS cause, count\(\*\) AS n/, 'mediations_received_idx');
    covered(mediation, /AS days, sum\(m\.outcome = 'agreement'\)/, 'mediations_outcome_idx');
    covered(mediation, /median\(/, 'mediations_outcome_idx');
    const docket = recordStatements(sqlite, () => docketStats(db, sqlite, period, '2025-12-31'));
    covered(docket, /d\.procedure AS procedure, count\(\*\)/, 'docket_cases_filed_idx');
    covered(docket, /d\.procedure AS procedure, CAST/, 'docket_cases_closed_idx');
  });

  it('routing reads each mediator’s outcome totals by primary key, not the register', () => {
    const ran = recordStatements(sqlite, () => outcomeStats(sqlite, '2025-11-23', '2026-11-23'));
    expectUses(ran, /FROM mediators md/, 'sqlite_autoindex_mediator_outcome_totals_1');
    expect(ran.some((s) => /FROM "?mediations"?\b/.test(s.sql))).toBe(false);
  });
});
