import { SYSTEM_USER_ID, type CallContext, type Core, type Tx } from '../context';
import { currentCallScope } from '../api/callScope';
import { appendAudit, type AuditEntryInput } from './log';
import { HeadFile } from './seal';
import { SETTINGS_SUBJECT, stateDigest, subjectsOf, type StateDigest, type Subject } from './stateDigest';

interface PendingTransaction {
  core: Core;
  entries: AuditEntryInput[];
  /** digest of the settings when the transaction began: a change made by it is sealed with its audit row */
  settingsBefore: string;
}

/** The audit entries of the write transaction in progress (transactions are synchronous, so one at a time). */
let pending: PendingTransaction | null = null;

/**
 * Runs a change as one SQLite write transaction (BEGIN IMMEDIATE, so two desks never interleave a
 * read-then-write). The callback must be synchronous: better-sqlite3 transactions cannot span an await,
 * and an async callback would not roll back (docs/TOOLCHAIN.md, “SQLite”). Do I/O before or after.
 *
 * The audit entries of the change are written at the end of the callback, still inside the transaction, with
 * the digests of the state the change left (core/audit/stateDigest.ts); after the commit the chain head is
 * written next to the database (core/audit/seal.ts).
 */
export function writeTransaction<T>(core: Core, fn: (tx: Tx) => T): T {
  // the dispatcher's call scope: records a request id in the first write and counts commits (safe retries)
  const scope = pending ? undefined : currentCallScope();
  const result = core.db.transaction(
    (tx) => {
      scope?.beforeWrite?.(tx, scope);
      const outer = pending;
      const mine: PendingTransaction = { core, entries: [], settingsBefore: stateDigest(core.sqlite, SETTINGS_SUBJECT).digest };
      pending = mine;
      try {
        const r = fn(tx);
        flushAudit(tx, mine);
        return r;
      } finally {
        pending = outer;
      }
    },
    { behavior: 'immediate' },
  );
  if (scope) scope.committedWrites += 1;
  if (!pending) recordHead(core);
  return result;
}

/** The open head file of each file-backed store (core/audit/seal.ts HeadFile), closed by closeCore. */
const headFiles = new WeakMap<Core, HeadFile>();

/** Rewrites the chain head file after a commit (file-backed stores only). A head that lags is harmless. */
export function recordHead(core: Core): void {
  if (!core.dataDir || !core.auditSeal) return;
  const last = core.sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string } | undefined;
  if (!last) return;
  let file = headFiles.get(core);
  if (!file) headFiles.set(core, (file = new HeadFile(core.dataDir)));
  file.write({ count: last.id, hash: last.hash, at: new Date().toISOString() });
}

export function closeHeadFile(core: Core): void {
  headFiles.get(core)?.close();
  headFiles.delete(core);
}

function flushAudit(tx: Tx, p: PendingTransaction): void {
  if (p.entries.length === 0) return;
  const { core } = p;
  const perEntry: StateDigest[][] = p.entries.map((e) =>
    subjectsOf(core.sqlite, e.entityType, e.entityId === null || e.entityId === undefined ? null : String(e.entityId)).map((s: Subject) =>
      stateDigest(core.sqlite, s),
    ),
  );
  // Settings are written by several areas under different entity names: seal them when this change wrote them.
  const settings = stateDigest(core.sqlite, SETTINGS_SUBJECT);
  if (settings.digest !== p.settingsBefore) perEntry[perEntry.length - 1]!.push(settings);
  p.entries.forEach((e, i) => appendAudit(tx, core, e, perEntry[i]));
  p.entries = [];
}

/** Who the audit log names for this call. */
export function auditActor(ctx: CallContext): Pick<AuditEntryInput, 'actorId' | 'actorName'> {
  if (!ctx.actor) return { actorId: null, actorName: '（未登录）' };
  if (ctx.actor.userId === SYSTEM_USER_ID) return { actorId: null, actorName: ctx.actor.displayName };
  return { actorId: ctx.actor.userId, actorName: `${ctx.actor.displayName}（${ctx.actor.username}）` };
}

/**
 * Records the audit row of the current call. Inside writeTransaction the row is written when the change is
 * complete (so its state digest is of the final state); elsewhere at once.
 */
export function audit(
  tx: Tx,
  ctx: CallContext,
  entry: Omit<AuditEntryInput, 'actorId' | 'actorName'> & Partial<Pick<AuditEntryInput, 'actorId' | 'actorName'>>,
): void {
  const full: AuditEntryInput = { ...auditActor(ctx), ...entry };
  if (pending && pending.core === ctx.core) {
    pending.entries.push(full);
    return;
  }
  const core = ctx.core;
  const digests = subjectsOf(core.sqlite, full.entityType, full.entityId === null ? null : String(full.entityId)).map((s) =>
    stateDigest(core.sqlite, s),
  );
  appendAudit(tx, core, full, digests);
}
