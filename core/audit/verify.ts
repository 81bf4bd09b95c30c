import type Database from 'better-sqlite3';
import { GENESIS_HASH, hashAuditRow, type AuditRowContent } from './log';

export interface VerifyReport {
  ok: boolean;
  integrity: string;
  foreignKeyViolations: number;
  auditRows: number;
  /** the first audit row whose chain is broken, if any */
  firstBroken?: { id: number; reason: string };
  problems: string[];
}

interface RawAuditRow {
  id: number;
  at: string;
  actor_id: number | null;
  actor_name: string;
  operation: string;
  entity_type: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

/**
 * Checks a court database: SQLite's own integrity check, foreign keys, and the audit hash chain.
 * Streams the audit rows so that millions of rows need constant memory. Names the first broken row.
 */
export function verifyDatabase(sqlite: Database.Database): VerifyReport {
  const problems: string[] = [];
  const integrityRows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  const integrity = integrityRows.map((r) => r.integrity_check).join('; ');
  if (integrity !== 'ok') problems.push(`SQLite 完整性检查未通过：${integrity}`);

  const fkRows = sqlite.pragma('foreign_key_check') as unknown[];
  if (fkRows.length > 0) problems.push(`发现 ${fkRows.length} 处外键引用失效`);

  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let count = 0;
  let firstBroken: VerifyReport['firstBroken'];
  const stmt = sqlite.prepare('SELECT * FROM audit_log ORDER BY id');
  for (const raw of stmt.iterate() as IterableIterator<RawAuditRow>) {
    count++;
    if (firstBroken) continue;
    const row: AuditRowContent = {
      id: raw.id,
      at: raw.at,
      actorId: raw.actor_id,
      actorName: raw.actor_name,
      operation: raw.operation,
      entityType: raw.entity_type,
      entityId: raw.entity_id,
      before: raw.before,
      after: raw.after,
    };
    if (raw.id !== expectedId) {
      firstBroken = { id: raw.id, reason: `审计记录编号不连续：缺少第 ${expectedId} 条（已被删除）` };
    } else if (raw.prev_hash !== prevHash) {
      firstBroken = { id: raw.id, reason: `第 ${raw.id} 条审计记录与上一条的链接不符（上一条被改动或删除）` };
    } else if (hashAuditRow(prevHash, row) !== raw.hash) {
      firstBroken = { id: raw.id, reason: `第 ${raw.id} 条审计记录的内容被改动（哈希不符）` };
    }
    prevHash = raw.hash;
    expectedId = raw.id + 1;
  }
  if (firstBroken) problems.push(firstBroken.reason);
  return {
    ok: problems.length === 0,
    integrity,
    foreignKeyViolations: fkRows.length,
    auditRows: count,
    ...(firstBroken ? { firstBroken } : {}),
    problems,
  };
}
