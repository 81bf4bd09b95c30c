import { sql } from 'drizzle-orm';
import { reliefApplications } from '../../db/schema';
import type { Db, Tx } from '../context';
import { RELIEF_KIND_IDS, RELIEF_KINDS, type ReliefKind } from './grounds';

/**
 * The relief register's monthly figures (the numbers centres report: 免交 / 缓交 totals). Applications count in
 * the month they were made; decisions and amounts in the month they were decided. Amounts: a granted 免交 is
 * waived; a 减交 (and a 免交 granted only in part) is reduced; a 缓交 is deferred.
 */
export interface MonthKindTotals {
  month: string;
  kind: ReliefKind;
  kindLabel: string;
  applications: number;
  granted: number;
  partlyGranted: number;
  refused: number;
  waivedFen: number;
  reducedFen: number;
  deferredFen: number;
}

export function reliefTotals(
  db: Db | Tx,
  fromMonth: string,
  toMonth: string,
): { rows: MonthKindTotals[]; total: Omit<MonthKindTotals, 'month' | 'kind' | 'kindLabel'> } {
  const [y, m] = toMonth.split('-').map(Number) as [number, number];
  const until = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return reliefTotalsBetweenDates(db, `${fromMonth}-01`, until);
}

/** The same totals for any span of days: from (inclusive) until (exclusive) — the centre's figures for a period. */
export function reliefTotalsBetweenDates(
  db: Db | Tx,
  from: string,
  until: string,
): { rows: MonthKindTotals[]; total: Omit<MonthKindTotals, 'month' | 'kind' | 'kindLabel'> } {
  // date ranges rather than substr(), so that the applied_on / decided_on indexes serve them
  const key = (m: string, k: string) => `${m}|${k}`;
  const rows = new Map<string, MonthKindTotals>();
  const row = (month: string, kind: ReliefKind) => {
    let r = rows.get(key(month, kind));
    if (!r) {
      r = {
        month,
        kind,
        kindLabel: RELIEF_KINDS[kind].label,
        applications: 0,
        granted: 0,
        partlyGranted: 0,
        refused: 0,
        waivedFen: 0,
        reducedFen: 0,
        deferredFen: 0,
      };
      rows.set(key(month, kind), r);
    }
    return r;
  };
  const applied = db
    .select({ month: sql<string>`substr(${reliefApplications.appliedOn}, 1, 7)`, kind: reliefApplications.kind, n: sql<number>`count(*)` })
    .from(reliefApplications)
    .where(sql`${reliefApplications.appliedOn} >= ${from} and ${reliefApplications.appliedOn} < ${until}`)
    .groupBy(sql`1`, reliefApplications.kind)
    .all();
  for (const a of applied) row(a.month, a.kind).applications = a.n;
  const decided = db
    .select({
      month: sql<string>`substr(${reliefApplications.decidedOn}, 1, 7)`,
      kind: reliefApplications.kind,
      status: reliefApplications.status,
      percent: reliefApplications.grantedPercent,
      n: sql<number>`count(*)`,
      fen: sql<number>`coalesce(sum(${reliefApplications.reliefFen}), 0)`,
    })
    .from(reliefApplications)
    .where(sql`${reliefApplications.decidedOn} >= ${from} and ${reliefApplications.decidedOn} < ${until}`)
    .groupBy(sql`1`, reliefApplications.kind, reliefApplications.status, reliefApplications.grantedPercent)
    .all();
  for (const d of decided) {
    const r = row(d.month, d.kind);
    if (d.status === 'refused') {
      r.refused += d.n;
      continue;
    }
    if (d.status === 'granted') r.granted += d.n;
    else r.partlyGranted += d.n;
    if (d.kind === 'defer') r.deferredFen += d.fen;
    else if (d.kind === 'waive' && d.percent === 100) r.waivedFen += d.fen;
    else r.reducedFen += d.fen;
  }
  const sorted = [...rows.values()].sort(
    (a, b) => a.month.localeCompare(b.month) || RELIEF_KIND_IDS.indexOf(a.kind) - RELIEF_KIND_IDS.indexOf(b.kind),
  );
  const total = { applications: 0, granted: 0, partlyGranted: 0, refused: 0, waivedFen: 0, reducedFen: 0, deferredFen: 0 };
  for (const r of sorted) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
  return { rows: sorted, total };
}
