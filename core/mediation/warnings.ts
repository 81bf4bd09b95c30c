import type Database from 'better-sqlite3';
import { addCalendarDays } from '../calendar';
import { centreDueCounts, LIMITS } from './dueCounts';
import { LIMIT_KINDS, WARNING_TIERS, type LimitKind, type WarningTier } from './labels';

/**
 * The warnings view: every open limit due within two days, due today or overdue — the centre's response limits
 * (assign, accept, first contact; docs/DOMAIN.md “调解”, settings) and the legal mediation period (core/periods). An overdue
 * limit is escalated (flagged for the coordinator). Each limit has a (status, due) index, so the view reads only the
 * rows of its status up to the due date, stops at the cap, and the centre's counts come from
 * counts per due date kept by triggers (dueCounts.ts); the case, mediator and
 * organisation are read for the shown rows only (bench/mediation.ts).
 */
export interface WarningFilter {
  mediatorId?: number;
  orgId?: number;
  limit?: number;
}

const QUERIES = Object.fromEntries(
  Object.entries(LIMITS).map(([kind, { status, column }]) => [
    kind,
    `status = '${status}' AND ${column} IS NOT NULL AND ${column} <= @until`,
  ]),
) as Record<LimitKind, string>;

export function tierOf(due: string, today: string): WarningTier {
  if (due < today) return 'overdue';
  if (due === today) return 'today';
  return 'soon';
}

/** At most this many rows are returned (the counts are always complete): the view is a to-do list, not an export. */
export const WARNINGS_CAP = 200;

export function mediationWarnings(sqlite: Database.Database, today: string, f: WarningFilter = {}) {
  const until = addCalendarDays(today, 2);
  const cap = Math.min(f.limit ?? WARNINGS_CAP, WARNINGS_CAP);
  const extra = `${f.mediatorId ? ' AND m.mediator_id = @mediatorId' : ''}${f.orgId ? ' AND m.org_id = @orgId' : ''}`;
  const params = { until, today, mediatorId: f.mediatorId ?? null, orgId: f.orgId ?? null, limit: cap };
  const due: { mediationId: number; due: string; limit: LimitKind }[] = [];
  const counts = { overdue: 0, today: 0, soon: 0 };
  for (const kind of Object.keys(QUERIES) as LimitKind[]) {
    const where = `${QUERIES[kind].replace(/\b(status|assign_due|accept_due|contact_due|due_on)\b/g, 'm.$1')}${extra}`;
    const col = `m.${LIMITS[kind].column}`;
    // Each limit reads its own (status, due) index in due order and stops after `cap` rows: ids and due dates only,
    // which the index holds (the centre's view reads no table row here).
    for (const r of sqlite
      .prepare(`SELECT m.id AS mediationId, ${col} AS due FROM mediations m WHERE ${where} ORDER BY ${col}, m.id LIMIT @limit`)
      .all(params) as { mediationId: number; due: string }[])
      due.push({ ...r, limit: kind });
    // The centre's counts come from the counts per due date the triggers keep (dueCounts.ts); a person's or an
    // organisation's from three index range counts (a few hundred rows at most).
    const count = (range: string) => `(SELECT count(*) FROM mediations m WHERE ${where} AND ${range})`;
    const c = extra
      ? (sqlite
          .prepare(
            `SELECT ${count(`${col} < @today`)} AS overdue, ${count(`${col} = @today`)} AS today, ${count(`${col} > @today`)} AS soon`,
          )
          .get(params) as typeof counts)
      : centreDueCounts(sqlite, kind, today, until);
    counts.overdue += c.overdue;
    counts.today += c.today;
    counts.soon += c.soon;
  }
  // The most urgent first: the earliest due dates over all four limits; only those shown are joined to their case,
  // mediator and organisation (up to `cap` rows, not four times as many).
  due.sort((a, b) => a.due.localeCompare(b.due) || a.mediationId - b.mediationId);
  const shown = due.slice(0, cap);
  const details = new Map(
    (
      sqlite
        .prepare(
          `SELECT m.id, c.number AS caseNumber, md.name AS mediatorName, o.name AS orgName
           FROM mediations m
           JOIN cases c ON c.id = m.case_id
           LEFT JOIN mediators md ON md.id = m.mediator_id
           LEFT JOIN mediation_orgs o ON o.id = m.org_id
          WHERE m.id IN (SELECT value FROM json_each(@ids))`,
        )
        .all({ ids: JSON.stringify([...new Set(shown.map((r) => r.mediationId))]) }) as {
        id: number;
        caseNumber: string;
        mediatorName: string | null;
        orgName: string | null;
      }[]
    ).map((r) => [r.id, r]),
  );
  const rows = shown.map((r) => {
    const d = details.get(r.mediationId)!;
    const tier = tierOf(r.due, today);
    return {
      mediationId: r.mediationId,
      caseNumber: d.caseNumber,
      limit: r.limit,
      limitLabel: LIMIT_KINDS[r.limit],
      due: r.due,
      tier,
      tierLabel: WARNING_TIERS[tier],
      mediatorName: d.mediatorName,
      orgName: d.orgName,
      escalate: tier === 'overdue',
    };
  });
  const total = counts.overdue + counts.today + counts.soon;
  return { today, rows, counts, total, capped: total > cap };
}
