import { and, desc, eq, gt, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { caseParties, cases, parties } from '../../db/schema';
import type Database from 'better-sqlite3';
import type { Db } from '../context';
import { normaliseCaseNumber } from '../numbering';
import { normaliseIdNumber } from '../parties';
import { normaliseCaseCode } from './caseCode';

/**
 * Case search for a million cases (issue 3): every query kind runs on an index, never a scan.
 * - a case code or a full 案号 → the unique index;
 * - a whole ID / USCC number or phone number → parties' B-tree indexes, joined through case_parties (a
 *   trigram phrase of 16 digit trigrams walks doclists that cover most of the index — every ID here starts
 *   330522 — and took 100–400 ms at 1M cases); when no party has it, the trigram search below;
 * - the last six characters of an ID number (330522…123456 → 123456) → parties_id_tail_idx, an index on
 *   substr(id_number, -6) (issue 15: the trigram index took 11–23 ms p95 for them at 1M cases);
 * - 3+ characters (part of a 案号, a name, an ID number, a phone) → the FTS5 trigram index case_search;
 * - 2 characters (张三) → parties named exactly that, then names that start with it (张三丰), each through
 *   the parties.name index and case_parties (exact names first: a common prefix such as 陈伟 matches
 *   thousands of parties at 1M cases, the exact name a tenth of them).
 *   When no name matches: organisations whose name contains the two characters ("银行", from the
 *   parties_kind_name_idx index alone), then 案号 / register numbers that begin with them ("调登").
 * Newest cases first (within each of the two name groups).
 */
const SEPARATOR = ' ¦ ';

/**
 * The text of a case's row in the search index: 案号, case code, then each party's name, ID / USCC number and
 * phone in case_parties order. The one recipe for every writer of case_search (filing, corrections, the
 * bulk seeder in core/seed).
 */
export function caseSearchText(
  c: { number: string; code: string },
  ps: readonly { name: string; idNumber: string | null; phone: string | null }[],
): string {
  return [c.number, c.code, ...ps.flatMap((p) => [p.name, p.idNumber, p.phone])].filter(Boolean).join(SEPARATOR);
}

/** Rebuilds a case's row in the search index; call inside the transaction that changed the case. */
export function indexCaseForSearch(sqlite: Database.Database, caseId: number): void {
  indexCasesForSearch(sqlite, [caseId]);
}

/**
 * Rebuilds the search rows of several cases with four statements in all, not four per case: two reads over the
 * whole batch (the cases, then their parties in order) and the delete and insert of each row, as plain cached
 * statements. The query builder cost more than the index writes themselves, and a party in 25,000 cases took
 * 139 s to re-index (issue 11). Call inside the transaction that changed the cases (`sqlite` is its connection).
 */
export function indexCasesForSearch(sqlite: Database.Database, caseIds: readonly number[]): void {
  if (caseIds.length === 0) return;
  const ids = JSON.stringify(caseIds);
  const heads = sqlite.prepare('SELECT id, number, code FROM cases WHERE id IN (SELECT value FROM json_each(?))').all(ids) as {
    id: number;
    number: string;
    code: string;
  }[];
  const byCase = new Map<number, { name: string; idNumber: string | null; phone: string | null }[]>();
  const partyRows = sqlite
    .prepare(
      `SELECT cp.case_id AS caseId, p.name, p.id_number AS idNumber, p.phone
         FROM case_parties cp JOIN parties p ON p.id = cp.party_id
        WHERE cp.case_id IN (SELECT value FROM json_each(?))
        ORDER BY cp.case_id, cp.seq`,
    )
    .all(ids) as { caseId: number; name: string; idNumber: string | null; phone: string | null }[];
  for (const r of partyRows) {
    let list = byCase.get(r.caseId);
    if (!list) byCase.set(r.caseId, (list = []));
    list.push(r);
  }
  const remove = sqlite.prepare('DELETE FROM case_search WHERE rowid = ?');
  const insert = sqlite.prepare('INSERT INTO case_search (rowid, text) VALUES (?, ?)');
  for (const c of heads) {
    remove.run(c.id);
    insert.run(c.id, caseSearchText(c, byCase.get(c.id) ?? []));
  }
}

export type MatchKind = 'code' | 'number' | 'text' | 'name';

/** Case ids matching a query, newest first, with how they matched. */
export function searchCaseIds(db: Db, rawQuery: string, limit: number): { ids: number[]; matchedBy: MatchKind | null } {
  const q = rawQuery.trim();
  if (q.length === 0) return { ids: [], matchedBy: null };

  const code = normaliseCaseCode(q);
  if (code) {
    const hit = db.select({ id: cases.id }).from(cases).where(eq(cases.code, code)).get();
    if (hit) return { ids: [hit.id], matchedBy: 'code' };
  }
  const number = normaliseCaseNumber(q);
  if (number) {
    const hit = db.select({ id: cases.id }).from(cases).where(eq(cases.number, number)).get();
    if (hit) return { ids: [hit.id], matchedBy: 'number' };
  }

  const identity = wholeIdentity(q);
  if (identity) {
    const ids = casesOfParties(db, identity, limit);
    if (ids.length > 0) return { ids, matchedBy: 'text' };
  }

  const tail = idTail(q);
  if (tail) {
    // the last six characters of an ID number: parties_id_tail_idx (issue 15), not the trigram index, whose
    // doclists for six digits span much of a million cases
    const ids = casesOfPartyIds(db, partyIdsWhere(db, sql`substr(id_number, -6) = ${tail}`), limit);
    if (ids.length > 0) return { ids, matchedBy: 'text' };
  }

  const chars = [...q];
  if (chars.length >= 3) {
    // An ID number is searched as people type it (lower-case x, full-width digits); a 案号 fragment keeps
    // its full-width brackets, which is how it is indexed.
    const term = /^[\dxX０-９]+$/.test(q) ? normaliseIdNumber(q) : q.replace(/\(/g, '（').replace(/\)/g, '）');
    const phrase = `"${term.replace(/"/g, '""')}"`;
    const rows = db.all<{ id: number }>(
      sql`SELECT rowid AS id FROM case_search WHERE case_search MATCH ${phrase} ORDER BY rowid DESC LIMIT ${limit}`,
    );
    return { ids: rows.map((r) => r.id), matchedBy: 'text' };
  }
  if (chars.length === 2 && !/^[\dA-Za-z]+$/.test(q)) {
    const ids = casesOfParties(db, eq(parties.name, q), limit);
    if (ids.length < limit) {
      const seen = new Set(ids);
      for (const id of casesOfParties(db, and(gt(parties.name, q), lt(parties.name, `${q}\u{10FFFF}`))!, limit)) {
        if (ids.length === limit) break;
        if (!seen.has(id)) ids.push(id);
      }
    }
    if (ids.length > 0) return { ids, matchedBy: 'name' };
    // an organisation by any part of its name ("银行"): the organisations' names only, read from their index
    const orgs = casesOfPartyIds(db, partyIdsWhere(db, sql`kind = 'organisation' AND instr(name, ${q}) > 0`), limit);
    if (orgs.length > 0) return { ids: orgs, matchedBy: 'name' };
    // a register number's or 案号's beginning ("调登", "调登〔2026〕"): the unique index on number, newest first
    return { ids: numberPrefix(db, q, limit), matchedBy: 'number' };
  }
  return { ids: [], matchedBy: null };
}

/** 6 digits, or 5 digits and X: the end of an ID number as a clerk reads it off a card. */
function idTail(q: string): string | null {
  const t = normaliseIdNumber(q);
  return /^\d{5}[\dX]$/.test(t) ? t : null;
}

/** Parties matching a condition, at most MAX_PARTIES of them. */
const MAX_PARTIES = 2000;
function partyIdsWhere(db: Db, where: SQL): number[] {
  return db.all<{ id: number }>(sql`SELECT id FROM parties WHERE ${where} LIMIT ${MAX_PARTIES}`).map((r) => r.id);
}

/**
 * The newest cases of a set of parties: the newest `limit` of each through case_parties (party_id, case_id),
 * merged — a bank with 20 000 cases costs one short index walk, not a sort of its 20 000 cases.
 */
function casesOfPartyIds(db: Db, partyIds: number[], limit: number): number[] {
  const all = new Set<number>();
  for (const id of partyIds)
    for (const r of db.all<{ id: number }>(
      sql`SELECT case_id AS id FROM case_parties WHERE party_id = ${id} ORDER BY case_id DESC LIMIT ${limit}`,
    ))
      all.add(r.id);
  return [...all].sort((a, b) => b - a).slice(0, limit);
}

function numberPrefix(db: Db, q: string, limit: number): number[] {
  return db
    .select({ id: cases.id })
    .from(cases)
    .where(and(gte(cases.number, q), lt(cases.number, `${q}\u{10FFFF}`)))
    .orderBy(desc(cases.number))
    .limit(limit)
    .all()
    .map((r) => r.id);
}

/** A whole ID / USCC number (18 characters) or phone number as typed, as the condition on parties; else null. */
function wholeIdentity(q: string): SQL | null {
  const compact = normaliseIdNumber(q);
  if (/^[0-9A-Z]{18}$/.test(compact)) return eq(parties.idNumber, compact);
  if (/^1\d{10}$/.test(compact) || /^0\d{2,3}-\d{7,8}$/.test(compact)) return eq(parties.phone, compact);
  return null;
}

/** The newest cases of the parties matching `where` (parties' indexes, then case_parties (party_id, case_id)). */
function casesOfParties(db: Db, where: SQL, limit: number): number[] {
  return db
    .selectDistinct({ id: caseParties.caseId })
    .from(parties)
    .innerJoin(caseParties, eq(caseParties.partyId, parties.id))
    .where(where)
    .orderBy(desc(caseParties.caseId))
    .limit(limit)
    .all()
    .map((r) => r.id);
}

export interface CaseSummary {
  id: number;
  caseType: string;
  number: string;
  code: string;
  receivedOn: string;
  causeName: string;
  status: string;
  amountFen: number | null;
  /** 原告 张三 等 诉 被告 李四 — who against whom, names only */
  partiesText: string;
}

/** One query for the rows, one for their parties: a result page costs two indexed queries. */
export function caseSummaries(db: Db, ids: number[]): CaseSummary[] {
  if (ids.length === 0) return [];
  const rows = db
    .select({
      id: cases.id,
      caseType: cases.caseType,
      number: cases.number,
      code: cases.code,
      receivedOn: cases.receivedOn,
      causeName: cases.causeName,
      status: cases.status,
      amountFen: cases.amountFen,
    })
    .from(cases)
    .where(inArray(cases.id, ids))
    .all();
  const byCase = partiesTextOf(db, ids);
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows.map((r) => ({ ...r, partiesText: byCase.get(r.id) ?? '' })).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/** 原告 张三 等 — 被告 李四 for each case: one indexed query for a page of cases (lists, search results). */
export function partiesTextOf(db: Db, caseIds: readonly number[]): Map<number, string> {
  const out = new Map<number, string>();
  if (caseIds.length === 0) return out;
  const ps = db
    .select({ caseId: caseParties.caseId, role: caseParties.role, seq: caseParties.seq, name: parties.name })
    .from(caseParties)
    .innerJoin(parties, eq(parties.id, caseParties.partyId))
    .where(inArray(caseParties.caseId, [...caseIds]))
    .all();
  const byCase = new Map<number, typeof ps>();
  for (const p of ps) byCase.set(p.caseId, [...(byCase.get(p.caseId) ?? []), p]);
  for (const [id, list] of byCase) out.set(id, partiesText(list));
  return out;
}

function partiesText(ps: { role: string; seq: number; name: string }[]): string {
  const sorted = [...ps].sort((a, b) => a.seq - b.seq);
  const side = (roles: string[]) => sorted.filter((p) => roles.includes(p.role)).map((p) => p.name);
  const first = side(['原告', '申请人']);
  const second = side(['被告', '被申请人']);
  const names = (list: string[]) => (list.length > 2 ? `${list.slice(0, 2).join('、')}等` : list.join('、'));
  return second.length ? `${names(first)} — ${names(second)}` : names(first);
}

/** A set of cases as SQL: a SELECT of case ids and its parameters (a list narrows by it, core/lists/query.ts). */
export interface CaseSet {
  sql: string;
  params: unknown[];
  /** the set is the cases of these parties (a JSON array of party ids): a list can test a row by its parties */
  partyIds?: string;
}

/**
 * Every case a query finds, as a set for a list to filter and page by (issue 15): the same kinds of query, tried
 * in the same order, as `searchCaseIds` — which returns only the newest `limit` for the search box — so a list
 * searched for "银行" holds all of the banks' cases, in the list's own order and filters. Null when nothing matches.
 * Party ids are looked up once here (at most MAX_PARTIES, as the search box does) and passed as one JSON
 * parameter, so the list's page, count and size check reuse them without running the name scan again.
 */
export function caseSetOf(db: Db, rawQuery: string): CaseSet | null {
  const q = rawQuery.trim();
  if (q.length === 0) return null;
  const one = (id: number): CaseSet => ({ sql: 'SELECT ?', params: [id] });
  const ofParties = (ids: number[]): CaseSet | null => {
    if (ids.length === 0) return null;
    const json = JSON.stringify(ids);
    return { sql: 'SELECT case_id FROM case_parties WHERE party_id IN (SELECT value FROM json_each(?))', params: [json], partyIds: json };
  };

  const code = normaliseCaseCode(q);
  if (code) {
    const hit = db.select({ id: cases.id }).from(cases).where(eq(cases.code, code)).get();
    if (hit) return one(hit.id);
  }
  const number = normaliseCaseNumber(q);
  if (number) {
    const hit = db.select({ id: cases.id }).from(cases).where(eq(cases.number, number)).get();
    if (hit) return one(hit.id);
  }
  const identity = wholeIdentity(q);
  if (identity) {
    const set = ofParties(
      db
        .select({ id: parties.id })
        .from(parties)
        .where(identity)
        .limit(MAX_PARTIES)
        .all()
        .map((r) => r.id),
    );
    if (set) return set;
  }
  const tail = idTail(q);
  if (tail) {
    const set = ofParties(partyIdsWhere(db, sql`substr(id_number, -6) = ${tail}`));
    if (set) return set;
  }
  const chars = [...q];
  if (chars.length >= 3) {
    const term = /^[\dxX０-９]+$/.test(q) ? normaliseIdNumber(q) : q.replace(/\(/g, '（').replace(/\)/g, '）');
    const phrase = `"${term.replace(/"/g, '""')}"`;
    const any = db.get<{ id: number }>(sql`SELECT rowid AS id FROM case_search WHERE case_search MATCH ${phrase} LIMIT 1`);
    return any ? { sql: 'SELECT rowid FROM case_search WHERE case_search MATCH ?', params: [phrase] } : null;
  }
  if (chars.length === 2 && !/^[\dA-Za-z]+$/.test(q)) {
    const named = partyIdsWhere(db, sql`name >= ${q} AND name < ${`${q}\u{10FFFF}`}`);
    const byName = ofParties(named);
    if (byName) return byName;
    const orgs = ofParties(partyIdsWhere(db, sql`kind = 'organisation' AND instr(name, ${q}) > 0`));
    if (orgs) return orgs;
    const hit = db.get<{ id: number }>(sql`SELECT id FROM cases WHERE number >= ${q} AND number < ${`${q}\u{10FFFF}`} LIMIT 1`);
    return hit ? { sql: 'SELECT id FROM cases WHERE number >= ? AND number < ?', params: [q, `${q}\u{10FFFF}`] } : null;
  }
  return null;
}
