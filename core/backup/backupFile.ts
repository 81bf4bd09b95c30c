import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { withNativeBinding } from '../../db/nativeBinding';
import { HEAD_FILE, KEY_FILE, keyPath, readSeal, writePrivateFile, type AuditHead, type AuditSeal } from '../audit/seal';
import { openForVerify, verifyDatabase, type VerifyProgress, type VerifyReport } from '../audit/verify';
import { APP_VERSION } from '../version';

/**
 * A backup is one file: a consistent copy of court.sqlite taken with SQLite's online backup API while the
 * desk runs, plus two tables added to the copy — `_backup_manifest` (time, counts per table, audit head, app
 * and schema version) and `_backup_files` (the audit key and head files, so the restored chain verifies).
 * The key in the backup is what makes the chain checkable: keep backups as safe as the data directory.
 */
export const BACKUP_FORMAT = 'court-backup/1';
export const BACKUP_EXTENSION = '.courtbak';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  appVersion: string;
  /** migrations applied to the copied store and the last one's hash */
  schema: { migrations: number; lastHash: string | null };
  counts: Record<string, number>;
  auditHead: AuditHead;
  keyIncluded: boolean;
}

export interface BackupProgress {
  /** pages copied so far and in all (SQLite pages of 4 KiB) */
  done: number;
  total: number;
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: BackupManifest;
  ms: number;
}

/** Pages copied per step: small steps keep the event loop free (a step runs synchronously). */
const PAGES_PER_STEP = 512;

function tableCounts(db: Database.Database): Record<string, number> {
  const names = (
    db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_backup\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name`,
      )
      .all() as {
      name: string;
    }[]
  ).map((r) => r.name);
  const counts: Record<string, number> = {};
  for (const n of names) counts[n] = (db.prepare(`SELECT count(*) AS n FROM "${n.replace(/"/g, '""')}"`).get() as { n: number }).n;
  return counts;
}

function schemaVersion(db: Database.Database): BackupManifest['schema'] {
  try {
    const rows = db.prepare('SELECT hash FROM __drizzle_migrations ORDER BY id').all() as { hash: string }[];
    return { migrations: rows.length, lastHash: rows.at(-1)?.hash ?? null };
  } catch {
    return { migrations: 0, lastHash: null };
  }
}

function auditHeadOf(db: Database.Database): AuditHead {
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined;
  return { count: last?.id ?? 0, hash: last?.hash ?? '' };
}

/**
 * Copies a live store into `out`. The copy runs in steps of PAGES_PER_STEP pages, yielding to the event loop
 * between steps. Writes made meanwhile through the same connection are carried into the copy by SQLite; a
 * write by another process restarts the copy, so after a restart the rest is copied in one step (a read
 * snapshot in WAL mode: writers are not blocked).
 */
