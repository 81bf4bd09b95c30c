import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { withNativeBinding } from '../../db/nativeBinding';
import { GENESIS_HASH, hashAuditRow, type AuditRowContent } from './log';
import { readHead, readSeal, readVerified, type AuditHead, type AuditSeal } from './seal';
import { changedFields, DIGEST_KINDS, digestListHash, stateDigest, currentRow, type DigestKindKey, type StateDigest } from './stateDigest';

export interface TamperedRecord {
  kind: string;
  id: string;
  /** the record as people name it: 案件（2026）浙0522民初12号, 用户 clerk1 … */
  name: string;
  /** the Chinese field labels that changed (empty when the record is gone) */
  fields: string[];
  /** the audit row whose digest no longer matches */
  auditId: number;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  /** 'full' (integrity check, whole chain, every record) or 'quick' (from the last verified row) */
  mode: 'full' | 'quick';
  integrity: string;
  foreignKeyViolations: number;
  auditRows: number;
  /** rows checked with the key (HMAC) */
  keyedRows: number;
  /** audited records whose current content was compared with their last digest */
  recordsChecked: number;
  /** the first audit row whose chain is broken, if any */
  firstBroken?: { id: number; reason: string };
  tampered: TamperedRecord[];
  problems: string[];
  /** observations that are not failures (a quick check's starting row, a key created late …) */
  notes: string[];
}

export interface VerifyProgress {
  phase: 'integrity' | 'chain' | 'records';
  done: number;
  total: number;
}

export interface VerifyOptions {
  seal?: AuditSeal | null;
  head?: AuditHead | null;
  /** quick: chain and digests from this verified row on; no integrity_check */
  quickFrom?: AuditHead | null;
  quick?: boolean;
  onProgress?: (p: VerifyProgress) => void;
  /** notes of the opener (a missing WAL file …), prepended to the report */
  notes?: string[];
  /** problems found before opening (a missing WAL …) */
  problems?: string[];
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
  state_digest: string | null;
}

/** The seal and data directory of each store opened by createCore, so verifyDatabase(sqlite) finds them. */
const stores = new WeakMap<Database.Database, { seal: AuditSeal | null | undefined; dataDir: string }>();
export function registerStore(sqlite: Database.Database, info: { seal: AuditSeal | null | undefined; dataDir: string }): void {
  stores.set(sqlite, info);
}

const MAX_LISTED = 50;
const PROGRESS_EVERY = 50_000;

function hasTable(sqlite: Database.Database, name: string): boolean {
  return Boolean(sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name));
}

function hasColumn(sqlite: Database.Database, table: string, column: string): boolean {
  return (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).some((c) => c.name === column);
}

/**
 * Checks a court database: SQLite's own integrity check, foreign keys, the audit chain (HMAC with the key
 * outside the database from the keyed row on, plain SHA-256 before), the chain head kept outside the database
 * (deleted last rows, a rebuilt chain), and every audited record's current content against the digest its
 * last audit row recorded (an edit made directly in SQLite). Streams rows: constant memory at millions of rows.
 */
export function verifyDatabase(sqlite: Database.Database, options?: VerifyOptions): VerifyReport {
  // one read snapshot for every check (a host may be writing meanwhile); the head file was read before it
  const registered = stores.get(sqlite);
  const resolved: VerifyOptions = {
    ...options,
    seal: options && 'seal' in options ? (options.seal ?? null) : (registered?.seal ?? null),
    head: options && 'head' in options ? (options.head ?? null) : registered?.dataDir ? readHead(registered.dataDir) : null,
  };
  const own = !sqlite.inTransaction;
  if (own) sqlite.exec('BEGIN');
  try {
    return verifyInSnapshot(sqlite, resolved, Boolean(registered?.dataDir));
  } finally {
    if (own) sqlite.exec('COMMIT');
  }
}

