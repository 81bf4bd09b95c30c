import { defineArea } from '../api/area';
import { auditEvents } from './meta';
import { auditOperations } from './operations';

/** 审计日志: the hash-chained log every mutation writes, and its verifier. */
export { audit, auditActor, writeTransaction } from './transaction';
export { auditMeta } from './meta';

export const auditArea = defineArea({
  name: 'audit',
  label: '审计日志',
  operations: auditOperations,
  auditSubjects: { audit: { label: '审计日志' } },
  auditEvents,
});
