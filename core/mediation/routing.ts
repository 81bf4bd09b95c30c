import type Database from 'better-sqlite3';
import { notFound } from '../api/errors';
import { openLoads, type MediatorStats } from './counters';
import { causeAncestry } from './fields';
import { LEVEL_RANK, LEVELS, type Level } from './labels';
import { routingInputs, routingWindow, type RosterEntry } from './routingCache';

/**
 * The ranked recommendation (特邀调解规定 art. 17: the parties choose jointly, otherwise the court appoints;
 * 人民调解法 art. 8 layers: village/community, town/street, county). Deterministic: the same data give the same
 * order, every place explained. Order, most important first:
 *   1. not excluded (recusal: a party or an agent; already declined or recused in this case);
 *   2. free capacity (load below capacity);
 *   3. covers the parties' region (a mediator's regions, else its organisation's);
 *   4. not at a layer that has already declined or failed this case (escalation to the next layer);
 *   5. specialist field matching the cause (the cause, its parent or its group);
 *   6. the lowest covering layer first (village → town → county);
 *   7. recent success rate (agreements among outcomes in the last 365 days), higher first;
 *   8. recent average duration (signing for the materials to the outcome), shorter first;
 *   9. lighter load, then roster number.
 * Speed (issue 12 item 11: < 20 ms over 2,000 mediators): the roster and the 365-day figures come from an in-memory
 * cache checked against versions the triggers raise (routingCache.ts); every mediator gets its numeric key, but the
 * reasons and warnings are worded only for the `limit` shown, picked without sorting the whole roster.
 */
export interface Recommendation {
  mediatorId: number;
  name: string;
  kindLabel: string;
  orgName: string | null;
  levelLabel: string | null;
  load: number;
  capacity: number;
  successRate: number | null;
  averageDays: number | null;
  reasons: string[];
  warnings: string[];
}

export function covers(region: string, coverage: readonly string[]): boolean {
  if (!region) return false;
  return coverage.some((r) => region === r || region.startsWith(`${r}/`));
}

interface Candidate {
  e: RosterEntry;
  load: number;
  covering: boolean;
  match: string | null;
  escalatedPast: boolean;
  free: boolean;
  st: MediatorStats | undefined;
  successRate: number | null;
  averageDays: number | null;
  /** the order above, most important first; the roster number last, so no two candidates tie */
  key: number[];
}

function compare(a: Candidate, b: Candidate): number {
  for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i]! - b.key[i]!;
  return 0;
}

/**
 * Every active mediator's place in the order, without the wording: the roster and the outcome figures come from
 * routingCache.ts (versions kept by triggers), the open loads from the counters, the recusals from the case.
 */
function rank(sqlite: Database.Database, mediationId: number, today: string) {
  const m = sqlite
    .prepare(`SELECT case_id AS caseId, region, cause_name AS causeName, received_on AS receivedOn FROM mediations WHERE id = ?`)
    .get(mediationId) as { caseId: number; region: string; causeName: string; receivedOn: string } | undefined;
  if (!m) throw notFound('调解案件');
  const window = routingWindow(today);
  const { roster, stats } = routingInputs(sqlite, window.since, window.today);
  const loads = openLoads(sqlite);
  // Who may not mediate this case: parties and agents (by ID number), and those who declined or withdrew.
  const upper = (xs: (string | null)[]) => new Set(xs.filter((x): x is string => Boolean(x)).map((x) => x.toUpperCase()));
  const ids = upper(
    sqlite
      .prepare(`SELECT p.id_number FROM case_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = ?`)
      .pluck()
      .all(m.caseId) as (string | null)[],
  );
  const agentIds = upper(sqlite.prepare(`SELECT id_number FROM case_agents WHERE case_id = ?`).pluck().all(m.caseId) as (string | null)[]);
  const history = sqlite
    .prepare(
      `SELECT a.mediator_id AS mediatorId, a.state, o.level FROM mediation_assignments a
         LEFT JOIN mediation_orgs o ON o.id = a.org_id WHERE a.mediation_id = ?`,
    )
    .all(mediationId) as { mediatorId: number; state: string; level: string | null }[];
  const declinedBy = new Map(history.filter((h) => h.state === 'declined' || h.state === 'recused').map((h) => [h.mediatorId, h.state]));
  const declinedLayer = Math.max(
    0,
    ...history.filter((h) => h.state === 'declined').map((h) => LEVEL_RANK[(h.level ?? 'county') as Level] ?? 3),
  );
  const ancestry = causeAncestry(m.causeName, m.receivedOn);

  const excluded: { mediatorId: number; name: string; reason: string }[] = [];
  const candidates: Candidate[] = [];
  for (const e of roster) {
    if (e.activeFrom > today || (e.activeTo !== null && e.activeTo < today)) continue;
    if (e.orgTo !== null && e.orgTo < today) continue;
    if (e.idNumber && ids.has(e.idNumber)) {
      excluded.push({ mediatorId: e.id, name: e.name, reason: '应当回避：本人是本案当事人' });
      continue;
    }
    if (e.idNumber && agentIds.has(e.idNumber)) {
      excluded.push({ mediatorId: e.id, name: e.name, reason: '应当回避：本人是本案当事人的代理人' });
      continue;
    }
    const prior = declinedBy.get(e.id);
    if (prior) {
      excluded.push({ mediatorId: e.id, name: e.name, reason: prior === 'declined' ? '已拒绝接受本案' : '已在本案回避' });
      continue;
    }
    const covering = covers(m.region, e.coverage);
    const match = ancestry.find((a) => e.fields.includes(a)) ?? null;
    const load = loads.get(e.id) ?? 0;
    const free = load < e.capacity;
    const st = stats.get(e.id);
    const successRate = st && st.n > 0 ? st.ok / st.n : null;
    const averageDays = st && st.days !== null ? Math.round(st.days * 10) / 10 : null;
    const escalatedPast = e.layer <= declinedLayer;
    candidates.push({
      e,
      load,
      covering,
      match,
      escalatedPast,
      free,
      st,
      successRate,
      averageDays,
      key: [
        free ? 0 : 1,
        m.region ? (covering ? 0 : 1) : 0,
        escalatedPast ? 1 : 0,
        match ? 0 : 1,
        m.region ? e.layer : 0,
        -(successRate ?? 0),
        averageDays ?? 999,
        load / e.capacity,
        e.id,
      ],
    });
  }
  return { region: m.region, candidates, excluded };
}

