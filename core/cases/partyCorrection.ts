import { conflict, fieldError, notFound } from '../api/errors';
import { audit, writeTransaction } from '../audit';
import type { CallContext } from '../context';
import { correctParty, findPartyByIdentity, getParty, partyView, type CheckedParty } from '../parties';
import { caseEventActor, updatePartyCases } from './reindexQueue';
import { isoShanghai } from '../time/clock';
import { mayUnmask } from './service';

/**
 * Corrects a party's particulars (with a reason) and carries the correction into every case the party is in:
 * the search index and a timeline entry on each case. Lives in the cases area because the parties area does not
 * know cases (cases depend on parties, never the reverse). The former particulars stay in the party's revisions.
 */
export function correctPartyOnCases(ctx: CallContext, i: { id: number; party: CheckedParty; reason: string }) {
  return writeTransaction(ctx.core, (tx) => {
    const existing = getParty(tx, i.id);
    if (!existing) throw notFound('当事人');
    if (existing.kind !== i.party.kind) throw fieldError('party.kind', '不能把自然人更正为单位（或相反），请另行登记');
    if (i.party.idNumber && i.party.idNumber !== existing.idNumber) {
      const other = findPartyByIdentity(tx, i.party.idType, i.party.idNumber);
      if (other && other.id !== existing.id) throw conflict(`该证件号码已登记为当事人“${other.name}”`, 'party.idNumber');
    }
    const { kind: _kind, ...fields } = i.party;
    const changed = correctParty(
      tx,
      ctx.core.clock,
      existing,
      { ...fields, idNumber: i.party.idNumber },
      i.reason,
      ctx.actor?.userId ?? null,
    );
    if (changed.length > 0) {
      // its cases' search rows (only when a searched field changed) and timelines; chunked for a large party
      const at = isoShanghai(ctx.core.clock.now());
      updatePartyCases(tx, ctx.core, existing.id, changed, at, {
        ...caseEventActor(ctx),
        at,
        kind: 'party.corrected',
        summary: `更正当事人“${existing.name}”的信息：${i.reason}`,
        data: { partyId: existing.id, changed },
      });
      audit(tx, ctx, {
        operation: 'parties.correct',
        entityType: 'party',
        entityId: existing.id,
        before: existing,
        after: getParty(tx, existing.id),
      });
    }
    return { party: partyView(getParty(tx, existing.id)!, mayUnmask(ctx)), changed };
  });
}
