import { eq } from 'drizzle-orm';
import { docketCases, users } from '../../db/schema';
import type { Db, Tx } from '../context';
import { PROCEDURE_LABELS, type Procedure } from './triage';

/** The judge named on a case and its procedure, for the case view and documents; null when not on the docket. */
export function docketJudgeOf(
  db: Db | Tx,
  caseId: number,
): { judgeId: number | null; judgeName: string | null; procedure: Procedure | null; procedureLabel: string | null } | null {
  const r = db
    .select({ judgeId: docketCases.judgeId, judgeName: users.displayName, procedure: docketCases.procedure })
    .from(docketCases)
    .leftJoin(users, eq(users.id, docketCases.judgeId))
    .where(eq(docketCases.caseId, caseId))
    .get();
  if (!r) return null;
  const procedure = r.procedure as Procedure | null;
  return { judgeId: r.judgeId, judgeName: r.judgeName, procedure, procedureLabel: procedure ? PROCEDURE_LABELS[procedure] : null };
}
