import type Database from 'better-sqlite3';
import type { LimitKind, WarningTier } from './labels';

/**
 * The limits of the warnings view (warnings.ts): the status each applies in and the column holding its due date.
 * One place: the view's queries, the triggers below and their rebuild are all written from it.
 */
export const LIMITS: Record<LimitKind, { status: string; column: string }> = {
  assign: { status: 'awaiting-assignment', column: 'assign_due' },
  accept: { status: 'awaiting-acceptance', column: 'accept_due' },
  contact: { status: 'in-progress', column: 'contact_due' },
  legal: { status: 'in-progress', column: 'due_on' },
};
const KINDS = Object.entries(LIMITS) as [LimitKind, { status: string; column: string }][];

/**
 * The centre's counts per limit and due date (`mediation_due_counts`), kept by triggers on `mediations` in the same
 * transaction as the write, as the routing counters are (counters.ts). The centre's warnings view sums a few hundred
 * due dates instead of counting every open limit in the index (90,000 at 300k mediations) on every call; the tiers
 * still follow the injected clock, since the split by `today` is made when reading. Migration 0019 holds exactly
 * this text (dueCounts.test.ts).
 */
function add(r: 'NEW' | 'OLD'): string {
  return KINDS.map(
    ([kind, { status, column }]) => `INSERT INTO mediation_due_counts (kind, due, n)
    SELECT '${kind}', ${r}.${column}, 1 WHERE ${r}.status = '${status}' AND ${r}.${column} IS NOT NULL
    ON CONFLICT (kind, due) DO UPDATE SET n = n + 1;`,
  ).join('\n  ');
}

function remove(r: 'NEW' | 'OLD'): string {
  return KINDS.map(
    ([kind, { status, column }]) =>
      `UPDATE mediation_due_counts SET n = n - 1 WHERE kind = '${kind}' AND due = ${r}.${column} AND ${r}.status = '${status}';`,
  ).join('\n  ');
}

export const DUE_COUNT_TRIGGERS = [
  `CREATE TRIGGER mediations_due_counts_insert AFTER INSERT ON mediations BEGIN
  ${add('NEW')}
END`,
  `CREATE TRIGGER mediations_due_counts_update AFTER UPDATE OF status, ${KINDS.map(([, l]) => l.column)
    .filter((c, i, all) => all.indexOf(c) === i)
    .join(', ')} ON mediations BEGIN
  ${remove('OLD')}
  ${add('NEW')}
END`,
  `CREATE TRIGGER mediations_due_counts_delete AFTER DELETE ON mediations BEGIN
  ${remove('OLD')}
END`,
];

/** Recounts the table from `mediations` (the migration's first fill, and a repair). */
export const DUE_COUNT_REBUILD = [
  `DELETE FROM mediation_due_counts`,
  `INSERT INTO mediation_due_counts (kind, due, n)
  ${KINDS.map(
    ([kind, { status, column }]) =>
      `SELECT '${kind}', ${column}, count(*) FROM mediations WHERE status = '${status}' AND ${column} IS NOT NULL GROUP BY ${column}`,
  ).join('\n  UNION ALL ')}`,
];

export function dueCountsMigrationSql(): string {
  return [...DUE_COUNT_TRIGGERS, ...DUE_COUNT_REBUILD].join(';--> statement-breakpoint\n') + ';';
}

export function rebuildDueCounts(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    for (const s of DUE_COUNT_REBUILD) sqlite.exec(s);
  })();
}

/** The centre's count of one limit by tier: overdue, due today, due by `until`. */
export function centreDueCounts(sqlite: Database.Database, kind: LimitKind, today: string, until: string): Record<WarningTier, number> {
  return sqlite
    .prepare(
      `SELECT coalesce(sum(CASE WHEN due < @today THEN n END), 0) AS overdue,
              coalesce(sum(CASE WHEN due = @today THEN n END), 0) AS today,
              coalesce(sum(CASE WHEN due > @today THEN n END), 0) AS soon
         FROM mediation_due_counts WHERE kind = @kind AND due <= @until`,
    )
    .get({ kind, today, until }) as Record<WarningTier, number>;
}
