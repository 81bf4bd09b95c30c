import { bindList, contains, dateRange, equals } from '../lists/query';
import { docketList } from './listMeta';

/** The SQL of the fast-track list (core/docket/listMeta.ts): ordered by the filing date (docket_cases_filed_idx). */
export const docketBrowse = bindList({
  meta: docketList,
  from: 'docket_cases d JOIN cases c ON c.id = d.case_id LEFT JOIN users u ON u.id = d.judge_id',
  id: 'd.case_id',
  caseId: 'd.case_id',
  columns: {
    number: 'c.number',
    causeName: 'c.cause_name',
    parties: 'NULL',
    source: 'd.source',
    filedOn: 'd.filed_on',
    procedure: 'd.procedure',
    status: 'd.status',
    judge: 'u.display_name',
    dueOn: 'd.due_on',
    closedOn: 'd.closed_on',
    closeMethod: 'd.close_method',
  },
  filters: {
    status: equals('d.status'),
    procedure: equals('d.procedure'),
    filed: dateRange('d.filed_on'),
    closed: dateRange('d.closed_on'),
    cause: contains('c.cause_name'),
    judge: equals('d.judge_id'),
    // open after the trial period's last day (民诉法 2023 arts. 152, 164, 169; core/docket/dueDate.ts)
    overdue: (_v, env) => ({ sql: `d.status = 'open' AND d.due_on < ?`, params: [env.today] }),
  },
});
