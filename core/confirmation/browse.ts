import { bindList, contains, dateRange, equals } from '../lists/query';
import { confirmationsList } from './listMeta';

/** The SQL of the confirmation list (core/confirmation/listMeta.ts): ordered by the application date. */
export const confirmationsBrowse = bindList({
  meta: confirmationsList,
  from: 'confirmations k JOIN cases c ON c.id = k.case_id LEFT JOIN users u ON u.id = k.judge_id',
  id: 'k.id',
  caseId: 'k.case_id',
  columns: {
    number: 'c.number',
    parties: 'NULL',
    organisationName: 'k.organisation_name',
    organisationKind: 'k.organisation_kind',
    mediatorName: 'k.mediator_name',
    appliedOn: 'k.applied_on',
    stage: 'k.stage',
    outcome: 'k.outcome',
    judge: 'u.display_name',
    decidedOn: 'k.decided_on',
  },
  filters: {
    stage: equals('k.stage'),
    outcome: equals('k.outcome'),
    applied: dateRange('k.applied_on'),
    organisation: contains('k.organisation_name'),
    judge: equals('k.judge_id'),
  },
});
