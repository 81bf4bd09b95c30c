import { createHash } from 'node:crypto';
import { desc } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import type { Tx } from '../context';
import { isoShanghai, type Clock } from '../time/clock';

/** The hash the first row chains to. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryInput {
  actorId: number | null;
  actorName: string;
  operation: string;
  entityType: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Fields covered by a row's hash, in a fixed order. */
export interface AuditRowContent {
  id: number;
  at: string;
  actorId: number | null;
  actorName: string;
  operation: string;
  entityType: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
}

/** Keys whose values never enter the audit log. */
const SECRET_KEYS = new Set(['password', 'passwordHash', 'newPassword', 'currentPassword', 'tokenHash', 'token']);

/** JSON with sorted keys and secrets redacted, so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (key, v) => {
    if (SECRET_KEYS.has(key)) return '［已隐去］';
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, (v as Record<string, unknown>)[k]]));
    }
    return v;
  });
}

export function hashAuditRow(prevHash: string, row: AuditRowContent): string {
  const content = [
    row.id,
    row.at,
    row.actorId ?? '',
    row.actorName,
    row.operation,
    row.entityType,
    row.entityId ?? '',
    row.before ?? '',
    row.after ?? '',
  ].join('\u001f');
  return createHash('sha256').update(prevHash).update('\u001e').update(content).digest('hex');
}

/**
 * Appends one audit row, chained to the previous one. Must be called inside the write transaction of the
 * change it records (ARCHITECTURE.md rule 4); the write lock makes "read last hash, insert next" atomic.
 */
export function appendAudit(tx: Tx, clock: Clock, entry: AuditEntryInput): number {
  const last = tx.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
  const row: AuditRowContent = {
    id: (last?.id ?? 0) + 1,
    at: isoShanghai(clock.now()),
    actorId: entry.actorId,
    actorName: entry.actorName,
    operation: entry.operation,
    entityType: entry.entityType,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    before: entry.before === undefined || entry.before === null ? null : canonicalJson(entry.before),
    after: entry.after === undefined || entry.after === null ? null : canonicalJson(entry.after),
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  tx.insert(auditLog).values({ ...row, prevHash, hash: hashAuditRow(prevHash, row) }).run();
  return row.id;
}
