import { and, asc, desc, eq, isNull, or, sql } from 'drizzle-orm';
import { caseEvents, caseParties, cases, docketCases } from '../../db/schema';
import { ApiError, notFound } from '../api/errors';
import type { Db, Tx } from '../context';
import { isoShanghai, type Clock } from '../time/clock';
import { SOURCE_LABELS } from './meta';
import type { DocketSource } from './schemas';

/**
 * How a 民初 case enters the fast-track docket: at filing (it shows in the triage queue as soon as it is filed,
 * without a row of its own) or when a 委托 mediation fails (the mediation area calls `enterDocket`).
 */

/** The serial-case key: the first plaintiff and the cause (same plaintiff and cause → one judge). */
export function serialKeyOf(db: Db | Tx, caseId: number): string | null {
  const c = db.select({ causeNo: cases.causeNo, causeName: cases.causeName }).from(cases).where(eq(cases.id, caseId)).get();
  if (!c) return null;
  const plaintiff = db
    .select({ partyId: caseParties.partyId })
    .from(caseParties)
    .where(and(eq(caseParties.caseId, caseId), eq(caseParties.role, '原告')))
    .orderBy(asc(caseParties.seq))
    .get();
  if (!plaintiff) return null;
  return `${plaintiff.partyId}|${c.causeNo ?? c.causeName}`;
}

/**
 * Puts a 民初 case on the docket, waiting for triage; inside the caller's transaction. Idempotent: a case
 * already on the docket keeps its row (a second call changes nothing and returns false).
 */
export function enterDocketAt(tx: Tx, clock: Clock | null, caseId: number, source: DocketSource): boolean {
  const c = tx.select({ caseType: cases.caseType, receivedOn: cases.receivedOn }).from(cases).where(eq(cases.id, caseId)).get();
  if (!c) throw notFound('案件');
  if (c.caseType !== '民初') throw new ApiError('CONFLICT', `只有民初案件进入速裁分流（本案为${c.caseType}）`);
  const exists = tx.select({ id: docketCases.caseId }).from(docketCases).where(eq(docketCases.caseId, caseId)).get();
  if (exists) return false;
  tx.insert(docketCases)
    .values({
      caseId,
      source,
      status: 'triage',
      filedOn: c.receivedOn,
      enteredAt: clock ? isoShanghai(clock.now()) : latestEventAt(tx, caseId),
      serialKey: serialKeyOf(tx, caseId),
    })
    .run();
  return true;
}

function latestEventAt(tx: Tx, caseId: number): string {
  const e = tx.select({ at: caseEvents.at }).from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(desc(caseEvents.id)).get();
  if (e) return e.at;
  return tx.select({ at: cases.updatedAt }).from(cases).where(eq(cases.id, caseId)).get()!.at;
}

/** 民初 cases waiting for triage: on the docket in 'triage', or filed and not yet on the docket at all. */
export function triageQueue(db: Db | Tx) {
  const rows = db
    .select({
      caseId: cases.id,
      number: cases.number,
      causeName: cases.causeName,
      amountFen: cases.amountFen,
      receivedOn: cases.receivedOn,
      source: docketCases.source,
      partiesText: sql<string>`(SELECT group_concat(p.name, '、') FROM case_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = ${cases.id})`,
    })
    .from(cases)
    .leftJoin(docketCases, eq(docketCases.caseId, cases.id))
    .where(and(eq(cases.caseType, '民初'), or(isNull(docketCases.caseId), eq(docketCases.status, 'triage'))))
    .orderBy(asc(cases.receivedOn), asc(cases.id))
    .limit(500)
    .all();
  return {
    rows: rows.map((r) => {
      const source = (r.source ?? 'filing') as DocketSource;
      return { ...r, partiesText: r.partiesText ?? '', source, sourceLabel: SOURCE_LABELS[source] };
    }),
  };
}
