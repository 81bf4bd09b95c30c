import { and, eq, inArray, sql } from 'drizzle-orm';
import { docketCases, docketExtensions, docketSuspensions } from '../../db/schema';
import { courtCalendar } from '../calendar/courtCalendar';
import type { Db, Tx } from '../context';
import type { Procedure } from './triage';
import { trialPeriod } from './trialPeriod';

/** Marks a suspension still running: the period does not run, so the row is computed live until it ends. */
export const OPEN_SUSPENSION = '9999-12-31';

/**
 * The stored trial-period state of a docket row: due date, last suspended day, pending extension. It is a pure
 * function of the record (procedure, filing date, suspensions, approved extensions — 解释 arts. 243, 258;
 * 民诉法 arts. 152, 164, 168), recomputed inside the transaction of every change to those inputs, so lists
 * can filter and sort on it in SQL. Ended suspensions are counted; while one is open or still ahead
 * (`suspendedUntil` ≥ today) the lists compute that row in full instead.
 */
export function refreshDue(tx: Db | Tx, caseId: number): void {
  const row = tx.select().from(docketCases).where(eq(docketCases.caseId, caseId)).get();
  if (!row) return;
  if (!row.procedure || row.status === 'triage') {
    tx.update(docketCases).set({ dueOn: null, suspendedUntil: null, pendingExtension: false }).where(eq(docketCases.caseId, caseId)).run();
    return;
  }
  const suspensions = tx
    .select({ from: docketSuspensions.fromDate, to: docketSuspensions.toDate })
    .from(docketSuspensions)
    .where(eq(docketSuspensions.caseId, caseId))
    .all();
  const ext = tx
    .select({ status: docketExtensions.status, months: sql<number>`sum(${docketExtensions.months})` })
    .from(docketExtensions)
    .where(
      and(
        eq(docketExtensions.caseId, caseId),
        eq(docketExtensions.procedure, row.procedure),
        inArray(docketExtensions.status, ['approved', 'pending']),
      ),
    )
    .groupBy(docketExtensions.status)
    .all();
  const ended = suspensions.filter((s): s is { from: string; to: string } => s.to !== null);
  const until = suspensions.some((s) => s.to === null)
    ? OPEN_SUSPENSION
    : suspensions.reduce<string | null>((m, s) => (m === null || s.to! > m ? s.to : m), null);
  // `today` only matters for open suspensions, which are left out here
  const p = trialPeriod(courtCalendar(tx), {
    procedure: row.procedure as Procedure,
    filedOn: row.filedOn,
    suspensions: ended,
    extensionMonths: ext.find((e) => e.status === 'approved')?.months ?? 0,
    today: row.filedOn,
  });
  tx.update(docketCases)
    .set({ dueOn: p.due, suspendedUntil: until, pendingExtension: ext.some((e) => e.status === 'pending') })
    .where(eq(docketCases.caseId, caseId))
    .run();
}

/**
 * After the admin edits a year's holidays (core/calendar hooks): recomputes the stored due date of every open
 * case whose period may end in that year — a due date is the unrolled end moved past holidays, so only ends
 * from late December of the year before (the year's entries may start then) to January after can change.
 * Runs inside the holiday edit's transaction; returns how many rows were recomputed.
 */
export function recomputeOpenDueDates(tx: Db | Tx, years: number[]): number {
  let n = 0;
  for (const y of years) {
    const ids = tx
      .select({ caseId: docketCases.caseId })
      .from(docketCases)
      .where(
        and(
          eq(docketCases.status, 'open'),
          sql`(${docketCases.dueOn} IS NULL OR (${docketCases.dueOn} >= ${`${y - 1}-12-20`} AND ${docketCases.dueOn} <= ${`${y + 1}-01-31`}))`,
        ),
      )
      .all();
    for (const r of ids) refreshDue(tx, r.caseId);
    n += ids.length;
  }
  return n;
}
