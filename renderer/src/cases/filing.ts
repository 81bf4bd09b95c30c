import type { Input, Output } from '../api/client';
import { CASE_TYPE_RULES, FILING_CASE_TYPES, type FilingCaseType, type PartyRole } from '../../../core/cases/types';
import { parseYuan } from './money';

/**
 * The 立案登记 form's values and their conversion to `cases.file`. The form keeps plain JSON (dates as
 * YYYY-MM-DD text, the amount as the yuan text typed) so that a draft can be stored and restored as is.
 */

export { CASE_TYPE_RULES, FILING_CASE_TYPES, type FilingCaseType, type PartyRole };

export type FileInput = Input<'cases.file'>;
export type PartyHit = Output<'parties.search'>[number];
export type PartyKind = 'person' | 'organisation';

export interface PartyFields {
  kind: PartyKind;
  name?: string;
  idType?: string;
  idNumber?: string;
  sex?: 'male' | 'female';
  birthDate?: string;
  ethnicity?: string;
  address?: string;
  phone?: string;
  representative?: string;
  representativeTitle?: string;
}

export interface AgentFields {
  kind: 'lawyer' | 'relative' | 'other';
  name?: string;
  idNumber?: string;
  phone?: string;
  organisation?: string;
  licenseNo?: string;
  authority: 'general' | 'special';
  authorityDetail?: string;
}

/** A returning party as picked from parties.search: shown read-only, referenced by id. */
export type ReturningParty = Omit<PartyHit, 'revision'>;

export interface PartyRow {
  role: PartyRole;
  partyId?: number;
  returning?: ReturningParty;
  party: PartyFields;
  agents?: AgentFields[];
}

export type CauseValue = { revision: string; no: string; name: string; path?: string } | { text: string };

export interface FilingValues {
  caseType: FilingCaseType;
  receivedOn: string;
  parties: PartyRow[];
  cause?: CauseValue;
  /** yuan, as typed */
  amount?: string;
  claims?: string;
  facts?: string;
  /** ticked materials (from the checklist and the free additions) */
  materials?: string[];
  /** materials added by hand, offered in the checklist next to the rule's */
  extraMaterials?: string[];
}

export function rolesOf(caseType: FilingCaseType): PartyRole[] {
  return Object.keys(CASE_TYPE_RULES[caseType].roles) as PartyRole[];
}

export function emptyParty(role: PartyRole, kind: PartyKind = 'person'): PartyRow {
  return { role, party: { kind, idType: kind === 'person' ? 'resident' : 'uscc' }, agents: [] };
}

/** One row for every role a case type needs at least once: 民初 → 原告, 被告; 民特 → 申请人. */
export function defaultParties(caseType: FilingCaseType): PartyRow[] {
  const rule = CASE_TYPE_RULES[caseType];
  return rolesOf(caseType)
    .filter((r) => (rule.roles[r] ?? 0) > 0)
    .map((r) => emptyParty(r));
}

/** The role of a party added with Alt+N: a role still missing, else the role of the last row. */
export function roleForNewParty(caseType: FilingCaseType, rows: readonly Pick<PartyRow, 'role'>[]): PartyRole {
  const rule = CASE_TYPE_RULES[caseType];
  const roles = rolesOf(caseType);
  const missing = roles.find((r) => rows.filter((p) => p.role === r).length < (rule.roles[r] ?? 0));
  if (missing) return missing;
  const last = rows.at(-1)?.role;
  return last && roles.includes(last) ? last : roles[0]!;
}

const ROLE_COUNTERPART: Partial<Record<PartyRole, PartyRole>> = { 原告: '申请人', 被告: '被申请人', 申请人: '原告', 被申请人: '被告' };

/** Keeps the rows when the case type changes, moving roles the new type lacks to their counterpart. */
export function remapRoles(caseType: FilingCaseType, rows: PartyRow[]): PartyRow[] {
  const roles = rolesOf(caseType);
  return rows.map((p) => {
    if (roles.includes(p.role)) return p;
    const counterpart = ROLE_COUNTERPART[p.role];
    return { ...p, role: counterpart && roles.includes(counterpart) ? counterpart : roles[0]! };
  });
}

