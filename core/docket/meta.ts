/**
 * What the renderer may import from the docket area: labels and who may do what. No database, no handlers.
 */
export const DOCKET_READERS = ['clerk', 'mediation', 'judge', 'print', 'approver'] as const;
/** 程序分流员: the filing counter's clerks triage and may direct or reassign a case with a reason */
export const DOCKET_TRIAGE = ['clerk'] as const;
export const DOCKET_ASSIGNERS = ['clerk', 'approver'] as const;
/** the fast-track judge handles the case: suspensions, extension requests, conversions, closing */
export const DOCKET_JUDGES = ['judge'] as const;
/** 院长批准: extensions of the trial period */
export const DOCKET_APPROVERS = ['approver'] as const;
export const DOCKET_SETTINGS = ['admin', 'approver'] as const;

export const SOURCE_LABELS = { filing: '立案', 'mediation-failed': '委托调解不成' } as const;
export const STATUS_LABELS: Record<string, string> = { triage: '待分流', open: '审理中', closed: '已结案', transferred: '已移出速裁' };
export const ASSIGNMENT_LABELS: Record<string, string> = {
  load: '按收案量随机分配',
  serial: '系列案件归同一法官',
  directed: '指定分配',
  reassigned: '改派',
};
export const EXTENSION_STATUS_LABELS: Record<string, string> = { pending: '待审批', approved: '已批准', refused: '不予批准' };
export const CLOSE_METHOD_LABELS: Record<string, string> = {
  judgment: '判决',
  mediation: '调解',
  withdrawal: '准许撤诉',
  'deemed-withdrawal': '按撤诉处理',
  transfer: '转出速裁（普通程序审理）',
};
export { PROCEDURE_LABELS } from './triage';
export { WARNING_LABELS, SUSPENSION_KINDS } from './trialPeriod';
