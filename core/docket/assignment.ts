import { and, asc, eq, sql } from 'drizzle-orm';
import { docketAssignments, docketCases, userRoles, users } from '../../db/schema';
import type { Db, Tx } from '../context';
import { Rng } from '../seed/random';
import { isoShanghai, type Clock } from '../time/clock';

/**
 * Assignment among the fast-track judges (users with the judge role, not disabled): serial cases (same first
 * plaintiff and cause) go to the judge who already has an open one; otherwise a random draw among the judges
 * with the fewest open cases, seeded by the court's seed and the case id, so the same data gives the same
 * judge on every machine (and the draw can be re-checked). Directed assignment and reassignment need a reason;
 * every assignment is a history row.
 */

export interface JudgeLoad {
  id: number;
  name: string;
  open: number;
}

/** Active judges and their open docket cases, by id. */
export function judgeLoads(db: Db | Tx): JudgeLoad[] {
  return db
    .select({
      id: users.id,
      name: users.displayName,
      open: sql<number>`(SELECT count(*) FROM docket_cases d WHERE d.judge_id = ${users.id} AND d.status = 'open')`,
    })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'judge')))
    .where(eq(users.disabled, false))
    .orderBy(asc(users.id))
    .all();
}

/** 32-bit mix of the seed and the case id (FNV-style), the draw's own seed. */
function drawSeed(seed: number, caseId: number): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (const v of [caseId & 0xffff, caseId >>> 16]) {
    h ^= v;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A random judge among the least loaded; null when there is no judge. Pure. */
export function chooseByLoad(loads: readonly JudgeLoad[], seed: number, caseId: number): JudgeLoad | null {
  if (loads.length === 0) return null;
  const min = Math.min(...loads.map((l) => l.open));
  const least = loads.filter((l) => l.open === min);
  return new Rng(drawSeed(seed, caseId)).pick(least);
}

/** The judge who has an open case of the same series, if any (still an active judge). */
export function serialJudge(db: Db | Tx, serialKey: string | null, exceptCaseId: number, loads: readonly JudgeLoad[]): JudgeLoad | null {
  if (!serialKey) return null;
  const row = db
    .select({ judgeId: docketCases.judgeId })
    .from(docketCases)
    .where(
      and(
        eq(docketCases.serialKey, serialKey),
        eq(docketCases.status, 'open'),
        sql`${docketCases.judgeId} IS NOT NULL`,
        sql`${docketCases.caseId} != ${exceptCaseId}`,
      ),
    )
    .orderBy(asc(docketCases.caseId))
    .get();
  return row ? (loads.find((l) => l.id === row.judgeId) ?? null) : null;
}

export function recordAssignment(
  tx: Tx,
  clock: Clock,
  a: { caseId: number; judgeId: number; kind: 'load' | 'serial' | 'directed' | 'reassigned'; reason: string | null; byId: number | null },
) {
  tx.update(docketCases).set({ judgeId: a.judgeId }).where(eq(docketCases.caseId, a.caseId)).run();
  tx.insert(docketAssignments)
    .values({ ...a, at: isoShanghai(clock.now()) })
    .run();
}

export function assignmentHistory(db: Db | Tx, caseId: number) {
  return db
    .select({
      id: docketAssignments.id,
      judgeId: docketAssignments.judgeId,
      judgeName: users.displayName,
      kind: docketAssignments.kind,
      reason: docketAssignments.reason,
      at: docketAssignments.at,
    })
    .from(docketAssignments)
    .innerJoin(users, eq(users.id, docketAssignments.judgeId))
    .where(eq(docketAssignments.caseId, caseId))
    .orderBy(asc(docketAssignments.id))
    .all();
}
