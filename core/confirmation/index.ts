/**
 * 司法确认 (judicial confirmation of mediation agreements), issue 13. The public API other areas may use:
 * - `applyFromAgreement(ctx, input)`: the one way an application is made — the counter's operation and the
 *   mediation register's hand-off (core/mediation `agreementForConfirmation` → this input, source 'mediation');
 * - `confirmationOfCase(db, caseId)` and `confirmationView(db, id, today)` to show a case's confirmation;
 * - `confirmationArea`: the descriptor registered once in core/areas.ts (operations, the effect-line setting,
 *   the five rulings' data builders, the audit subject).
 */
import { eq } from 'drizzle-orm';
import { cases, confirmations } from '../../db/schema';
import { defineArea } from '../api/area';
import { CONFIRMATION_DATA_BUILDERS } from './documentData';
import { confirmationOperations } from './operations';
import { confirmationSettings } from './settings';

export { applyFromAgreement, CONFIRMATION_CAUSE } from './application';
export { confirmationOfCase, signedRulingData } from './documentData';
export { confirmationView } from './record';
export type { ApplyFromAgreementInput, ConfirmationView } from './schemas';
export { applicationInput } from './schemas';
export { confirmationOperations };

export const confirmationArea = defineArea({
  name: 'confirmation',
  label: '司法确认',
  operations: confirmationOperations,
  settings: confirmationSettings,
  dataBuilders: CONFIRMATION_DATA_BUILDERS,
  auditSubjects: {
    confirmation: {
      label: '司法确认申请',
      name: (db, id) =>
        db
          .select({ number: cases.number })
          .from(confirmations)
          .innerJoin(cases, eq(cases.id, confirmations.caseId))
          .where(eq(confirmations.id, Number(id)))
          .get()?.number ?? null,
    },
  },
});
export { confirmationsBrowse } from './browse';
export { confirmationStats } from './stats';
