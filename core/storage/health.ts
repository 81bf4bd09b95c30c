import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../context';

export interface StoreHealth {
  ok: boolean;
  /** why the store cannot take writes, in Chinese (absent when ok) */
  reason?: string;
  /** 'readonly' | 'full' | 'corrupt' | 'unavailable' */
  problem?: 'readonly' | 'full' | 'corrupt' | 'unavailable';
  freeBytes?: number;
}

/** Below this much free space the desk reports itself unhealthy: a filing with documents needs a few MB. */
export const MIN_FREE_BYTES = 64 * 1024 * 1024;

/**
 * Whether the store can serve and take writes, cheaply (for the health route, polled often): the file and its
 * directory writable, free space on the disk, and the schema and the audit head readable (a corrupt or
 * truncated file fails here). Never takes the write lock, so it answers while another process writes.
 */
export function storeHealth(core: Core): StoreHealth {
  try {
    core.sqlite.prepare('SELECT count(*) AS n FROM sqlite_master').get();
    core.sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get();
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (/CORRUPT|NOTADB/.test(code))
      return { ok: false, problem: 'corrupt', reason: '数据库文件已损坏，请停止使用并从备份恢复（court restore）' };
    return { ok: false, problem: 'unavailable', reason: `数据库无法读取：${err instanceof Error ? err.message : String(err)}` };
  }
  if (!core.dataDir) return { ok: true };
  const file = core.sqlite.name;
  if (core.sqlite.readonly) return { ok: false, problem: 'readonly', reason: '数据库以只读方式打开，无法登记和保存' };
  try {
    fs.accessSync(file, fs.constants.W_OK);
    fs.accessSync(path.dirname(file), fs.constants.W_OK);
  } catch {
    return {
      ok: false,
      problem: 'readonly',
      reason: `数据库文件或数据目录不可写（${path.dirname(file)}），无法登记和保存：请检查权限或磁盘是否只读`,
    };
  }
  try {
    const st = fs.statfsSync(path.dirname(file));
    const freeBytes = st.bavail * st.bsize;
    if (freeBytes < MIN_FREE_BYTES) {
      return {
        ok: false,
        problem: 'full',
        freeBytes,
        reason: `数据目录所在磁盘剩余空间不足（${Math.round(freeBytes / 1024 / 1024)} MB），请清理磁盘或迁移数据目录`,
      };
    }
    return { ok: true, freeBytes };
  } catch {
    return { ok: true };
  }
}

/** The store's part of the host's health answer; sets 503 when the store cannot take writes. */
export function healthOf(h: StoreHealth, reply: { code(status: number): unknown }): { ok: boolean; reason?: string; problem?: string } {
  if (!h.ok) reply.code(503);
  return h.ok ? { ok: true } : { ok: false, ...(h.reason ? { reason: h.reason } : {}), ...(h.problem ? { problem: h.problem } : {}) };
}
