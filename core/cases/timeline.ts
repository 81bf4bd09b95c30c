import { asc, eq } from 'drizzle-orm';
import { caseEvents } from '../../db/schema';
import { auditActor } from '../audit';
import type { CallContext, Db, Tx } from '../context';
import { isoShanghai } from '../time/clock';

/** Appends an event to a case's timeline, inside the transaction of the change it describes. */
export function addCaseEvent(tx: Tx, ctx: CallContext, caseId: number, kind: string, summary: string, data?: unknown): void {
  const { actorId, actorName } = auditActor(ctx);
  tx.insert(caseEvents)
    .values({
      caseId,
      at: isoShanghai(ctx.core.clock.now()),
      actorId,
      actorName,
      kind,
      summary,
      data: data === undefined ? null : JSON.stringify(data),
    })
    .run();
}

export function caseTimeline(db: Db | Tx, caseId: number) {
  return db
    .select({ id: caseEvents.id, at: caseEvents.at, actorName: caseEvents.actorName, kind: caseEvents.kind, summary: caseEvents.summary })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id))
    .all();
}
