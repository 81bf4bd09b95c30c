import type Database from 'better-sqlite3';
import { OPEN_STATUSES } from './labels';

/**
 * Routing's per-mediator counters (db/schema.ts `mediator_counters`, `mediator_outcome_totals`): the open load and
 * running totals of outcomes by day. They are kept by SQLite triggers on `mediations`, so every write that changes a
 * mediation's status, mediator, outcome or dates updates them in the same transaction — no code path can forget.
 * The trigger SQL below is written into migration 0015 (mediation_counters); counters.test.ts checks the migration
 * holds exactly this text, so OPEN_STATUSES stays the one place that says which statuses are open.
 */

/** Outcomes that count in a mediator's success rate: an agreement, or a failure (DOMAIN.md “调解”). */
const COUNTED_OUTCOMES = `('agreement', 'failed')`;
const open = (r: 'NEW' | 'OLD') => `${r}.mediator_id IS NOT NULL AND ${r}.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
const counted = (r: 'NEW' | 'OLD') =>
  `${r}.mediator_id IS NOT NULL AND ${r}.outcome IN ${COUNTED_OUTCOMES} AND ${r}.outcome_on IS NOT NULL`;
const days = (r: 'NEW' | 'OLD') => `(julianday(${r}.outcome_on) - julianday(${r}.signed_on))`;

function add(r: 'NEW' | 'OLD'): string {
  return `INSERT INTO mediator_counters (mediator_id, open_load) SELECT ${r}.mediator_id, 1 WHERE ${open(r)}
    ON CONFLICT (mediator_id) DO UPDATE SET open_load = open_load + 1;
  INSERT OR IGNORE INTO mediator_outcome_totals (mediator_id, day, agreements, outcomes, days_sum, days_count)
    SELECT ${r}.mediator_id, ${r}.outcome_on, coalesce(p.agreements, 0), coalesce(p.outcomes, 0), coalesce(p.days_sum, 0), coalesce(p.days_count, 0)
      FROM (SELECT 1) LEFT JOIN (SELECT * FROM mediator_outcome_totals WHERE mediator_id = ${r}.mediator_id AND day < ${r}.outcome_on ORDER BY day DESC LIMIT 1) p
     WHERE ${counted(r)};
  UPDATE mediator_outcome_totals
     SET agreements = agreements + (${r}.outcome = 'agreement'), outcomes = outcomes + 1,
         days_sum = days_sum + coalesce(${days(r)}, 0), days_count = days_count + (${days(r)} IS NOT NULL)
   WHERE ${counted(r)} AND mediator_id = ${r}.mediator_id AND day >= ${r}.outcome_on;`;
}

function remove(r: 'NEW' | 'OLD'): string {
  return `UPDATE mediator_counters SET open_load = open_load - 1 WHERE ${open(r)} AND mediator_id = ${r}.mediator_id;
  UPDATE mediator_outcome_totals
     SET agreements = agreements - (${r}.outcome = 'agreement'), outcomes = outcomes - 1,
         days_sum = days_sum - coalesce(${days(r)}, 0), days_count = days_count - (${days(r)} IS NOT NULL)
   WHERE ${counted(r)} AND mediator_id = ${r}.mediator_id AND day >= ${r}.outcome_on;`;
}

/** Recounts both tables from `mediations` (the migration's first fill, and a repair if they were ever doubted). */
export const REBUILD_STATEMENTS = [
  `DELETE FROM mediator_counters`,
  `DELETE FROM mediator_outcome_totals`,
  `INSERT INTO mediator_counters (mediator_id, open_load)
  SELECT mediator_id, count(*) FROM mediations m WHERE ${open('NEW').replace(/NEW\./g, 'm.')} GROUP BY mediator_id`,
  `INSERT INTO mediator_outcome_totals (mediator_id, day, agreements, outcomes, days_sum, days_count)
  SELECT mediator_id, day,
         sum(ok) OVER w, sum(n) OVER w, sum(ds) OVER w, sum(dn) OVER w
    FROM (SELECT m.mediator_id, m.outcome_on AS day, sum(m.outcome = 'agreement') AS ok, count(*) AS n,
                 coalesce(sum(${days('NEW').replace(/NEW\./g, 'm.')}), 0) AS ds, count(${days('NEW').replace(/NEW\./g, 'm.')}) AS dn
            FROM mediations m WHERE ${counted('NEW').replace(/NEW\./g, 'm.')} GROUP BY m.mediator_id, m.outcome_on)
  WINDOW w AS (PARTITION BY mediator_id ORDER BY day)`,
];

/** The triggers, as written into migration 0015. */
export const TRIGGER_STATEMENTS = [
  `CREATE TRIGGER mediations_counters_insert AFTER INSERT ON mediations BEGIN
  ${add('NEW')}
