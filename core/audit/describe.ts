import { registry } from '../api/registry';
import type { Db, Tx } from '../context';

/**
 * An audit row as a person reads it: the operation's Chinese label and the object by what they recognise
 * (案号, 文书名称, 用户名), from what the areas declared (core/api/registry.ts). A namer that fails (the object
 * was never stored, an old id) leaves the name empty rather than hiding the row.
 */
export function describeAuditRow(db: Db | Tx, row: { operation: string; entityType: string; entityId: string | null }) {
  const subject = registry.auditSubjects.get(row.entityType);
  let name: string | null = null;
  if (subject?.name && row.entityId !== null) {
    try {
      name = subject.name(db, row.entityId);
    } catch {
      name = null;
    }
  }
  return {
    operationLabel: registry.labels.get(row.operation) ?? row.operation,
    subject: { label: subject?.label ?? row.entityType, name: name ?? row.entityId },
  };
}