/** The wording of one candidate's place: built only for the ones shown. */
function explain(c: Candidate, region: string): Recommendation {
  const { e } = c;
  const reasons: string[] = [];
  const warnings: string[] = [];
  if (c.match) reasons.push(`擅长领域“${c.match}”与案由相符`);
  if (c.covering) reasons.push(`${LEVELS[e.level]}层级，服务区域覆盖当事人所在地`);
  else if (region) warnings.push('服务区域不覆盖当事人所在地');
  if (c.escalatedPast) warnings.push(`${LEVELS[e.level]}层级已有调解员拒绝，逐级上移`);
  reasons.push(`在办 ${c.load} 件 / 上限 ${e.capacity} 件`);
  if (!c.free) warnings.push('已达承办上限，指派须写明理由');
  if (c.successRate !== null) reasons.push(`近一年调解成功率 ${Math.round(c.successRate * 100)}%（${c.st!.n} 件）`);
  if (c.averageDays !== null) reasons.push(`平均用时 ${c.averageDays} 天`);
  return {
    mediatorId: e.id,
    name: e.name,
    kindLabel: e.kindLabel,
    orgName: e.orgName,
    levelLabel: e.levelLabel,
    load: c.load,
    capacity: e.capacity,
    successRate: c.successRate,
    averageDays: c.averageDays,
    reasons,
    warnings,
  };
}

/** The first `limit` in order, without sorting them all: a sorted run of at most `limit`, filled by binary insertion. */
function firstInOrder(all: Candidate[], limit: number): Candidate[] {
  if (limit >= all.length) return [...all].sort(compare);
  const best: Candidate[] = [];
  for (const c of all) {
    if (best.length === limit && compare(c, best[limit - 1]!) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(best[mid]!, c) < 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, c);
    if (best.length > limit) best.pop();
  }
  return best;
}

export function recommend(sqlite: Database.Database, mediationId: number, today: string, limit = 10) {
  const { region, candidates, excluded } = rank(sqlite, mediationId, today);
  return { mediationId, ranked: firstInOrder(candidates, limit).map((c) => explain(c, region)), excluded };
}

/** The recommendation's reasons for one mediator, recorded with a 'recommended' assignment. */
export function reasonsFor(sqlite: Database.Database, mediationId: number, mediatorId: number, today: string): string[] | undefined {
  const { region, candidates } = rank(sqlite, mediationId, today);
  const c = candidates.find((x) => x.e.id === mediatorId);
  if (!c) return undefined;
  const place = 1 + candidates.reduce((n, x) => n + (compare(x, c) < 0 ? 1 : 0), 0);
  const r = explain(c, region);
  return [`推荐第 ${place} 位`, ...r.reasons, ...r.warnings];
}
