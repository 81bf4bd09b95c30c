import { eq } from 'drizzle-orm';
import { parties } from '../../db/schema';
import { defineArea } from '../api/area';
import { partyOperations } from './operations';

/**
 * 当事人: natural persons and organisations, their identity checks (GB 11643, GB 32100) and corrections.
 * The parties area knows nothing of cases; the cases area uses this public API.
 */
export { maskIdNumber, normaliseIdNumber, residentIdInfo, residentIdProblem, usccProblem } from './identity';
export { ID_TYPE_LABELS, partyInputSchema, type CheckedParty, type PartyInput } from './schemas';
export { correctParty, findPartyByIdentity, getParty, partyRevisionsOf, partyView, savePartyForFiling, type PartyView } from './service';
export { partyViewSchema } from './operations';
export { partiesMeta } from './meta';

export const partiesArea = defineArea({
  name: 'parties',
  label: '当事人',
  operations: partyOperations,
  auditSubjects: {
    party: {
      label: '当事人',
      name: (db, id) =>
        db
          .select({ name: parties.name })
          .from(parties)
          .where(eq(parties.id, Number(id)))
          .get()?.name ?? null,
    },
  },
});
