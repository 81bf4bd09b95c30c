import { bindList, contains, dateRange, equals } from '../lists/query';
import { mediationsList } from './listMeta';

/** The SQL of the mediation list (core/mediation/listMeta.ts): ordered by the received date (mediations_received_idx). */
export const mediationsBrowse = bindList({
  meta: mediationsList,
  from: `mediations m JOIN cases c ON c.id = m.case_id
    LEFT JOIN mediation_orgs o ON o.id = m.org_id LEFT JOIN mediators md ON md.id = m.mediator_id`,
  id: 'm.id',
  caseId: 'm.case_id',
  columns: {
    number: 'c.number',
    flow: 'm.flow',
    receivedOn: 'm.received_on',
    causeName: 'm.cause_name',
    parties: 'NULL',
    status: 'm.status',
    org: 'coalesce(o.name, m.outside_org_name)',
    mediator: 'coalesce(md.name, m.outside_mediator_name)',
    dueOn: 'm.due_on',
    outcomeOn: 'm.outcome_on',
  },
  filters: {
    flow: equals('m.flow'),
    status: equals('m.status'),
    received: dateRange('m.received_on'),
    cause: contains('m.cause_name'),
    org: equals('m.org_id'),
    mediator: equals('m.mediator_id'),
    // the legal period has run out while the mediation is still open (mediations_due_idx)
    overdue: (_v, env) => ({ sql: `m.status = 'in-progress' AND m.due_on < ?`, params: [env.today] }),
  },
});
