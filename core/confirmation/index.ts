/**
 * 司法确认 (judicial confirmation of mediation agreements), issue 13. The public API other areas may use:
 * - `applyFromAgreement(ctx, input)`: the one way an application is made — the counter's operation and the
 *   mediation register's hand-off (core/mediation `agreementForConfirmation` → this input, source 'mediation');
 * - `confirmationOfCase(db, caseId)` and `confirmationView(db, id, today)` to show a case's confirmation;
 * - the operations array, registered once in the API.
 */
import { confirmationOperations } from './operations';

export { applyFromAgreement, CONFIRMATION_CAUSE } from './application';
export { confirmationOfCase } from './documentData';
export { confirmationView } from './record';
export type { ApplyFromAgreementInput, ConfirmationView } from './schemas';
export { applicationInput } from './schemas';
export { confirmationOperations };

export const confirmationArea = { name: 'confirmation', label: '司法确认', operations: confirmationOperations } as const;
