import { confirmations } from '../../db/schema';
import { audit, writeTransaction } from '../audit/transaction';
import type { FileCaseInput } from '../cases/schemas';
import { fileCase } from '../cases/service';
import { addCaseEvent } from '../cases/timeline';
import type { CallContext } from '../context';
import { isoShanghai, dateShanghai } from '../time/clock';
import { FEE_BASIS, MATERIALS, ORGANISATION_KINDS } from './meta';
import { confirmationView } from './record';
import type { ApplyFromAgreementInput } from './schemas';

/** The cause of every confirmation case (民事案件案由规定: 申请司法确认调解协议; the same name in 2020 and 2025). */
export const CONFIRMATION_CAUSE = '申请司法确认调解协议';

/**
 * An application for judicial confirmation, from the counter (an agreement made elsewhere) or handed over by the
 * mediation register: one transaction files the 民特 case (the 案号 follows the order of receipt), with every
 * party to the agreement as a 申请人 (a joint application, 民诉法 2023 art. 205; 解释 art. 351), records the
 * agreement with its terms as numbered items, the form of the application (oral → a signed record, 解释 art. 353),
 * the materials checklist (解释 art. 354), and no fee (办法 art. 8(1)); with its timeline event and audit row.
 */
export function applyFromAgreement(ctx: CallContext, input: ApplyFromAgreementInput, operation = 'confirmation.apply') {
  const filing: FileCaseInput = {
    caseType: '民特',
    receivedOn: input.appliedOn,
    parties: input.applicants.map((a) => ({ role: '申请人' as const, partyId: a.partyId, party: a.party, agents: a.agents })),
    cause: { text: CONFIRMATION_CAUSE },
    amountFen: undefined,
    claims: `确认申请人于${input.agreement.date}经${input.agreement.organisationName}主持调解达成的调解协议有效`,
    facts: input.agreement.dispute ?? '',
    materials: Object.entries(input.materials)
      .filter(([, state]) => state === 'provided')
      .map(([k]) => MATERIALS[k as keyof typeof MATERIALS]),
  };
  return writeTransaction(ctx.core, (tx) => {
    // the case is filed inside this transaction (a savepoint): the application and its case exist together or not at all
    const c = fileCase(ctx, filing);
    const now = isoShanghai(ctx.core.clock.now());
    const row = tx
      .insert(confirmations)
      .values({
        caseId: c.id,
        source: input.source,
        mediationId: input.mediationId ?? null,
        organisationKind: input.agreement.organisationKind,
        organisationName: input.agreement.organisationName,
        organisationPlace: input.agreement.organisationPlace,
        mediatorName: input.agreement.mediatorName,
        agreementDate: input.agreement.date,
        agreementEffectiveOn: input.agreement.effectiveOn,
        dispute: input.agreement.dispute ?? null,
        terms: JSON.stringify(input.agreement.terms),
        applicationForm: input.applicationForm,
        oralRecord: input.applicationForm === 'oral' ? (input.oralRecord ?? null) : null,
        materials: JSON.stringify(input.materials),
        appliedOn: input.appliedOn,
        feeFen: 0,
        feeBasis: FEE_BASIS,
        stage: 'applied',
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: confirmations.id })
      .get();
    addCaseEvent(
      tx,
      ctx,
      c.id,
      'confirmation',
      `收到司法确认申请（${input.applicationForm === 'oral' ? '口头申请，已记入笔录' : '书面申请'}；${ORGANISATION_KINDS[input.agreement.organisationKind]}${input.agreement.organisationName}主持达成的调解协议，共 ${input.agreement.terms.length} 项）；不收取案件受理费`,
      {
        confirmationId: row.id,
      },
    );
    const view = confirmationView(tx, row.id, dateShanghai(ctx.core.clock.now()), true);
    audit(tx, ctx, {
      operation,
      entityType: 'confirmation',
      entityId: row.id,
      after: { ...input, caseId: c.id, caseNumber: c.number, feeFen: 0, feeBasis: FEE_BASIS },
    });
    return view;
  });
}