export async function takeBackup(
  source: Database.Database,
  opts: { out: string; dataDir: string; now: () => Date; onProgress?: (p: BackupProgress) => void; pagesPerStep?: number },
): Promise<BackupResult> {
  const started = Date.now();
  const out = path.resolve(opts.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  fs.rmSync(partial, { force: true });
  let lastRemaining = Number.POSITIVE_INFINITY;
  let oneStep = false;
  await source.backup(partial, {
    progress: ({ totalPages, remainingPages }) => {
      if (remainingPages > lastRemaining) oneStep = true;
      lastRemaining = remainingPages;
      opts.onProgress?.({ done: totalPages - remainingPages, total: totalPages });
      return oneStep ? Math.max(totalPages, 1) : (opts.pagesPerStep ?? PAGES_PER_STEP);
    },
  });
  fs.chmodSync(partial, 0o600);
  const copy = new Database(partial, withNativeBinding());
  let manifest: BackupManifest;
  try {
    copy.pragma('journal_mode = DELETE');
    const keyText = fs.existsSync(keyPath(opts.dataDir)) ? fs.readFileSync(keyPath(opts.dataDir), 'utf8') : null;
    manifest = {
      format: BACKUP_FORMAT,
      createdAt: opts.now().toISOString(),
      appVersion: APP_VERSION,
      schema: schemaVersion(copy),
      counts: tableCounts(copy),
      auditHead: auditHeadOf(copy),
      keyIncluded: keyText !== null,
    };
    copy.exec(
      'CREATE TABLE _backup_manifest (json TEXT NOT NULL); CREATE TABLE _backup_files (name TEXT PRIMARY KEY, content TEXT NOT NULL);',
    );
    copy.prepare('INSERT INTO _backup_manifest (json) VALUES (?)').run(JSON.stringify(manifest));
    if (keyText) copy.prepare('INSERT INTO _backup_files (name, content) VALUES (?, ?)').run(KEY_FILE, keyText);
    copy.prepare('INSERT INTO _backup_files (name, content) VALUES (?, ?)').run(HEAD_FILE, `${JSON.stringify(manifest.auditHead)}\n`);
  } finally {
    copy.close();
  }
  fs.renameSync(partial, out);
  opts.onProgress?.({ done: lastRemaining === Number.POSITIVE_INFINITY ? 0 : 1, total: 1 });
  return { file: out, bytes: fs.statSync(out).size, manifest, ms: Date.now() - started };
}

export interface BackupCheck {
  ok: boolean;
  manifest: BackupManifest | null;
  problems: string[];
  /** the full verification of the copy (chain, digests, integrity), when asked for */
  report?: VerifyReport;
}

function readBackupParts(db: Database.Database): { manifest: BackupManifest | null; files: Map<string, string> } {
  try {
    const m = db.prepare('SELECT json FROM _backup_manifest').get() as { json: string } | undefined;
    const files = new Map(
      (db.prepare('SELECT name, content FROM _backup_files').all() as { name: string; content: string }[]).map((f) => [f.name, f.content]),
    );
    return { manifest: m ? (JSON.parse(m.json) as BackupManifest) : null, files };
  } catch {
    return { manifest: null, files: new Map() };
  }
}

function sealFromText(text: string | undefined): AuditSeal | null {
  if (!text) return null;
  const parsed = JSON.parse(text) as { key: string; keyedFrom: number };
  return { key: Buffer.from(parsed.key, 'base64'), keyedFrom: parsed.keyedFrom };
}

/**
 * Checks a backup file read-only: the manifest against the copy (counts per table, audit head), and — unless
 * `light` — the full verification of the copy with the key it carries (integrity, chain, record digests).
 */
export function checkBackup(file: string, opts: { light?: boolean; onProgress?: (p: VerifyProgress) => void } = {}): BackupCheck {
  const problems: string[] = [];
  if (!fs.existsSync(file)) return { ok: false, manifest: null, problems: [`备份文件不存在：${file}`] };
  let db: Database.Database;
  try {
    db = new Database(file, withNativeBinding({ readonly: true, fileMustExist: true }));
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    return { ok: false, manifest: null, problems: [`不是诉服台的备份文件（无法作为数据库打开）：${file}`] };
  }
  try {
    const { manifest, files } = readBackupParts(db);
    if (!manifest || manifest.format !== BACKUP_FORMAT)
      return { ok: false, manifest: null, problems: ['备份文件缺少备份清单，不是用 court backup 制作的备份'] };
    const counts = tableCounts(db);
    for (const [table, n] of Object.entries(manifest.counts)) {
      if (counts[table] !== n) problems.push(`备份中的 ${table} 表有 ${counts[table] ?? 0} 行，与清单所记的 ${n} 行不符`);
    }
    const head = auditHeadOf(db);
    if (head.count !== manifest.auditHead.count || head.hash !== manifest.auditHead.hash) problems.push('备份中的审计链头与清单不符');
    if (!manifest.keyIncluded) problems.push('备份中没有审计密钥文件：恢复后带密钥的审计记录无法核对');
    let report: VerifyReport | undefined;
    if (!opts.light) {
      report = verifyDatabase(db, {
        seal: sealFromText(files.get(KEY_FILE)),
        head: manifest.auditHead,
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      });
      problems.push(...report.problems);
    }
    return { ok: problems.length === 0, manifest, problems, ...(report ? { report } : {}) };
  } finally {
    db.close();
  }
}

export interface RestoreResult {
  dataDir: string;
  manifest: BackupManifest;
  /** where the replaced store was moved, if there was one */
  replacedTo: string | null;
  report: VerifyReport;
}

export class RestoreRefused extends Error {}

const STORE_FILES = ['court.sqlite', 'court.sqlite-wal', 'court.sqlite-shm', KEY_FILE, HEAD_FILE, 'audit.verified'];

/**
 * Restores a backup into a data directory: verifies the backup first; refuses to replace an existing store
 * unless `force`, and then moves the replaced store aside (a folder `replaced-<time>` in the data directory);
 * writes the key and head files from the backup; verifies the restored store. The host must be stopped.
 */
export function restoreBackup(from: string, dataDir: string, opts: { force?: boolean; now: () => Date }): RestoreResult {
  const check = checkBackup(from);
  if (!check.ok || !check.manifest) throw new RestoreRefused(`备份未通过校验，未恢复：${check.problems.join('；')}`);
  const target = path.join(dataDir, 'court.sqlite');
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  let replacedTo: string | null = null;
  if (fs.existsSync(target)) {
    if (!opts.force)
      throw new RestoreRefused(
        `数据目录中已有数据库：${target}。确需用备份替换时加 --force（原数据库将移到数据目录下的 replaced-时间 文件夹保留）`,
      );
    replacedTo = path.join(dataDir, `replaced-${opts.now().toISOString().replace(/[:.]/g, '-')}`);
    fs.mkdirSync(replacedTo, { mode: 0o700 });
    for (const f of STORE_FILES) if (fs.existsSync(path.join(dataDir, f))) fs.renameSync(path.join(dataDir, f), path.join(replacedTo, f));
  } else {
    for (const f of STORE_FILES) fs.rmSync(path.join(dataDir, f), { force: true });
  }
  const restoring = `${target}.restoring`;
  fs.copyFileSync(from, restoring);
  fs.chmodSync(restoring, 0o600);
  const db = new Database(restoring, withNativeBinding());
  let files: Map<string, string>;
  try {
    files = readBackupParts(db).files;
    db.exec('DROP TABLE _backup_manifest; DROP TABLE _backup_files;');
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  for (const [name, content] of files) writePrivateFile(path.join(dataDir, name), content);
  fs.renameSync(restoring, target);
  const opened = openForVerify(dataDir);
  let report: VerifyReport;
  try {
    report = verifyDatabase(opened.sqlite, { seal: opened.seal, head: opened.head });
  } finally {
    opened.close();
  }
  if (!readSeal(dataDir)) report.notes.push('恢复的数据库没有审计密钥；下次启动时将生成新密钥并从那里封存审计链');
  return { dataDir, manifest: check.manifest, replacedTo, report };
}
