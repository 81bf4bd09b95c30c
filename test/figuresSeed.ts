import type Database from 'better-sqlite3';

/**
 * A small register for the figures tests (core/stats/stats.test.ts, cli/stats.test.ts), every number of which is
 * counted by hand in core/stats/stats.test.ts. Written straight into the tables so that each date is exactly the
 * one the count assumes. `j1`, `j2`: the ids of two users who act as judges.
 */
export function seedFigures(db: Database.Database, j1: number, j2: number): void {
  const at = '2026-12-01T09:00:00+08:00';
  const kase = (id: number, type: string, on: string, cause: string) =>
    db
      .prepare(
        `INSERT INTO cases (id, case_type, number, number_year, number_serial, code, received_on, cause_name, status, created_by, created_at, updated_at)
         VALUES (?, ?, ?, 2026, ?, ?, ?, ?, '已立案', 1, ?, ?)`,
      )
      .run(
        id,
        type,
        type === '调登' ? `调登〔2026〕${String(900 + id).padStart(4, '0')}` : `（2026）浙0522${type}${900 + id}号`,
        900 + id,
        `C${String(id).padStart(7, '0')}`,
        on,
        cause,
        at,
        at,
      );
  kase(1, '民初', '2026-10-05', '民间借贷纠纷');
  kase(2, '民初', '2026-10-20', '民间借贷纠纷');
  kase(3, '民初', '2026-11-03', '买卖合同纠纷');
  kase(4, '调登', '2026-10-08', '物业服务合同纠纷');
  kase(5, '调登', '2026-11-10', '民间借贷纠纷');
  kase(6, '民特', '2026-11-12', '申请司法确认调解协议');
  kase(7, '民初', '2026-09-30', '民间借贷纠纷');
  kase(8, '调登', '2026-09-15', '物业服务合同纠纷');
  kase(9, '民特', '2026-08-20', '申请司法确认调解协议');
  kase(10, '民特', '2026-10-10', '申请司法确认调解协议');
  kase(11, '民特', '2026-08-05', '申请司法确认调解协议');

  db.prepare(
    `INSERT INTO mediation_orgs (id, name, kind, level, region, active_from, created_at, updated_at) VALUES
      (1, '雉城街道人民调解委员会', 'people', 'town', '长兴县/雉城街道', '2020-01-01', ?, ?),
      (2, '长兴县物业纠纷调解委员会', 'industry', 'county', '长兴县', '2020-01-01', ?, ?)`,
  ).run(at, at, at, at);
  db.prepare(
    `INSERT INTO mediators (id, name, kind, org_id, capacity, active_from, created_at, updated_at) VALUES
      (1, '钱调解', 'invited', 1, 10, '2020-01-01', ?, ?), (2, '孙调解', 'invited', 2, 10, '2020-01-01', ?, ?)`,
  ).run(at, at, at, at);
  const med = (
    id: number,
    caseId: number,
    flow: string,
    receivedOn: string,
    org: number | null,
    status: string,
    signedOn: string | null,
    outcome: string | null,
    outcomeOn: string | null,
    dueOn: string | null,
  ) =>
    db
      .prepare(
        `INSERT INTO mediations (id, case_id, flow, status, cause_name, received_on, org_id, mediator_id, signed_on, due_on, outcome, outcome_on, created_at, updated_at)
         VALUES (?, ?, ?, ?, (SELECT cause_name FROM cases WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, caseId, flow, status, caseId, receivedOn, org, org, signedOn, dueOn, outcome, outcomeOn, at, at);
  med(1, 4, 'delegated', '2026-10-08', 1, 'closed', '2026-10-09', 'agreement', '2026-10-19', '2026-11-09'); // 10 days
  med(2, 5, 'delegated', '2026-11-10', 1, 'converted', '2026-11-11', 'failed', '2026-11-25', '2026-12-11'); // 14 days
  med(3, 8, 'delegated', '2026-09-15', 2, 'closed', '2026-09-16', 'agreement', '2026-10-06', '2026-10-16'); // 20 days
  med(4, 1, 'entrusted', '2026-10-05', 2, 'closed', '2026-10-06', 'agreement', '2026-10-13', '2026-10-13'); // 7 days
  med(5, 2, 'entrusted', '2026-10-20', 1, 'in-progress', '2026-10-21', null, null, '2026-10-28'); // overdue
  med(6, 3, 'entrusted', '2026-11-03', null, 'awaiting-assignment', null, null, null, null);

  const conf = (
    id: number,
    caseId: number,
    mediationId: number | null,
    org: string,
    kind: string,
    appliedOn: string,
    acceptedOn: string | null,
    judge: number | null,
    stage: string,
    outcome: string | null,
    decidedOn: string | null,
  ) =>
    db
      .prepare(
        `INSERT INTO confirmations (id, case_id, source, mediation_id, organisation_kind, organisation_name, organisation_place, mediator_name,
           agreement_date, agreement_effective_on, terms, application_form, materials, applied_on, fee_basis, stage, acceptance_decided_on,
           judge_id, outcome, decided_on, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, '长兴县', '钱调解', ?, ?, '[]', 'written', '{}', ?, '不交纳', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        caseId,
        mediationId ? 'mediation' : 'counter',
        mediationId,
        kind,
        org,
        appliedOn,
        appliedOn,
        appliedOn,
        stage,
        acceptedOn,
        judge,
        outcome,
        decidedOn,
        at,
        at,
      );
  conf(1, 6, 1, '雉城街道人民调解委员会', 'people', '2026-11-12', '2026-11-12', j1, 'decided', 'valid', '2026-11-20'); // 8 days
  conf(2, 9, null, '长兴县商事调解中心', 'invited', '2026-08-20', '2026-08-21', j2, 'decided', 'rejected', '2026-10-09'); // 50 days
  conf(3, 10, null, '雉城街道人民调解委员会', 'people', '2026-10-10', '2026-10-12', j1, 'accepted', null, null); // review overdue
  conf(4, 11, null, '长兴县商事调解中心', 'invited', '2026-08-05', '2026-08-06', j2, 'decided', 'withdrawn', '2026-10-15');

  const docket = (
    caseId: number,
    filedOn: string,
    judge: number,
    procedure: string,
    status: string,
    closedOn: string | null,
    method: string | null,
    dueOn: string | null,
  ) =>
    db
      .prepare(
        `INSERT INTO docket_cases (case_id, source, status, filed_on, entered_at, procedure, judge_id, closed_on, close_method, due_on)
         VALUES (?, 'filing', ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(caseId, status, filedOn, at, procedure, judge, closedOn, method, dueOn);
  docket(1, '2026-10-05', j1, 'small-claims', 'closed', '2026-10-25', 'judgment', null); // 20 days
  docket(2, '2026-10-20', j2, 'simplified', 'closed', '2026-11-19', 'withdrawal', null); // 30 days
  docket(3, '2026-11-03', j1, 'simplified', 'open', null, null, '2026-11-20'); // overdue on 11-30
  docket(7, '2026-09-30', j2, 'small-claims', 'closed', '2026-10-10', 'mediation', null); // 10 days

  db.prepare(`INSERT INTO parties (id, kind, name, id_type, created_at, updated_at) VALUES (1, 'person', '张三', 'none', ?, ?)`).run(
    at,
    at,
  );
  for (const c of [1, 2, 3])
    db.prepare(`INSERT INTO case_parties (id, case_id, party_id, role, seq) VALUES (?, ?, 1, '原告', 1)`).run(c, c);
  const relief = (
    id: number,
    caseId: number,
    kind: string,
    appliedOn: string,
    status: string,
    decidedOn: string | null,
    percent: number | null,
    fen: number | null,
  ) =>
    db
      .prepare(
        `INSERT INTO relief_applications (id, case_id, case_party_id, kind, ground, fee_fen, applied_on, status, decided_on, granted_percent, relief_fen, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'other', 5000, ?, ?, ?, ?, ?, 1, ?, ?)`,
      )
      .run(id, caseId, caseId, kind, appliedOn, status, decidedOn, percent, fen, at, at);
  relief(1, 1, 'waive', '2026-10-06', 'granted', '2026-10-08', 100, 5000); // 2 days
  relief(2, 2, 'reduce', '2026-10-21', 'partly_granted', '2026-10-26', 50, 2500); // 5 days
  relief(3, 3, 'defer', '2026-11-04', 'refused', '2026-11-05', null, 0); // 1 day
  relief(4, 3, 'defer', '2026-11-20', 'pending', null, null, null);
}
