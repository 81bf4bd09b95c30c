import type Database from 'better-sqlite3';
import { normaliseCaseCode } from '../cases';
import { FLOWS, STATUSES, type Flow, type Status } from './labels';
import type { ListInput } from './schemas';

/**
 * The register's list: filters on indexed columns, newest first, keyset paging on the id (the next page starts
 * after the last id seen, so page 500 costs what page 1 costs). Search by name, ID number, phone, 案号 or code goes
 * through the cases area's search index (party ids → case ids → mediations).
 */
export function listMediations(sqlite: Database.Database, i: ListInput, today: string) {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: i.limit + 1 };
  if (i.flow) {
    where.push('m.flow = @flow');
    params.flow = i.flow;
  }
  if (i.status) {
    where.push('m.status = @status');
    params.status = i.status;
  }
  if (i.orgId) {
    where.push('m.org_id = @orgId');
    params.orgId = i.orgId;
  }
  if (i.mediatorId) {
    where.push('m.mediator_id = @mediatorId');
    params.mediatorId = i.mediatorId;
  }
  if (i.receivedFrom) {
    where.push('m.received_on >= @from');
    params.from = i.receivedFrom;
  }
  if (i.receivedTo) {
    where.push('m.received_on <= @to');
    params.to = i.receivedTo;
  }
  if (i.overdue) {
    where.push(`m.status = 'in-progress' AND m.due_on < @today`);
    params.today = today;
  }
  if (i.after) {
    where.push('m.id < @after');
    params.after = i.after;
  }
  if (i.q) {
    const ids = searchCaseIds(sqlite, i.q);
    if (ids.length === 0) return { rows: [], next: null };
    where.push(`m.case_id IN (${ids.map((_, n) => `@c${n}`).join(',')})`);
    ids.forEach((id, n) => (params[`c${n}`] = id));
  }
  const rows = sqlite
    .prepare(
      `SELECT m.id, c.number AS caseNumber, c.code AS caseCode, m.flow, m.status, m.cause_name AS causeName, m.received_on AS receivedOn,
              o.name AS orgName, coalesce(md.name, m.outside_mediator_name) AS mediatorName, m.due_on AS dueOn, m.case_id AS caseId,
              m.outside_org_name AS outsideOrgName
         FROM mediations m
         JOIN cases c ON c.id = m.case_id
         LEFT JOIN mediation_orgs o ON o.id = m.org_id
         LEFT JOIN mediators md ON md.id = m.mediator_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY m.id DESC LIMIT @limit`,
    )
    .all(params) as {
    id: number;
    caseNumber: string;
    caseCode: string;
    flow: Flow;
    status: Status;
    causeName: string;
    receivedOn: string;
    orgName: string | null;
    mediatorName: string | null;
    dueOn: string | null;
    caseId: number;
    outsideOrgName: string | null;
  }[];
  const page = rows.slice(0, i.limit);
  const names = partiesText(
    sqlite,
    page.map((r) => r.caseId),
  );
  return {
    rows: page.map((r) => ({
      id: r.id,
      caseNumber: r.caseNumber,
      caseCode: r.caseCode,
      flow: r.flow,
      flowLabel: FLOWS[r.flow] ?? r.flow,
      status: r.status,
      statusLabel: STATUSES[r.status] ?? r.status,
      causeName: r.causeName,
      receivedOn: r.receivedOn,
      partiesText: names.get(r.caseId) ?? '',
      orgName: r.orgName ?? r.outsideOrgName,
      mediatorName: r.mediatorName,
      dueOn: r.dueOn,
    })),
    next: rows.length > i.limit ? page[page.length - 1]!.id : null,
  };
}

function partiesText(sqlite: Database.Database, caseIds: number[]): Map<number, string> {
  const out = new Map<number, string>();
  if (!caseIds.length) return out;
  const rows = sqlite
    .prepare(
      `SELECT cp.case_id AS caseId, p.name FROM case_parties cp JOIN parties p ON p.id = cp.party_id
        WHERE cp.case_id IN (${caseIds.map(() => '?').join(',')}) ORDER BY cp.case_id, cp.seq`,
    )
    .all(...caseIds) as { caseId: number; name: string }[];
  for (const r of rows) out.set(r.caseId, out.has(r.caseId) ? `${out.get(r.caseId)}、${r.name}` : r.name);
  return out;
}

/** Case ids for a search text: a case code, a 案号, or a party's name / ID number / phone (prefix, indexed). */
function searchCaseIds(sqlite: Database.Database, q: string): number[] {
  const text = q.trim();
  const code = normaliseCaseCode(text);
  if (code) return (sqlite.prepare('SELECT id FROM cases WHERE code = ?').pluck().all(code) as number[]).slice(0, 200);
  const byNumber = sqlite.prepare('SELECT id FROM cases WHERE number = ?').pluck().all(text) as number[];
  if (byNumber.length) return byNumber;
  const partyIds = sqlite
    .prepare(
      `SELECT id FROM parties WHERE name = @q
       UNION SELECT id FROM parties WHERE id_number >= @q AND id_number < @qEnd
       UNION SELECT id FROM parties WHERE phone >= @q AND phone < @qEnd
       LIMIT 200`,
    )
    .pluck()
    .all({ q: text, qEnd: `${text}\uffff` }) as number[];
  const numberPrefix = sqlite
    .prepare(`SELECT id FROM cases WHERE number >= @q AND number < @qEnd LIMIT 200`)
    .pluck()
    .all({ q: text, qEnd: `${text}\uffff` }) as number[];
  if (!partyIds.length) return numberPrefix;
  const viaParties = sqlite
    .prepare(`SELECT DISTINCT case_id FROM case_parties WHERE party_id IN (${partyIds.map(() => '?').join(',')}) LIMIT 500`)
    .pluck()
    .all(...partyIds) as number[];
  return [...new Set([...viaParties, ...numberPrefix])];
}
