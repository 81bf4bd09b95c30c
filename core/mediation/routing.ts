import { eq, sql } from 'drizzle-orm';
import { caseAgents, caseParties, mediationAssignments, mediationOrgs, mediations, parties } from '../../db/schema';
import { notFound } from '../api/errors';
import { addCalendarDays } from '../calendar';
import type { Db, Tx } from '../context';
import { openLoads, outcomeStats } from './counters';
import { causeAncestry } from './fields';
import { LEVEL_RANK, LEVELS, MEDIATOR_KINDS, type Level, type MediatorKind } from './labels';

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

export function recommend(db: Db | Tx, mediationId: number, today: string, limit = 10) {
  const m = db.select().from(mediations).where(eq(mediations.id, mediationId)).get();
  if (!m) throw notFound('调解案件');
  // Plain rows with the columns ranking needs (2,000 mediators: drizzle's row mapping of the joined select cost more
  // than the query itself).
  const meds = db.all<{
    id: number;
    name: string;
    kind: string;
    idNumber: string | null;
    fields: string;
    regions: string;
    capacity: number;
    orgLevel: string | null;
    orgName: string | null;
    orgRegion: string | null;
    orgTo: string | null;
  }>(
    sql`SELECT md.id, md.name, md.kind, md.id_number AS idNumber, md.fields, md.regions, md.capacity,
               o.level AS orgLevel, o.name AS orgName, o.region AS orgRegion, o.active_to AS orgTo
          FROM mediators md LEFT JOIN mediation_orgs o ON o.id = md.org_id
         WHERE md.active_from <= ${today} AND (md.active_to IS NULL OR md.active_to >= ${today})`,
  );
  // From the counters the triggers keep (counters.ts), not a count over the register on every call.
  const loads = openLoads(db);
  const stats = outcomeStats(db, addCalendarDays(today, -365), today);
  // Who may not mediate this case: parties and agents (by ID number), and those who declined or withdrew.
  const ids = new Set<string>();
  for (const r of db
    .select({ id: parties.idNumber })
    .from(caseParties)
    .innerJoin(parties, eq(parties.id, caseParties.partyId))
    .where(eq(caseParties.caseId, m.caseId))
    .all()) {
    if (r.id) ids.add(r.id.toUpperCase());
  }
  const agentIds = new Set<string>();
  for (const a of db.select({ id: caseAgents.idNumber }).from(caseAgents).where(eq(caseAgents.caseId, m.caseId)).all())
    if (a.id) agentIds.add(a.id.toUpperCase());
  const history = db
    .select({ mediatorId: mediationAssignments.mediatorId, state: mediationAssignments.state, level: mediationOrgs.level })
    .from(mediationAssignments)
    .leftJoin(mediationOrgs, eq(mediationOrgs.id, mediationAssignments.orgId))
    .where(eq(mediationAssignments.mediationId, mediationId))
    .all();
  const declinedBy = new Map(history.filter((h) => h.state === 'declined' || h.state === 'recused').map((h) => [h.mediatorId, h.state]));
  const declinedLayer = Math.max(
    0,
    ...history.filter((h) => h.state === 'declined').map((h) => LEVEL_RANK[(h.level ?? 'county') as Level] ?? 3),
  );
  const ancestry = causeAncestry(m.causeName, m.receivedOn);

  const excluded: { mediatorId: number; name: string; reason: string }[] = [];
  const scored: { key: number[]; rec: Recommendation }[] = [];
  for (const med of meds) {
    const { orgLevel, orgName, orgRegion, orgTo } = med;
    if (orgTo !== null && orgTo !== undefined && orgTo < today) continue;
    const idn = med.idNumber?.toUpperCase();
    if (idn && ids.has(idn)) {
      excluded.push({ mediatorId: med.id, name: med.name, reason: '应当回避：本人是本案当事人' });
      continue;
    }
    if (idn && agentIds.has(idn)) {
      excluded.push({ mediatorId: med.id, name: med.name, reason: '应当回避：本人是本案当事人的代理人' });
      continue;
    }
    const prior = declinedBy.get(med.id);
    if (prior) {
      excluded.push({ mediatorId: med.id, name: med.name, reason: prior === 'declined' ? '已拒绝接受本案' : '已在本案回避' });
      continue;
    }
    const level = (orgLevel ?? 'county') as Level;
    const layer = LEVEL_RANK[level];
    const regions = JSON.parse(med.regions) as string[];
    const coverage = regions.length ? regions : orgRegion ? [orgRegion] : [];
    const covering = covers(m.region, coverage);
    const fields = JSON.parse(med.fields) as string[];
    const match = ancestry.find((a) => fields.includes(a)) ?? null;
    const load = loads.get(med.id) ?? 0;
    const free = load < med.capacity;
    const st = stats.get(med.id);
    const successRate = st && st.n > 0 ? st.ok / st.n : null;
    const averageDays = st && st.days !== null ? Math.round(st.days * 10) / 10 : null;
    const escalatedPast = layer <= declinedLayer;
    const reasons: string[] = [];
    const warnings: string[] = [];
    if (match) reasons.push(`擅长领域“${match}”与案由相符`);
    if (covering) reasons.push(`${LEVELS[level]}层级，服务区域覆盖当事人所在地`);
    else if (m.region) warnings.push('服务区域不覆盖当事人所在地');
    if (escalatedPast) warnings.push(`${LEVELS[level]}层级已有调解员拒绝，逐级上移`);
    reasons.push(`在办 ${load} 件 / 上限 ${med.capacity} 件`);
    if (!free) warnings.push('已达承办上限，指派须写明理由');
    if (successRate !== null) reasons.push(`近一年调解成功率 ${Math.round(successRate * 100)}%（${st!.n} 件）`);
    if (averageDays !== null) reasons.push(`平均用时 ${averageDays} 天`);
    scored.push({
      key: [
        free ? 0 : 1,
        m.region ? (covering ? 0 : 1) : 0,
        escalatedPast ? 1 : 0,
        match ? 0 : 1,
        m.region ? layer : 0,
        -(successRate ?? 0),
        averageDays ?? 999,
        load / med.capacity,
        med.id,
      ],
      rec: {
        mediatorId: med.id,
        name: med.name,
        kindLabel: MEDIATOR_KINDS[med.kind as MediatorKind] ?? med.kind,
        orgName: orgName ?? null,
        levelLabel: orgLevel ? LEVELS[orgLevel as Level] : null,
        load,
        capacity: med.capacity,
        successRate,
        averageDays,
        reasons,
        warnings,
      },
    });
  }
  scored.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i]! - b.key[i]!;
    return 0;
  });
  return { mediationId, ranked: scored.slice(0, limit).map((s) => s.rec), excluded };
}

/** The recommendation's reasons for one mediator, recorded with a 'recommended' assignment. */
export function reasonsFor(db: Db | Tx, mediationId: number, mediatorId: number, today: string): string[] | undefined {
  const r = recommend(db, mediationId, today, 100_000).ranked;
  const i = r.findIndex((x) => x.mediatorId === mediatorId);
  return i < 0 ? undefined : [`推荐第 ${i + 1} 位`, ...r[i]!.reasons, ...r[i]!.warnings];
}
