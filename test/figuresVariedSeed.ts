import type Database from 'better-sqlite3';

/**
 * A register of a few thousand records with every shape the figures meet (core/stats/figuresEquality.test.ts):
 * cases of every type over 2025–2026, mediations unassigned, with outside organisations and mediators, without a
 * signing day, in progress past their limit, refused or converted; docket cases open, suspended, closed every way
 * or transferred, with and without a judge or a procedure; confirmations accepted, not accepted, decided every way,
 * with an extension; relief applications of every status. The values come from a fixed pseudo-random sequence,
 * so the register is the same on every run. Written straight into the tables, as test/figuresSeed.ts does.
 */
export function seedVariedFigures(db: Database.Database, cases: number): void {
  let state = 20261202;
  const rnd = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor((state / 2147483648) * n);
  };
  const pick = <T>(xs: readonly T[]): T => xs[rnd(xs.length)]!;
  const day = (from: string, plus: number): string => {
    const t = new Date(`${from}T00:00:00Z`).getTime() + plus * 86_400_000;
    return new Date(t).toISOString().slice(0, 10);
  };
  const at = '2026-12-01T09:00:00+08:00';
  const causes = ['民间借贷纠纷', '买卖合同纠纷', '物业服务合同纠纷', '离婚纠纷', '机动车交通事故责任纠纷', '劳动争议', '金融借款合同纠纷'];
  const moreCauses = Array.from({ length: 30 }, (_, i) => `其他纠纷${i}`);
  db.exec('BEGIN');
  const judges: number[] = [];
  for (let j = 1; j <= 6; j++) {
    const r = db
      .prepare(`INSERT INTO users (username, display_name, password_hash, created_at, updated_at) VALUES (?, ?, 'x', ?, ?)`)
      .run(`vj${j}`, `法官${j}`, at, at);
    judges.push(Number(r.lastInsertRowid));
  }
  for (let o = 1; o <= 8; o++)
    db.prepare(
      `INSERT INTO mediation_orgs (id, name, kind, level, region, active_from, created_at, updated_at) VALUES (?, ?, 'people', 'town', '长兴县', '2020-01-01', ?, ?)`,
    ).run(o, `调解组织${o}`, at, at);
  for (let m = 1; m <= 30; m++)
    db.prepare(
      `INSERT INTO mediators (id, name, kind, org_id, capacity, active_from, created_at, updated_at) VALUES (?, ?, 'invited', ?, 20, '2020-01-01', ?, ?)`,
    ).run(m, `调解员${m}`, 1 + (m % 8), at, at);
  const insertCase = db.prepare(
    `INSERT INTO cases (id, case_type, number, number_year, number_serial, code, received_on, cause_name, status, created_by, created_at, updated_at)
     VALUES (?, ?, ?, 2026, ?, ?, ?, ?, '已立案', 1, ?, ?)`,
  );
  const insertMediation = db.prepare(
    `INSERT INTO mediations (case_id, flow, status, cause_name, received_on, org_id, mediator_id, signed_on, due_on, outcome, outcome_on,
       outside_org_name, outside_mediator_name, created_at, updated_at)
     VALUES (@caseId, @flow, @status, @cause, @receivedOn, @orgId, @mediatorId, @signedOn, @dueOn, @outcome, @outcomeOn, @outsideOrg, @outsideMediator, @at, @at)`,
  );
  const insertDocket = db.prepare(
    `INSERT INTO docket_cases (case_id, source, status, filed_on, entered_at, procedure, judge_id, closed_on, close_method, due_on, suspended_until)
     VALUES (@caseId, 'filing', @status, @filedOn, @at, @procedure, @judgeId, @closedOn, @method, @dueOn, @suspendedUntil)`,
  );
  const insertConfirmation = db.prepare(
    `INSERT INTO confirmations (case_id, source, mediation_id, organisation_kind, organisation_name, organisation_place, mediator_name, agreement_date,
       agreement_effective_on, terms, application_form, materials, applied_on, fee_basis, stage, acceptance_decided_on, judge_id, extension_days,
       outcome, decided_on, created_at, updated_at)
     VALUES (@caseId, @source, @mediationId, @kind, @org, '长兴县', '调解员', @appliedOn, @appliedOn, '[]', 'written', '{}', @appliedOn, '不交纳',
       @stage, @acceptedOn, @judgeId, @extension, @outcome, @decidedOn, @at, @at)`,
  );
  const insertRelief = db.prepare(
    `INSERT INTO relief_applications (case_id, case_party_id, kind, ground, fee_fen, applied_on, status, decided_on, granted_percent, relief_fen, created_by, created_at, updated_at)
     VALUES (?, ?, ?, 'other', 5000, ?, ?, ?, ?, ?, 1, ?, ?)`,
  );
  db.prepare(`INSERT INTO parties (id, kind, name, id_type, created_at, updated_at) VALUES (1, 'person', '张三', 'none', ?, ?)`).run(
    at,
    at,
  );
  const insertParty = db.prepare(`INSERT INTO case_parties (case_id, party_id, role, seq) VALUES (?, 1, '原告', 1)`);
  const mediationIds: number[] = [];
  for (let i = 1; i <= cases; i++) {
    const type = pick(['民初', '民初', '民初', '调登', '调登', '民特', '民督', '财保', '民诉前调'] as const);
    const receivedOn = day('2025-01-01', rnd(700));
    const cause = rnd(5) === 0 ? pick(moreCauses) : pick(causes);
    insertCase.run(i, type, `V${i}`, i, `VK${i}`, receivedOn, cause, at, at);
    if (type === '调登' || type === '民诉前调' || (type === '民初' && rnd(3) === 0)) {
      const flow = type === '调登' ? pick(['delegated', 'delegated', 'outside'] as const) : type === '民初' ? 'entrusted' : 'legacy';
      const outside = flow === 'outside';
      const assigned = rnd(8) !== 0;
      const orgId = outside || !assigned ? null : 1 + rnd(8);
      const mediatorId = outside || !assigned ? null : 1 + rnd(30);
      const signedOn = assigned && rnd(10) !== 0 ? day(receivedOn, rnd(4)) : null;
      const fate = rnd(10);
      const outcome = fate < 5 ? 'agreement' : fate < 8 ? 'failed' : fate === 8 ? pick(['refused', 'converted']) : null;
      const outcomeOn = outcome ? day(receivedOn, 3 + rnd(60)) : null;
      const status =
        outcome === 'agreement' ? 'closed' : outcome ? pick(['failed', 'converted']) : pick(['in-progress', 'awaiting-assignment']);
      const r = insertMediation.run({
        caseId: i,
        flow,
        status,
        cause,
        receivedOn,
        orgId,
        mediatorId,
        signedOn,
        dueOn: signedOn ? day(signedOn, 15 + rnd(30)) : null,
        outcome,
        outcomeOn,
        outsideOrg: outside ? pick(['院外调解组织甲', '院外调解组织乙', '院外调解组织丙']) : null,
        outsideMediator: outside ? pick(['院外调解员甲', '院外调解员乙']) : null,
        at,
      });
      mediationIds.push(Number(r.lastInsertRowid));
    }
    if (type === '民初' && rnd(2) === 0) {
      const state = rnd(10);
      const status = state < 6 ? 'closed' : state < 8 ? 'open' : state === 8 ? 'transferred' : 'triage';
      const closed = status === 'closed' || status === 'transferred';
      const filedOn = receivedOn;
      insertDocket.run({
        caseId: i,
        status,
        filedOn,
        at,
        procedure: status === 'triage' ? null : pick(['small-claims', 'simplified', 'simplified', 'ordinary']),
        judgeId: status === 'triage' || rnd(15) === 0 ? null : pick(judges),
        closedOn: closed ? day(filedOn, 5 + rnd(90)) : null,
        method: status === 'transferred' ? 'transfer' : closed ? pick(['judgment', 'mediation', 'withdrawal', 'deemed-withdrawal']) : null,
        dueOn: status === 'open' ? day(filedOn, pick([60, 90, 180])) : null,
        suspendedUntil: status === 'open' && rnd(12) === 0 ? '9999-12-31' : null,
      });
    }
    if (type === '民特') {
      const stage = pick(['applied', 'accepted', 'accepted', 'not_accepted', 'decided', 'decided', 'decided', 'decided'] as const);
      const acceptedOn = stage === 'applied' ? null : day(receivedOn, rnd(4));
      const outcome = stage === 'decided' ? pick(['valid', 'valid', 'valid', 'rejected', 'withdrawn', 'deemed_withdrawn']) : null;
      const fromMediation = mediationIds.length > 0 && rnd(3) === 0;
      insertConfirmation.run({
        caseId: i,
        source: fromMediation ? 'mediation' : 'counter',
        mediationId: fromMediation ? pick(mediationIds) : null,
        kind: pick(['people', 'invited', 'court', 'administrative', 'industry', 'commercial', 'other']),
        org: rnd(4) === 0 ? `调解组织${1 + rnd(8)}` : pick(['人民调解委员会甲', '商事调解中心', '物业纠纷调解委员会']),
        appliedOn: receivedOn,
        stage,
        acceptedOn,
        judgeId: stage === 'applied' || rnd(10) === 0 ? null : pick(judges),
        extension: stage === 'accepted' && rnd(4) === 0 ? 15 : 0,
        outcome,
        decidedOn: outcome ? day(acceptedOn!, rnd(40)) : null,
        at,
      });
    }
    if (type === '民初' && rnd(25) === 0) {
      const status = pick(['pending', 'granted', 'partly_granted', 'refused', 'withdrawn'] as const);
      const decided = status === 'granted' || status === 'partly_granted' || status === 'refused';
      const party = Number(insertParty.run(i).lastInsertRowid);
      insertRelief.run(
        i,
        party,
        pick(['waive', 'reduce', 'defer']),
        receivedOn,
        status,
        decided ? day(receivedOn, rnd(20)) : null,
        status === 'granted' ? 100 : status === 'partly_granted' ? 50 : null,
        decided ? (status === 'refused' ? 0 : 2500) : null,
        at,
        at,
      );
    }
  }
  db.exec('COMMIT');
}
