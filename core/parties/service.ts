import { and, eq, gte, lt, or, sql } from 'drizzle-orm';
import { parties, partyRevisions } from '../../db/schema';
import type { Db, Tx } from '../context';
import { isoShanghai, type Clock } from '../time/clock';
import { maskIdNumber } from './identity';
import type { CheckedParty } from './schemas';

type PartyRow = typeof parties.$inferSelect;

export interface PartyView {
  id: number;
  kind: 'person' | 'organisation';
  name: string;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  ethnicity: string | null;
  idType: string;
  /** masked (330522********1234) unless the caller may see it in full */
  idNumber: string | null;
  idMasked: boolean;
  address: string | null;
  phone: string | null;
  representative: string | null;
  representativeTitle: string | null;
  revision: number;
}

export function partyView(row: PartyRow, unmask: boolean): PartyView {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    sex: row.sex ?? null,
    birthDate: row.birthDate,
    ethnicity: row.ethnicity,
    idType: row.idType,
    idNumber: row.idNumber && !unmask ? maskIdNumber(row.idNumber) : row.idNumber,
    idMasked: Boolean(row.idNumber) && !unmask,
    address: row.address,
    phone: row.phone,
    representative: row.representative,
    representativeTitle: row.representativeTitle,
    revision: row.revision,
  };
}

export function findPartyByIdentity(db: Db | Tx, idType: string, idNumber: string): PartyRow | undefined {
  return db
    .select()
    .from(parties)
    .where(and(eq(parties.idType, idType), eq(parties.idNumber, idNumber)))
    .get();
}

export function getParty(db: Db | Tx, id: number): PartyRow | undefined {
  return db.select().from(parties).where(eq(parties.id, id)).get();
}

/** The fields of a checked party as table columns. */
function columnsOf(p: CheckedParty) {
  const common = { kind: p.kind, name: p.name, idType: p.idType, idNumber: p.idNumber, address: p.address ?? null, phone: p.phone ?? null };
  if (p.kind === 'organisation') {
    return {
      ...common,
      representative: p.representative,
      representativeTitle: p.representativeTitle,
      sex: null,
      birthDate: null,
      ethnicity: null,
    };
  }
  return {
    ...common,
    representative: null,
    representativeTitle: null,
    sex: p.sex ?? null,
    birthDate: p.birthDate ?? null,
    ethnicity: p.ethnicity ?? null,
  };
}

type Columns = ReturnType<typeof columnsOf>;

/**
 * Applies a correction: only fields that were given and differ change; the values before go to
 * party_revisions with the reason, and the revision number goes up. Returns the changed field names.
 */
export function correctParty(
  tx: Tx,
  clock: Clock,
  existing: PartyRow,
  next: Partial<Columns>,
  reason: string,
  userId: number | null,
): string[] {
  const changed = (Object.keys(next) as (keyof Columns)[]).filter(
    (k) => next[k] !== undefined && next[k] !== null && next[k] !== existing[k],
  );
  if (changed.length === 0) return [];
  const now = isoShanghai(clock.now());
  tx.insert(partyRevisions)
    .values({
      partyId: existing.id,
      revision: existing.revision,
      before: JSON.stringify(existing),
      reason,
      changedAt: now,
      changedBy: userId,
    })
    .run();
  const update = Object.fromEntries(changed.map((k) => [k, next[k]]));
  tx.update(parties)
    .set({ ...update, revision: existing.revision + 1, updatedAt: now })
    .where(eq(parties.id, existing.id))
    .run();
  return changed;
}

/**
 * A party at filing: a returning person or organisation (same ID type and number) is reused, and newer
 * contact details given at the counter are recorded as a correction with history; otherwise a new party.
 */
export function savePartyForFiling(
  tx: Tx,
  clock: Clock,
  p: CheckedParty,
  userId: number | null,
): { partyId: number; reused: boolean; corrected: string[] } {
  const cols = columnsOf(p);
  if (p.idNumber) {
    const existing = findPartyByIdentity(tx, p.idType, p.idNumber);
    if (existing) {
      const corrected = correctParty(tx, clock, existing, cols, '立案时当事人提供的新信息', userId);
      return { partyId: existing.id, reused: true, corrected };
    }
  }
  const now = isoShanghai(clock.now());
  const row = tx
    .insert(parties)
    .values({ ...cols, createdAt: now, updatedAt: now })
    .returning({ id: parties.id })
    .get();
  return { partyId: row.id, reused: false, corrected: [] };
}

export function partyRevisionsOf(db: Db | Tx, partyId: number) {
  return db.select().from(partyRevisions).where(eq(partyRevisions.partyId, partyId)).orderBy(partyRevisions.id).all();
}

/** Upper bound for a prefix range on an indexed text column: 'abc' → everything in ['abc', 'abc\u{10FFFF}'). */
export function prefixRange(column: typeof parties.name | typeof parties.idNumber | typeof parties.phone, prefix: string) {
  return and(gte(column, prefix), lt(column, `${prefix}\u{10FFFF}`));
}

/**
 * Search-as-you-type for the filing form: name prefix, ID number prefix or phone prefix, each on its own
 * index. Returns at most `limit` parties with the number of cases each appears in.
 */
export function searchParties(db: Db, q: string, limit = 10): (PartyRow & { caseCount: number })[] {
  const term = q.trim().toUpperCase();
  if (term.length === 0) return [];
  const digitsOnly = /^[\dX]+$/.test(term);
  const where = digitsOnly
    ? or(prefixRange(parties.idNumber, term), prefixRange(parties.phone, term))
    : prefixRange(parties.name, q.trim());
  return db
    .select({
      party: parties,
      // written out in full: drizzle renders ${parties.id} in a sub-select as a bare "id", which would
      // resolve to case_parties.id
      caseCount: sql<number>`(SELECT count(*) FROM case_parties cp WHERE cp.party_id = "parties"."id")`,
    })
    .from(parties)
    .where(where)
    .limit(limit)
    .all()
    .map((r) => ({ ...r.party, caseCount: r.caseCount }));
}