END`,
  `CREATE TRIGGER mediations_counters_update AFTER UPDATE OF status, mediator_id, outcome, outcome_on, signed_on ON mediations BEGIN
  ${remove('OLD')}
  ${add('NEW')}
END`,
  `CREATE TRIGGER mediations_counters_delete AFTER DELETE ON mediations BEGIN
  ${remove('OLD')}
END`,
];

/** The migration's tail: triggers, then the first fill (drizzle runs one statement per breakpoint). */
export function migrationSql(): string {
  return [...TRIGGER_STATEMENTS, ...REBUILD_STATEMENTS].join(';--> statement-breakpoint\n') + ';';
}

export function rebuildMediatorCounters(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    for (const s of REBUILD_STATEMENTS) sqlite.exec(s);
  })();
}

/** The counters as a recount from `mediations` would give them (counters.test.ts, and a verify). */
export function recountMediatorCounters(sqlite: Database.Database, today: string, since: string) {
  const load = sqlite
    .prepare(
      `SELECT mediator_id AS id, count(*) AS n FROM mediations m WHERE ${open('NEW').replace(/NEW\./g, 'm.')} GROUP BY mediator_id ORDER BY 1`,
    )
    .all() as { id: number; n: number }[];
  const stats = sqlite
    .prepare(
      `SELECT mediator_id AS id, sum(outcome = 'agreement') AS ok, count(*) AS n, avg(${days('NEW').replace(/NEW\./g, '')}) AS days
         FROM mediations WHERE ${counted('NEW').replace(/NEW\./g, '')} AND outcome_on >= ? AND outcome_on <= ? GROUP BY mediator_id ORDER BY 1`,
    )
    .all(since, today) as MediatorStats[];
  return { load, stats };
}

export interface MediatorStats {
  id: number;
  ok: number;
  n: number;
  days: number | null;
}

/** Open load per mediator, from the counters. */
export function openLoads(sqlite: Database.Database): Map<number, number> {
  const rows = sqlite.prepare(`SELECT mediator_id AS id, open_load AS n FROM mediator_counters WHERE open_load <> 0`).all() as {
    id: number;
    n: number;
  }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

/**
 * Outcomes per mediator between `since` and `today` inclusive: the running totals at `today` less those before
 * `since` — per mediator, one index seek for each end's row (by its rowid, which the primary-key index carries) and
 * one fetch of it, whatever the register's size (CROSS JOIN keeps SQLite reading from the mediators: the other order
 * evaluates the lookups once per day row). A rowid is used only within the statement, where it cannot change.
 * `onlySome` limits it to the mediators in @ids, a JSON array (those whose figures may have changed; routingCache.ts).
 */
export function outcomeStatsSql(onlySome: boolean): string {
  const lastRow = (cmp: string, at: string) =>
    `(SELECT rowid FROM mediator_outcome_totals WHERE mediator_id = md.id AND day ${cmp} ${at} ORDER BY day DESC LIMIT 1)`;
  return `SELECT a.mediator_id AS id, a.agreements - coalesce(b.agreements, 0) AS ok, a.outcomes - coalesce(b.outcomes, 0) AS n,
               (a.days_sum - coalesce(b.days_sum, 0)) / nullif(a.days_count - coalesce(b.days_count, 0), 0) AS days
          FROM mediators md
          CROSS JOIN mediator_outcome_totals a ON a.rowid = ${lastRow('<=', '@today')}
          LEFT JOIN mediator_outcome_totals b ON b.rowid = ${lastRow('<', '@since')}
         WHERE a.outcomes - coalesce(b.outcomes, 0) > 0${onlySome ? ` AND md.id IN (SELECT value FROM json_each(@ids))` : ''}
         ORDER BY 1`;
}

/** The figures of every mediator with outcomes in the window, or of those in `ids` only. */
export function outcomeStats(sqlite: Database.Database, since: string, today: string, ids?: number[]): Map<number, MediatorStats> {
  const rows = sqlite
    .prepare(outcomeStatsSql(Boolean(ids)))
    .all({ since, today, ...(ids ? { ids: JSON.stringify(ids) } : {}) }) as MediatorStats[];
  return new Map(rows.map((r) => [r.id, r]));
}
