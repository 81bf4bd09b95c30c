import type Database from 'better-sqlite3';
import type { Db } from '../context';
import { MEDIATOR_KINDS, type MediatorKind } from './labels';
import { mediationSettingsOn } from './settings';

/**
 * The monthly subsidy statement (案件补贴; Dongguan pays per case, e.g. 600 yuan for a success): every mediation
 * that ended in the month with an agreement or a failure, priced by the mediator's kind and outcome at the rate in
 * force on the outcome date (dated settings), totalled per mediator and per organisation. Integer fen.
 */
export function subsidyStatement(db: Db, sqlite: Database.Database, month: string) {
  const rows = sqlite
    .prepare(
      `SELECT m.id, c.number AS caseNumber, m.outcome, m.outcome_on AS outcomeOn, md.id AS mediatorId, md.name AS mediatorName, md.kind,
              o.id AS orgId, o.name AS orgName
         FROM mediations m
         JOIN cases c ON c.id = m.case_id
         JOIN mediators md ON md.id = m.mediator_id
         LEFT JOIN mediation_orgs o ON o.id = m.org_id
        WHERE m.outcome_on >= @from AND m.outcome_on <= @to AND m.outcome IN ('agreement', 'failed')
        ORDER BY md.id, m.outcome_on, m.id`,
    )
    .all({ from: `${month}-01`, to: `${month}-31` }) as {
    id: number;
    caseNumber: string;
    outcome: 'agreement' | 'failed';
    outcomeOn: string;
    mediatorId: number;
    mediatorName: string;
    kind: MediatorKind;
    orgId: number | null;
    orgName: string | null;
  }[];
  const lines = rows.map((r) => {
    const rate = mediationSettingsOn(db, r.outcomeOn).subsidies[r.kind] ?? { successFen: 0, failureFen: 0 };
    return {
      mediationId: r.id,
      caseNumber: r.caseNumber,
      outcomeLabel: r.outcome === 'agreement' ? '调解成功' : '调解不成',
      outcomeOn: r.outcomeOn,
      mediatorId: r.mediatorId,
      mediatorName: r.mediatorName,
      kindLabel: MEDIATOR_KINDS[r.kind] ?? r.kind,
      orgName: r.orgName,
      amountFen: r.outcome === 'agreement' ? rate.successFen : rate.failureFen,
    };
  });
  const total = <K extends 'mediatorName' | 'orgName'>(key: K) => {
    const map = new Map<string, { name: string; cases: number; success: number; amountFen: number }>();
    for (const l of lines) {
      const name = l[key] ?? '（无所属组织）';
      const t = map.get(name) ?? { name, cases: 0, success: 0, amountFen: 0 };
      t.cases++;
      if (l.outcomeLabel === '调解成功') t.success++;
      t.amountFen += l.amountFen;
      map.set(name, t);
    }
    return [...map.values()];
  };
  return { month, lines, byMediator: total('mediatorName'), byOrg: total('orgName'), totalFen: lines.reduce((s, l) => s + l.amountFen, 0) };
}