function verifyInSnapshot(sqlite: Database.Database, options: VerifyOptions, onDisk: boolean): VerifyReport {
  const seal = options.seal ?? null;
  const head = options.head ?? null;
  const quick = options?.quick ?? false;
  const progress = options?.onProgress;
  const problems: string[] = [...(options?.problems ?? [])];
  const notes: string[] = [...(options?.notes ?? [])];
  const tampered: TamperedRecord[] = [];

  let integrity: string;
  let fkCount = 0;
  if (!quick) {
    progress?.({ phase: 'integrity', done: 0, total: 1 });
    const integrityRows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
    integrity = integrityRows.map((r) => r.integrity_check).join('; ');
    if (integrity !== 'ok') problems.push(`SQLite 完整性检查未通过：${integrity}`);
    const fkRows = sqlite.pragma('foreign_key_check') as unknown[];
    fkCount = fkRows.length;
    if (fkCount > 0) problems.push(`发现 ${fkCount} 处外键引用失效`);
    progress?.({ phase: 'integrity', done: 1, total: 1 });
  } else {
    integrity = '（快速检查：未运行）';
  }

  const digestsReady = hasTable(sqlite, 'audit_digests') && hasColumn(sqlite, 'audit_log', 'state_digest');
  const totalRows = (sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  const lastRow = sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string } | undefined;

  // Where the chain check starts: row 1, or (quick) the row verified last time if it is still as it was.
  let startId = 1;
  let prevHash = GENESIS_HASH;
  if (quick && options?.quickFrom && options.quickFrom.count > 0) {
    const from = sqlite.prepare('SELECT hash FROM audit_log WHERE id = ?').get(options.quickFrom.count) as { hash: string } | undefined;
    if (from && from.hash === options.quickFrom.hash) {
      startId = options.quickFrom.count + 1;
      prevHash = from.hash;
      notes.push(`快速检查：从第 ${startId} 条审计记录起（此前的记录已于上次检查通过）`);
    } else {
      problems.push(`上次检查通过的第 ${options.quickFrom.count} 条审计记录已不在或已被改动`);
    }
  }

  const selectCols = `id, at, actor_id, actor_name, operation, entity_type, entity_id, before, after, prev_hash, hash${digestsReady ? ', state_digest' : ', NULL AS state_digest'}`;
  const rowsStmt = sqlite.prepare(`SELECT ${selectCols} FROM audit_log WHERE id >= ? ORDER BY id`);
  const digestsOf = digestsReady
    ? sqlite.prepare('SELECT kind, subject_id AS id, digest, fields FROM audit_digests WHERE audit_id = ?')
    : null;

  let expectedId = startId;
  let count = startId - 1;
  let keyedRows = 0;
  let digestRowsSeen = 0;
  let firstBroken: VerifyReport['firstBroken'];
  let missingKeyReported = false;
  for (const raw of rowsStmt.iterate(startId) as IterableIterator<RawAuditRow>) {
    count++;
    if (progress && count % PROGRESS_EVERY === 0) progress({ phase: 'chain', done: count, total: totalRows });
    if (firstBroken) continue;
    const keyed = seal ? raw.id >= seal.keyedFrom : raw.state_digest !== null;
    if (keyed && !seal) {
      if (!missingKeyReported)
        problems.push(`缺少审计密钥文件（audit.key）：第 ${raw.id} 条起的审计记录带密钥，无法核对；请从备份中恢复密钥文件`);
      missingKeyReported = true;
      firstBroken = { id: raw.id, reason: '缺少审计密钥，无法核对' };
      continue;
    }
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
      stateDigest: raw.state_digest,
    };
    let digestProblem: string | undefined;
    if (keyed) {
      keyedRows++;
      const digests = (digestsOf!.all(raw.id) as StateDigest[]).map((d) => ({ ...d, id: String(d.id) }));
      digestRowsSeen += digests.length;
      if (raw.state_digest !== digestListHash(digests)) digestProblem = `第 ${raw.id} 条审计记录所记的数据摘要被改动、删除或增补`;
    }
    if (raw.id !== expectedId) {
      firstBroken = { id: raw.id, reason: `审计记录编号不连续：缺少第 ${expectedId} 条（已被删除）` };
    } else if (raw.prev_hash !== prevHash) {
      firstBroken = { id: raw.id, reason: `第 ${raw.id} 条审计记录与上一条的链接不符（上一条被改动或删除）` };
    } else if (hashAuditRow(prevHash, row, seal) !== raw.hash) {
      firstBroken = {
        id: raw.id,
        reason: keyed
          ? `第 ${raw.id} 条审计记录的内容被改动（密钥校验不符：记录被改动，或审计链在没有密钥的情况下被重新计算）`
          : `第 ${raw.id} 条审计记录的内容被改动（哈希不符）`,
      };
    } else if (digestProblem) {
      firstBroken = { id: raw.id, reason: digestProblem };
    }
    prevHash = raw.hash;
    expectedId = raw.id + 1;
  }
  if (firstBroken && !missingKeyReported) problems.push(firstBroken.reason);
  progress?.({ phase: 'chain', done: count, total: totalRows });

  // The chain head kept outside the database: rows deleted from the end, or a chain rebuilt.
  if (head && head.count > 0) {
    const lastId = lastRow?.id ?? 0;
    if (head.count > lastId) {
      problems.push(
        `审计记录比链头文件（audit.head）记录的少：第 ${lastId + 1} 至第 ${head.count} 条不在数据库中（被删除，或复制数据库时遗漏了 WAL 文件 court.sqlite-wal）`,
      );
    } else {
      const atHead = sqlite.prepare('SELECT hash FROM audit_log WHERE id = ?').get(head.count) as { hash: string } | undefined;
      if (atHead?.hash !== head.hash) problems.push(`第 ${head.count} 条审计记录与链头文件（audit.head）不符：审计链被改写或重建`);
    }
  } else if (seal && lastRow && lastRow.id >= seal.keyedFrom && !head && onDisk) {
    notes.push('数据目录中没有链头文件（audit.head），无法发现被删除的最后几条审计记录');
  }

  // Digest rows not covered by any audit row's keyed hash (forged or moved).
  let recordsChecked = 0;
  if (digestsReady && seal && !firstBroken) {
    const fromId = startId;
    const total = (sqlite.prepare('SELECT count(*) AS n FROM audit_digests WHERE audit_id >= ?').get(fromId) as { n: number }).n;
    if (total !== digestRowsSeen) problems.push(`数据摘要表中有 ${total - digestRowsSeen} 条不属于任何审计记录的摘要（被增补或改动）`);

    // Every audited record: its current content against the digest of its last audit row.
    const latest = quick
      ? sqlite.prepare(
          `SELECT d.kind, d.subject_id AS id, (SELECT max(audit_id) FROM audit_digests x WHERE x.kind = d.kind AND x.subject_id = d.subject_id) AS audit_id
             FROM (SELECT DISTINCT kind, subject_id FROM audit_digests WHERE audit_id >= ?) d`,
        )
      : sqlite.prepare(
          `SELECT kind, subject_id AS id, max(audit_id) AS audit_id FROM audit_digests WHERE audit_id >= ? GROUP BY kind, subject_id`,
        );
    const recorded = sqlite.prepare('SELECT digest, fields FROM audit_digests WHERE audit_id = ? AND kind = ? AND subject_id = ?');
    const subjects = quick
      ? total
      : (sqlite.prepare('SELECT count(*) AS n FROM (SELECT DISTINCT kind, subject_id FROM audit_digests)').get() as { n: number }).n;
    for (const s of latest.iterate(quick ? fromId : 0) as IterableIterator<{ kind: string; id: string; audit_id: number }>) {
      if (!(s.kind in DIGEST_KINDS)) continue;
      recordsChecked++;
      if (progress && recordsChecked % PROGRESS_EVERY === 0) progress({ phase: 'records', done: recordsChecked, total: subjects });
      const kind = s.kind as DigestKindKey;
      const subject = { kind, id: String(s.id) };
      const was = recorded.get(s.audit_id, s.kind, s.id) as { digest: string; fields: string };
      const now = stateDigest(sqlite, subject);
      if (now.digest === was.digest) continue;
      const row = currentRow(sqlite, subject);
      const name = DIGEST_KINDS[kind].name(row, subject.id);
      const fields = row ? changedFields(kind, was.fields, now.fields) : [];
      const message = row
        ? `${name}的${fields.length ? fields.join('、') : '内容'}与审计记录不符（第 ${s.audit_id} 条审计记录）`
        : `${name}已被删除，与审计记录不符（第 ${s.audit_id} 条审计记录）`;
      tampered.push({ kind, id: subject.id, name, fields, auditId: s.audit_id, message });
    }
    progress?.({ phase: 'records', done: recordsChecked, total: recordsChecked });
    for (const t of tampered.slice(0, MAX_LISTED)) problems.push(t.message);
    if (tampered.length > MAX_LISTED) problems.push(`另有 ${tampered.length - MAX_LISTED} 条记录与审计记录不符`);
  }

  return {
    ok: problems.length === 0,
    mode: quick ? 'quick' : 'full',
    integrity,
    foreignKeyViolations: fkCount,
    auditRows: count,
    keyedRows,
    recordsChecked,
    ...(firstBroken ? { firstBroken } : {}),
    tampered,
    problems,
    notes,
  };
}

