import { and, asc, eq } from 'drizzle-orm';
import { caseParties, cases, mediationOrgs, mediations, mediators, parties } from '../../db/schema';
import { defineArea } from '../api/area';
import { ApiError, notFound } from '../api/errors';
import type { Core, Db, Tx } from '../context';
import { dateShanghai } from '../time/clock';
import { warmRoutingCache } from './routingCache';
import { MEDIATION_DATA_BUILDERS } from './documentData';
import { mediationFailedListeners, onMediationFailed, type MediationFailedEvent, type MediationFailedListener } from './hooks';
import { mediationOperations } from './operations';
import { mediationView } from './register';
import type { ConfirmationHandOff } from './schemas';

/**
 * The mediation area (诉调对接): rosters, the register (委派 / 委托 / outside agreements / legacy 民诉前调), routing,
 * response limits and warnings, outcomes and conversion, subsidies, progress by code. Other areas use only what
 * this file exports.
 */
export const mediationArea = defineArea({
  name: 'mediation',
  label: '诉调对接',
  operations: mediationOperations,
  dataBuilders: MEDIATION_DATA_BUILDERS,
  auditSubjects: {
    mediation: {
      label: '调解案件',
      name: (db, id) =>
        db
          .select({ number: cases.number })
          .from(mediations)
          .innerJoin(cases, eq(cases.id, mediations.caseId))
          .where(eq(mediations.id, Number(id)))
          .get()?.number ?? null,
    },
    mediation_org: {
      label: '调解组织',
      name: (db, id) =>
        db
          .select({ name: mediationOrgs.name })
          .from(mediationOrgs)
          .where(eq(mediationOrgs.id, Number(id)))
          .get()?.name ?? null,
    },
    mediator: {
      label: '调解员',
      name: (db, id) =>
        db
          .select({ name: mediators.name })
          .from(mediators)
          .where(eq(mediators.id, Number(id)))
          .get()?.name ?? null,
    },
    mediation_settings: { label: '调解工作设置' },
    mediation_roster: { label: '调解名册导入' },
    // the id is the confirmed preview's digest (core/mediation/importLegacy.ts)
    mediation_legacy_import: { label: '旧诉前调案件导入' },
  },
});

/** Hook points for other areas (the docket registers its triage here when the areas are combined). */
export const mediationHooks = { onMediationFailed, listeners: mediationFailedListeners };

export { mediationOperations, onMediationFailed, type MediationFailedEvent, type MediationFailedListener, type ConfirmationHandOff };
export { MEDIATION_OPERATIONS, mediationMeta } from './meta';
export { mediationView };

/**
 * The hand-off to judicial confirmation (民诉法 arts. 205–206; 解释 art. 351): a mediation that ended in an
 * agreement — an outside agreement brought in, or a 委派 closed with “申请司法确认” — gives the confirmation area
 * the parties (party ids and roles), the organisation, the mediator, the agreement date, the numbered terms and
 * the signatories. Refused (CONFLICT) when there is no agreement yet.
 */
export function agreementForConfirmation(db: Db | Tx, mediationId: number): ConfirmationHandOff {
  const m = db.select().from(mediations).where(eq(mediations.id, mediationId)).get();
  if (!m) throw notFound('调解案件');
  if (m.outcome !== 'agreement' || !m.agreement) throw new ApiError('CONFLICT', '该调解尚未达成调解协议，不能申请司法确认');
  const c = db.select({ id: cases.id, number: cases.number }).from(cases).where(eq(cases.id, m.caseId)).get()!;
  const ps = db
    .select({ partyId: caseParties.partyId, role: caseParties.role, name: parties.name })
    .from(caseParties)
    .innerJoin(parties, eq(parties.id, caseParties.partyId))
    .where(and(eq(caseParties.caseId, m.caseId)))
    .orderBy(asc(caseParties.seq))
    .all();
  const org = m.orgId ? db.select().from(mediationOrgs).where(eq(mediationOrgs.id, m.orgId)).get() : undefined;
  const med = m.mediatorId ? db.select().from(mediators).where(eq(mediators.id, m.mediatorId)).get() : undefined;
  const agreement = JSON.parse(m.agreement) as { terms: string[]; signedOn: string; signatories: string[] };
  return {
    closing: m.closing,
    dispute: mediationView(db, m.id).causeName,
    mediationId: m.id,
    caseId: c.id,
    caseNumber: c.number,
    flow: m.flow,
    parties: ps,
    organisation: { id: org?.id ?? null, name: org?.name ?? m.outsideOrgName ?? '', kind: org?.kind ?? null, region: org?.region ?? null },
    mediator: { id: med?.id ?? null, name: med?.name ?? m.outsideMediatorName ?? '' },
    agreementDate: agreement.signedOn,
    terms: agreement.terms,
    signatories: agreement.signatories,
  };
}
export { mediationsBrowse } from './browse';
export { mediationStats } from './stats';

/**
 * Fills routing's cache at host start (core/mediation/routingCache.ts): the full read of 2,000 mediators' roster
 * entries and figures takes 10–20 ms, paid here once instead of by the first recommendation someone waits for.
 */
export function warmMediationCaches(core: Core): void {
  warmRoutingCache(core.sqlite, dateShanghai(core.clock.now()));
}
