import type Database from 'better-sqlite3';
import { createHash, createHmac, createSecretKey, type KeyObject } from 'node:crypto';
import { desc } from 'drizzle-orm';
import { auditDigests, auditLog } from '../../db/schema';
import type { AuditSeal } from './seal';
import { digestListHash, type StateDigest } from './stateDigest';
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
  /** keyed rows only: hash of the state digests the row recorded */
  stateDigest?: string | null;
}

/** Keys whose values never enter the audit log. */
const SECRET_KEYS = new Set(['password', 'passwordHash', 'newPassword', 'currentPassword', 'tokenHash', 'token']);

/** JSON with sorted keys and secrets redacted, so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (key, v) => {
    if (SECRET_KEYS.has(key)) return '［已隐去］';
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, (v as Record<string, unknown>)[k]]),
      );
    }
    return v;
  });
}

/**
 * The hash of a row, chained to the previous one. Rows before the store's key existed use plain SHA-256 over
 * the content; keyed rows (id ≥ seal.keyedFrom) use HMAC-SHA-256 with the key kept outside the database and
 * also cover the row's state digests, so a chain edited and recomputed without the key does not verify.
 */
/** The key as a KeyObject, made once per seal (preparing the raw key on every row showed in the filing profile). */
const keyObjects = new WeakMap<AuditSeal, KeyObject>();
function keyOf(seal: AuditSeal): KeyObject {
  let key = keyObjects.get(seal);
  if (!key) keyObjects.set(seal, (key = createSecretKey(seal.key)));
  return key;
}

export function hashAuditRow(prevHash: string, row: AuditRowContent, seal?: AuditSeal | null): string {
  const fields: (string | number)[] = [
    row.id,
    row.at,
    row.actorId ?? '',
    row.actorName,
    row.operation,
    row.entityType,
    row.entityId ?? '',
    row.before ?? '',
    row.after ?? '',
  ];
  if (seal && row.id >= seal.keyedFrom) {
    fields.push(row.stateDigest ?? '');
    return createHmac('sha256', keyOf(seal)).update(prevHash).update('\u001e').update(fields.join('\u001f')).digest('hex');
  }
  return createHash('sha256').update(prevHash).update('\u001e').update(fields.join('\u001f')).digest('hex');
}

/** What appendAudit needs of the core: the clock and the chain's key. */
export interface AuditWriter {
  clock: Clock;
  auditSeal?: AuditSeal | null;
  /** the connection of `tx`: with it the row is written with plain cached statements (every write pays for this) */
  sqlite?: Database.Database;
}

/**
 * Appends one audit row, chained to the previous one, with the digests of the state it wrote. Must be called
 * inside the write transaction of the change it records (docs/ARCHITECTURE.md, rule 4); the write lock makes "read
 * last hash, insert next" atomic.
 */
export function appendAudit(tx: Tx, writer: AuditWriter, entry: AuditEntryInput, digests: readonly StateDigest[] = []): number {
  const raw = writer.sqlite;
  const last = raw
    ? (raw.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined)
    : tx.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
  const id = (last?.id ?? 0) + 1;
  const seal = writer.auditSeal;
  digests = [...new Map(digests.map((d) => [`${d.kind}\u001f${d.id}`, d])).values()];
  const keyed = Boolean(seal && id >= seal.keyedFrom);
  const row: AuditRowContent = {
    id,
    at: isoShanghai(writer.clock.now()),
    actorId: entry.actorId,
    actorName: entry.actorName,
    operation: entry.operation,
    entityType: entry.entityType,
    entityId: entry.entityId === null ? null : String(entry.entityId),
    before: entry.before === undefined || entry.before === null ? null : canonicalJson(entry.before),
    after: entry.after === undefined || entry.after === null ? null : canonicalJson(entry.after),
    stateDigest: keyed ? digestListHash(digests) : null,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  if (raw) {
    const hash = hashAuditRow(prevHash, row, seal);
    raw
      .prepare(
        `INSERT INTO audit_log (id, at, actor_id, actor_name, operation, entity_type, entity_id, before, after, prev_hash, hash, state_digest)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        row.id,
        row.at,
        row.actorId,
        row.actorName,
        row.operation,
        row.entityType,
        row.entityId,
        row.before,
        row.after,
        prevHash,
        hash,
        row.stateDigest,
      );
    if (keyed) {
      const insert = raw.prepare(
        'INSERT INTO audit_digests (audit_id, kind, subject_id, digest, fields) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      );
      for (const d of digests) insert.run(id, d.kind, d.id, d.digest, d.fields);
    }
    return row.id;
  }
  tx.insert(auditLog)
    .values({ ...row, prevHash, hash: hashAuditRow(prevHash, row, seal) })
    .run();
  if (keyed) {
    for (const d of digests)
      tx.insert(auditDigests)
        .values({ auditId: id, kind: d.kind, subjectId: d.id, digest: d.digest, fields: d.fields })
        .onConflictDoNothing()
        .run();
  }
  return row.id;
}
