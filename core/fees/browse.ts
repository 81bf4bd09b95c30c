import { bindList, dateRange, equals } from '../lists/query';
import { reliefList } from './listMeta';

/** The SQL of the relief list (core/fees/listMeta.ts): ordered by the application date (relief_applied_kind_idx). */
export const reliefBrowse = bindList({
  meta: reliefList,
  from: `relief_applications r JOIN cases c ON c.id = r.case_id
    JOIN case_parties cp ON cp.id = r.case_party_id JOIN parties p ON p.id = cp.party_id`,
  id: 'r.id',
  caseId: 'r.case_id',
  columns: {
    caseNumber: 'c.number',
    applicant: 'p.name',
    kind: 'r.kind',
    appliedOn: 'r.applied_on',
    feeFen: 'r.fee_fen',
    status: 'r.status',
    decidedOn: 'r.decided_on',
    grantedPercent: 'r.granted_percent',
    reliefFen: 'r.relief_fen',
    deferredUntil: 'r.deferred_until',
  },
  filters: {
    kind: equals('r.kind'),
    status: equals('r.status'),
    applied: dateRange('r.applied_on'),
    decided: dateRange('r.decided_on'),
    // 缓交 granted whose date has passed (办法 art. 47; the overdue follow-up of core/fees/payments.ts)
    overdue: (_v, env) => ({
      sql: `r.kind = 'defer' AND r.status IN ('granted', 'partly_granted') AND r.deferred_until < ?`,
      params: [env.today],
    }),
  },
});