export function partyHasInput(p: PartyRow | undefined): boolean {
  if (!p) return false;
  if (p.partyId !== undefined) return true;
  const { kind: _kind, idType: _idType, ...rest } = p.party ?? { kind: 'person' };
  return Object.values(rest).some((v) => typeof v === 'string' && v.trim() !== '') || (p.agents?.length ?? 0) > 0;
}

/** Whether the clerk has typed anything worth keeping as a draft. */
export function hasInput(v: Partial<FilingValues> | undefined): boolean {
  if (!v) return false;
  return Boolean(
    (v.parties ?? []).some(partyHasInput) ||
    v.cause ||
    v.amount?.trim() ||
    v.claims?.trim() ||
    v.facts?.trim() ||
    (v.materials?.length ?? 0) > 0 ||
    (v.extraMaterials?.length ?? 0) > 0,
  );
}

function text(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t ? t : undefined;
}

function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

type PartyInput = NonNullable<FileInput['parties'][number]['party']>;
type AgentInput = NonNullable<FileInput['parties'][number]['agents']>[number];

export function toPartyInput(p: PartyFields): PartyInput {
  const idType = p.idType ?? (p.kind === 'person' ? 'resident' : 'uscc');
  const idNumber = idType === 'none' ? undefined : text(p.idNumber);
  if (p.kind === 'organisation') {
    return definedOnly({
      kind: 'organisation' as const,
      name: text(p.name) ?? '',
      idType: idType as 'uscc' | 'none',
      idNumber,
      representative: text(p.representative) ?? '',
      representativeTitle: text(p.representativeTitle) ?? '',
      address: text(p.address),
      phone: text(p.phone),
    });
  }
  // sex and birth date come from a resident ID: the host derives them
  const derived = idType === 'resident';
  return definedOnly({
    kind: 'person' as const,
    name: text(p.name) ?? '',
    idType: idType as Exclude<PartyInput['idType'], 'uscc'>,
    idNumber,
    sex: derived ? undefined : p.sex,
    birthDate: derived ? undefined : text(p.birthDate),
    ethnicity: text(p.ethnicity),
    address: text(p.address),
    phone: text(p.phone),
  }) as PartyInput;
}

export function toAgentInput(a: AgentFields): AgentInput {
  return definedOnly({
    kind: a.kind,
    name: text(a.name) ?? '',
    idNumber: text(a.idNumber),
    phone: text(a.phone),
    organisation: text(a.organisation),
    licenseNo: a.kind === 'lawyer' ? text(a.licenseNo) : undefined,
    authority: a.authority,
    authorityDetail: a.authority === 'special' ? text(a.authorityDetail) : undefined,
  });
}

/** The form's values as the `cases.file` input. The amount must already have passed its field check. */
export function toFileInput(v: FilingValues): FileInput {
  const amount = parseYuan(v.amount);
  const cause = v.cause;
  return definedOnly({
    caseType: v.caseType,
    receivedOn: v.receivedOn,
    parties: v.parties.map((p) => {
      const agents = (p.agents ?? []).map(toAgentInput);
      return p.partyId !== undefined
        ? { role: p.role, partyId: p.partyId, agents }
        : { role: p.role, party: toPartyInput(p.party), agents };
    }),
    cause: cause === undefined ? undefined : 'text' in cause ? { text: cause.text } : { revision: cause.revision, no: cause.no },
    amountFen: amount.ok ? amount.fen : undefined,
    claims: text(v.claims),
    facts: text(v.facts),
    materials: v.materials ?? [],
  }) as FileInput;
}

/** The checklist offered for a type: the rule's usual materials, then the clerk's additions. */
export function materialOptions(caseType: FilingCaseType, extra: readonly string[] = []): string[] {
  return [...new Set([...CASE_TYPE_RULES[caseType].materials, ...extra])];
}
