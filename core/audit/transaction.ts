import { SYSTEM_USER_ID, type CallContext, type Core, type Tx } from '../context';
import { currentCallScope } from '../api/callScope';
import { appendAudit, type AuditEntryInput } from './log';

/**
 * Runs a change as one SQLite write transaction (BEGIN IMMEDIATE, so two desks never interleave a
 * read-then-write). The callback must be synchronous: better-sqlite3 transactions cannot span an await,
 * and an async callback would not roll back (TOOLCHAIN.md). Do I/O before or after.
 */
export function writeTransaction<T>(core: Core, fn: (tx: Tx) => T): T {
  const scope = currentCallScope();
  if (!scope) return core.db.transaction(fn, { behavior: 'immediate' });
  const result = core.db.transaction((tx) => {
    scope.beforeWrite?.(tx, scope);
    return fn(tx);
  }, { behavior: 'immediate' });
  scope.committedWrites += 1;
  return result;
}

/** Who the audit log names for this call. */
export function auditActor(ctx: CallContext): Pick<AuditEntryInput, 'actorId' | 'actorName'> {
  if (!ctx.actor) return { actorId: null, actorName: '（未登录）' };
  if (ctx.actor.userId === SYSTEM_USER_ID) return { actorId: null, actorName: ctx.actor.displayName };
  return { actorId: ctx.actor.userId, actorName: `${ctx.actor.displayName}（${ctx.actor.username}）` };
}

/** Appends the audit row of the current call inside its transaction. */
export function audit(
  tx: Tx,
  ctx: CallContext,
  entry: Omit<AuditEntryInput, 'actorId' | 'actorName'> & Partial<Pick<AuditEntryInput, 'actorId' | 'actorName'>>,
): number {
  return appendAudit(tx, ctx.core.clock, { ...auditActor(ctx), ...entry });
}
