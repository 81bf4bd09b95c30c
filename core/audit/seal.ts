import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The audit chain's secrets and witnesses kept OUTSIDE the database, in the data directory:
 * - `audit.key`: the HMAC key of the chain (rows from `keyedFrom` on are HMAC-SHA-256, not plain SHA-256),
 *   so whoever edits the database cannot recompute the chain. Created with the store (or at the first start
 *   of an older store, which is then sealed from its last row on). Mode 0600.
 * - `audit.head`: the count and hash of the last committed audit row, rewritten after each write
 *   transaction, so deleting the last rows (or rebuilding the chain) is seen by `court verify`.
 */
export const KEY_FILE = 'audit.key';
export const HEAD_FILE = 'audit.head';
/** the last row checked by `court verify --quick`, so the next quick check starts after it */
export const VERIFIED_FILE = 'audit.verified';

export interface AuditSeal {
  key: Buffer;
  /** the first audit row id written with the key */
  keyedFrom: number;
}

export interface AuditHead {
  count: number;
  hash: string;
  at?: string;
}

const KEY_WARNING = '诉服台审计密钥：用于审计链的 HMAC 校验。请勿删除或外传；恢复备份时须与数据库一起恢复；丢失后已有记录无法再校验。';

export function keyPath(dataDir: string): string {
  return path.join(dataDir, KEY_FILE);
}

export function readSeal(dataDir: string): AuditSeal | null {
  let text: string;
  try {
    text = fs.readFileSync(keyPath(dataDir), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  const parsed = JSON.parse(text) as { key?: string; keyedFrom?: number };
  if (typeof parsed.key !== 'string' || !Number.isInteger(parsed.keyedFrom)) throw new Error(`审计密钥文件格式不正确：${keyPath(dataDir)}`);
  return { key: Buffer.from(parsed.key, 'base64'), keyedFrom: parsed.keyedFrom! };
}

export function sealToText(seal: AuditSeal): string {
  return `${JSON.stringify({ warning: KEY_WARNING, key: seal.key.toString('base64'), keyedFrom: seal.keyedFrom }, null, 2)}\n`;
}

/** Writes a file readable only by the service account (0600), atomically (temp file + rename). */
export function writePrivateFile(file: string, content: string | Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content, { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

/** Creates a new key whose first keyed row is `keyedFrom`; refuses to overwrite an existing key. */
export function createSeal(dataDir: string, keyedFrom: number): AuditSeal {
  const seal = { key: randomBytes(32), keyedFrom };
  fs.writeFileSync(keyPath(dataDir), sealToText(seal), { mode: 0o600, flag: 'wx' });
  return seal;
}

/** An in-memory key for in-memory stores (tests): every row is keyed. */
export function ephemeralSeal(): AuditSeal {
  return { key: randomBytes(32), keyedFrom: 1 };
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

export function readHead(dataDir: string): AuditHead | null {
  return readJson<AuditHead>(path.join(dataDir, HEAD_FILE));
}

export function writeHead(dataDir: string, head: AuditHead): void {
  writePrivateFile(path.join(dataDir, HEAD_FILE), `${JSON.stringify(head)}\n`);
}

/** The head record's fixed size: rewritten in place, a head never leaves a shorter record's tail behind. */
const HEAD_RECORD_BYTES = 256;

/**
 * The chain head file of a running store, kept open and rewritten in place after every commit. Writing a new
 * file and renaming it over the old one cost more than the rest of a filing (open, write, chmod, rename: ~8 ms of
 * a 20 ms filing on a busy machine, issue 9); one positioned write of a fixed-size record within a single disk
 * sector is as good as atomic, and readers (readHead) parse it the same way (JSON, then padding).
 */
export class HeadFile {
  private fd: number | null;
  constructor(dataDir: string) {
    this.fd = fs.openSync(path.join(dataDir, HEAD_FILE), fs.constants.O_RDWR | fs.constants.O_CREAT, 0o600);
  }
  write(head: AuditHead): void {
    if (this.fd === null) return;
    const record = Buffer.alloc(HEAD_RECORD_BYTES, 0x20);
    record.write(JSON.stringify(head));
    record[HEAD_RECORD_BYTES - 1] = 0x0a;
    fs.writeSync(this.fd, record, 0, HEAD_RECORD_BYTES, 0);
  }
  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }
}

export function readVerified(dataDir: string): AuditHead | null {
  return readJson<AuditHead>(path.join(dataDir, VERIFIED_FILE));
}

export function writeVerified(dataDir: string, head: AuditHead): void {
  writePrivateFile(path.join(dataDir, VERIFIED_FILE), `${JSON.stringify(head)}\n`);
}

/**
 * Data directory 0700 and its files 0600 (the directory holds ID numbers, password hashes and the audit key).
 * Applied at every start, so older stores created 0644 are tightened. Best effort on filesystems without modes.
 */
export function tightenDataDir(dataDir: string): void {
  try {
    fs.chmodSync(dataDir, 0o700);
    for (const name of fs.readdirSync(dataDir)) {
      const file = path.join(dataDir, name);
      const st = fs.lstatSync(file);
      if (st.isFile() && (st.mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    }
  } catch {
    // FAT/exFAT USB disks and network shares have no Unix modes
  }
}
