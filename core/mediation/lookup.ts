import { and, eq, gte, sql } from 'drizzle-orm';
import { caseParties, cases, mediationLookups, mediationOrgs, mediations, parties } from '../../db/schema';
import { ApiError } from '../api/errors';
import { writeTransaction } from '../audit';
import { normaliseCaseCode } from '../cases';
import type { CallContext } from '../context';
import { addMinutes, isoShanghai } from '../time/clock';
import { STATUSES, type Status } from './labels';
import { nextStepOf } from './register';

/**
 * Progress by code (一码管到底) for the self-service terminal: the case code from the receipt's QR (or typed) plus
 * the last four digits of a party's phone. The answer holds the stage, the organisation, the next step and its
 * date — no name, no ID number, no phone, no mediator. A wrong code and a wrong phone give the same “not found”,
 * so the lookup cannot be used to test codes. Every lookup is logged; more than LOOKUPS_PER_WINDOW from one
 * address within WINDOW_MINUTES are refused until the window passes.
 */
export const LOOKUPS_PER_WINDOW = 10;
export const WINDOW_MINUTES = 10;

const NOT_FOUND = { found: false, stage: null, organisation: null, nextStep: null, nextDate: null };

export function lookupProgress(ctx: CallContext, rawCode: string, phoneLast4: string) {
  const now = ctx.core.clock.now();
  const address = ctx.client.address ?? ctx.client.transport;
  const code = normaliseCaseCode(rawCode) ?? rawCode.trim().toUpperCase().slice(0, 20);
  const result = writeTransaction(ctx.core, (tx) => {
    const since = isoShanghai(addMinutes(now, -WINDOW_MINUTES));
    const recent = tx
      .select({ n: sql<number>`count(*)` })
      .from(mediationLookups)
      .where(and(eq(mediationLookups.address, address), gte(mediationLookups.at, since)))
      .get()!.n;
    const throttled = recent >= LOOKUPS_PER_WINDOW;
    let answer: typeof NOT_FOUND | { found: true; stage: string; organisation: string | null; nextStep: string; nextDate: string | null } =
      NOT_FOUND;
    if (!throttled) {
      const row = tx
        .select({ m: mediations, orgName: mediationOrgs.name })
        .from(mediations)
        .innerJoin(cases, eq(cases.id, mediations.caseId))
        .leftJoin(mediationOrgs, eq(mediationOrgs.id, mediations.orgId))
        .where(eq(cases.code, code))
        .get();
      if (row) {
        const phones = tx
          .select({ phone: parties.phone })
          .from(caseParties)
          .innerJoin(parties, eq(parties.id, caseParties.partyId))
          .where(eq(caseParties.caseId, row.m.caseId))
          .all();
        const match = phones.some((p) => (p.phone ?? '').replace(/\D/g, '').endsWith(phoneLast4));
        if (match) {
          const next = nextStepOf(row.m);
          answer = {
            found: true,
            stage: STATUSES[row.m.status as Status] ?? row.m.status,
            organisation: row.orgName ?? row.m.outsideOrgName ?? null,
            nextStep: next.text,
            nextDate: next.date,
          };
        }
      }
    }
    tx.insert(mediationLookups)
      .values({ at: isoShanghai(now), address, code: code.slice(0, 20), found: answer.found })
      .run();
    return { throttled, answer };
  });
  if (result.throttled) throw new ApiError('LOCKED', `查询过于频繁，请 ${WINDOW_MINUTES} 分钟后再试`);
  return result.answer;
}
