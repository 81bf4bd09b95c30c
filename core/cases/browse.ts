import { bindList, containsOneOf, dateRange, equals } from '../lists/query';
import { casesList } from './listMeta';

/**
 * The SQL of the case list (core/cases/listMeta.ts). Ordered by the received date (cases_received_idx) or the
 * registration order (the row id); the judge and the trial period's due date come from the fast-track docket.
 */
export const casesBrowse = bindList({
  meta: casesList,
  from: 'cases c LEFT JOIN docket_cases d ON d.case_id = c.id LEFT JOIN users u ON u.id = d.judge_id',
  id: 'c.id',
  caseId: 'c.id',
  columns: {
    number: 'c.number',
    caseType: 'c.case_type',
    receivedOn: 'c.received_on',
    causeName: 'c.cause_name',
    parties: 'NULL',
    amountFen: 'c.amount_fen',
    status: 'c.status',
    judge: 'u.display_name',
    dueOn: 'd.due_on',
    code: 'c.code',
    seq: 'c.id',
  },
  filters: {
    caseType: equals('c.case_type'),
    status: equals('c.status'),
    received: dateRange('c.received_on'),
    // the causes containing the text (a few hundred distinct, cases_cause_idx), not a LIKE over every case
    cause: containsOneOf('cases', 'cause_name', 'c.cause_name'),
    judge: equals('d.judge_id'),
    // a fast-track case still open after its trial period's last day (docket_cases_open_due_idx)
    overdue: (_v, env) => ({ sql: `d.status = 'open' AND d.due_on < ?`, params: [env.today] }),
  },
});