export interface OpenedForVerify {
  sqlite: Database.Database;
  seal: AuditSeal | null;
  head: AuditHead | null;
  verified: AuditHead | null;
  notes: string[];
  problems: string[];
  close(): void;
}

/**
 * Opens a data directory's store read-only for verification: no migration, no checkpoint, nothing written
 * (a copy on a read-only medium can be checked). Reports a store left open (its shared-memory file present)
 * whose WAL file is missing: records written since the last checkpoint are then not in the copy.
 */
export function openForVerify(dataDir: string, file = path.join(dataDir, 'court.sqlite')): OpenedForVerify {
  const notes: string[] = [];
  const problems: string[] = [];
  const wal = fs.existsSync(`${file}-wal`);
  const shm = fs.existsSync(`${file}-shm`);
  if (!wal && shm) {
    problems.push(
      '数据库未正常关闭（有 court.sqlite-shm），但旁边缺少 WAL 文件 court.sqlite-wal：最近写入的记录可能不在这份数据库中。请连同 WAL 文件一起复制，或用 court backup 备份',
    );
  }
  const sqlite = new Database(file, withNativeBinding({ readonly: true, fileMustExist: true }));
  const seal = readSeal(dataDir);
  if (!seal) notes.push('数据目录中没有审计密钥文件（audit.key）');
  // SQLite may leave an empty WAL and shared-memory file behind a read-only open; they are never removed here,
  // since a host starting meanwhile would be using them.
  const close = () => sqlite.close();
  return { sqlite, seal, head: readHead(dataDir), verified: readVerified(dataDir), notes, problems, close };
}
