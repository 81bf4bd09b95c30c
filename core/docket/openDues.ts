import type Database from 'better-sqlite3';
import { OPEN_SUSPENSION } from './dueDate';

/**
 * The open docket counted per judge, due date and filing date (db/schema.ts `docket_open_dues`), so the desk's and
 * the centre's tier counts add up a few hundred rows per judge instead of reading every open case. The warning
 * tiers move with the date (core/docket/trialPeriod.ts tierOf: overdue, five days, thirty days are ranges of due
 * dates on a given day; two thirds needs the filing date too), so the counts are kept by due and filing date and the
 * lists sum the day's ranges.
 *
 * Kept by SQLite triggers on `docket_cases`, so every write that changes a row's status, judge, dates or suspension
 * updates them in the same statement — no code path can forget. Counted: the rows whose stored due date holds (open,
 * due date set, no open-ended suspension); rows with an open-ended suspension or no due date are computed live by
 * the lists. The trigger SQL below is written into migration docket_open_dues; openDues.test.ts checks the
 * migration holds exactly this text.
 */

/** The row counts: open, its stored due date holds. */
const counted = (r: 'NEW' | 'OLD' | 'd') =>
  `${r}.status = 'open' AND ${r}.due_on IS NOT NULL AND ${r}.suspended_until IS NOT '${OPEN_SUSPENSION}'`;
const key = (r: 'NEW' | 'OLD') => `judge_id = coalesce(${r}.judge_id, 0) AND due_on = ${r}.due_on AND filed_on = ${r}.filed_on`;

const add = (r: 'NEW' | 'OLD') =>
  `INSERT INTO docket_open_dues (judge_id, due_on, filed_on, n) SELECT coalesce(${r}.judge_id, 0), ${r}.due_on, ${r}.filed_on, 1 WHERE ${counted(r)}
    ON CONFLICT (judge_id, due_on, filed_on) DO UPDATE SET n = n + 1;`;
const remove = (r: 'NEW' | 'OLD') =>
  `UPDATE docket_open_dues SET n = n - 1 WHERE ${counted(r)} AND ${key(r)};
  DELETE FROM docket_open_dues WHERE ${counted(r)} AND ${key(r)} AND n <= 0;`;

/** Recounts the table from `docket_cases` (the migration's first fill, and a repair if it were ever doubted). */
export const REBUILD_STATEMENTS = [
  `DELETE FROM docket_open_dues`,
  `INSERT INTO docket_open_dues (judge_id, due_on, filed_on, n)
  SELECT coalesce(d.judge_id, 0), d.due_on, d.filed_on, count(*) FROM docket_cases d WHERE ${counted('d')} GROUP BY 1, 2, 3`,
];

/** The triggers, as written into migration docket_open_dues. */
export const TRIGGER_STATEMENTS = [
  `CREATE TRIGGER docket_open_dues_insert AFTER INSERT ON docket_cases BEGIN
  ${add('NEW')}
END`,
  `CREATE TRIGGER docket_open_dues_update AFTER UPDATE OF status, judge_id, due_on, filed_on, suspended_until ON docket_cases BEGIN
  ${remove('OLD')}
  ${add('NEW')}
END`,
  `CREATE TRIGGER docket_open_dues_delete AFTER DELETE ON docket_cases BEGIN
  ${remove('OLD')}
END`,
];

/** The migration's tail: triggers, then the first fill (drizzle runs one statement per breakpoint). */
export function migrationSql(): string {
  return [...TRIGGER_STATEMENTS, ...REBUILD_STATEMENTS].join(';--> statement-breakpoint\n') + ';';
}

export function rebuildOpenDues(sqlite: Database.Database): void {
  sqlite.transaction(() => {
    for (const s of REBUILD_STATEMENTS) sqlite.exec(s);
  })();
}

/** The counts as a recount from `docket_cases` would give them (openDues.test.ts). */
export function recountOpenDues(sqlite: Database.Database) {
  return sqlite
    .prepare(
      `SELECT coalesce(d.judge_id, 0) AS judge_id, d.due_on, d.filed_on, count(*) AS n FROM docket_cases d WHERE ${counted('d')}
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    )
    .all();
}
