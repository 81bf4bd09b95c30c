import { eq } from 'drizzle-orm';
import { cases } from '../../db/schema';
import { defineArea } from '../api/area';
import { auditEvents } from './meta';
import { caseOperations } from './operations';

/**
 * 案件: counter filing, the case view and its timeline, search, links between cases, one case one code.
 * Public API for other areas (documents, fees, and the registers to come).
 */
export { caseView, findCaseId, mayUnmask, type CasePartyView, type CaseView } from './service';
/** filing and linking, for registers that convert a record into a case (mediation: 转立案) */
export { fileCase, linkCases, LINK_KINDS, type LinkKind } from './service';
export type { FileCaseInput } from './schemas';
/** for imports of another system's records (mediation: legacy 民诉前调 records keep their 案号) */
export { checkPartyRolesForCause, type KeptNumber } from './service';
export { legacyCaseInput, type LegacyCaseInput } from './schemas';
export { firstRowIssue, guessColumns, partiesOfRow } from './importSheet';
export { IMPORT_FIELDS } from './listMeta';
export { addCaseEvent, caseTimeline } from './timeline';
export { agentDescription, partyParticulars } from './particulars';
export { searchCaseIds, caseSetOf, partiesTextOf, caseSummaries, type CaseSet } from './search';
export { normaliseCaseCode, formatCaseCode, caseCodeForId } from './caseCode';
export { ALL_CASE_TYPES, CASE_TYPE_RULES, FILING_CASE_TYPES, PARTY_ROLES, type CaseType, type PartyRole } from './types';
export { casesMeta } from './meta';

/** A case as a person recognises it: its 案号 (or the centre's register number). */
export function caseNumberOf(db: Parameters<NonNullable<import('../api/area').AuditSubject['name']>>[0], id: number): string | null {
  return db.select({ number: cases.number }).from(cases).where(eq(cases.id, id)).get()?.number ?? null;
}

export const casesArea = defineArea({
  name: 'cases',
  label: '案件',
  operations: caseOperations,
  auditSubjects: {
    case: { label: '案件', name: (db, id) => caseNumberOf(db, Number(id)) },
    case_link: { label: '案件关联' },
    case_import: { label: '案件导入' },
  },
  auditEvents,
});
export { mergeSearchSegments, optimizeSearch, startSearchMaintenance } from './searchMaintenance';
export { casesBrowse } from './browse';
export { caseStats, civilFirstInstanceReceived } from './stats';
