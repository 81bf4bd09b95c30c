import { desc, eq } from 'drizzle-orm';
import fs from 'node:fs';
import path from 'node:path';
import { backupPolicy, backupRuns } from '../../db/schema';
import { audit, writeTransaction } from '../audit/transaction';
import type { CallContext, Core } from '../context';
import { isoShanghai } from '../time/clock';
import { BACKUP_EXTENSION, checkBackup, takeBackup, type BackupProgress } from './backupFile';

export interface BackupPolicy {
  folder: string;
  everyHours: number;
  keep: number;
  enabled: boolean;
}

/** The default: daily, keep 14, into `backups` inside the data directory (choose a USB disk or share instead). */
export function defaultPolicy(core: Core): BackupPolicy {
  return { folder: path.join(core.dataDir || '.', 'backups'), everyHours: 24, keep: 14, enabled: true };
}

export function readPolicy(core: Core): BackupPolicy & { chosen: boolean } {
  const row = core.db.select().from(backupPolicy).where(eq(backupPolicy.id, 1)).get();
  if (!row) return { ...defaultPolicy(core), chosen: false };
  return { folder: row.folder, everyHours: row.everyHours, keep: row.keep, enabled: row.enabled, chosen: true };
}

export function savePolicy(ctx: CallContext, policy: BackupPolicy): void {
  const core = ctx.core;
  writeTransaction(core, (tx) => {
    const before = tx.select().from(backupPolicy).where(eq(backupPolicy.id, 1)).get() ?? null;
    const row = { id: 1, ...policy, updatedAt: isoShanghai(core.clock.now()), updatedBy: ctx.actor?.userId ?? null };
    tx.insert(backupPolicy).values(row).onConflictDoUpdate({ target: backupPolicy.id, set: row }).run();
    audit(tx, ctx, { operation: 'backup.setPolicy', entityType: 'backup_policy', entityId: 1, before, after: policy });
  });
}

export interface BackupJob {
  runId: number;
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  file: string | null;
  message: string | null;
}

/** Backups in progress or finished in this process, by run id; one at a time per store. */
const jobs = new Map<number, BackupJob>();
const running = new WeakMap<Core, number>();

export function backupJob(runId: number): BackupJob | undefined {
  return jobs.get(runId);
}

function fileNameAt(now: Date): string {
  // local time of the court (+08:00) in the name, so admins find "yesterday's" backup
  const t = isoShanghai(now).slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  return `court-${t}${BACKUP_EXTENSION}`;
}

/** Keeps the newest `keep` backups of the folder (by name, which sorts by time); removes older ones. */
export function pruneBackups(folder: string, keep: number): string[] {
  let names: string[];
  try {
    names = fs
      .readdirSync(folder)
      .filter((n) => /^court-\d{8}-\d{6}\.courtbak$/.test(n))
      .sort();
  } catch {
    return [];
  }
  const remove = names.slice(0, Math.max(0, names.length - keep));
  for (const n of remove) fs.rmSync(path.join(folder, n), { force: true });
  return remove;
}

/**
 * Starts a backup of the core's store into the policy folder, in the background: returns the run id at once;
 * the copy proceeds in steps (core/backup/backupFile.ts), then the copy's manifest is checked, the run is
 * recorded, and older backups beyond `keep` are removed.
 */
export function startBackup(
  core: Core,
  trigger: 'schedule' | 'manual' | 'cli',
  folder?: string,
): { runId: number; promise: Promise<BackupJob> } {
  const already = running.get(core);
  if (already !== undefined) {
    const job = jobs.get(already)!;
    return { runId: already, promise: Promise.resolve(job) };
  }
  const policy = readPolicy(core);
  const target = folder ?? policy.folder;
  const startedAt = isoShanghai(core.clock.now());
  const run = core.db.insert(backupRuns).values({ trigger, startedAt }).returning({ id: backupRuns.id }).get();
  const job: BackupJob = { runId: run.id, state: 'running', done: 0, total: 0, file: null, message: null };
  jobs.set(run.id, job);
  running.set(core, run.id);
  const promise = (async () => {
    try {
      const out = path.join(target, fileNameAt(core.clock.now()));
      const result = await takeBackup(core.sqlite, {
        out,
        dataDir: core.dataDir,
        now: () => core.clock.now(),
        onProgress: (p: BackupProgress) => {
          job.done = p.done;
          job.total = p.total;
        },
      });
      const check = checkBackup(result.file, { light: true });
      job.file = result.file;
      job.state = check.ok ? 'done' : 'failed';
      job.message = check.ok
        ? `已备份 ${Object.values(result.manifest.counts).reduce((a, b) => a + b, 0)} 行，审计记录 ${result.manifest.auditHead.count} 条`
        : check.problems.join('；');
      core.db
        .update(backupRuns)
        .set({ finishedAt: isoShanghai(core.clock.now()), file: result.file, bytes: result.bytes, ok: check.ok, message: job.message })
        .where(eq(backupRuns.id, run.id))
        .run();
      if (check.ok) pruneBackups(target, policy.keep);
    } catch (err) {
      job.state = 'failed';
      job.message = `备份失败：${err instanceof Error ? err.message : String(err)}`;
      core.db
        .update(backupRuns)
        .set({ finishedAt: isoShanghai(core.clock.now()), ok: false, message: job.message })
        .where(eq(backupRuns.id, run.id))
        .run();
    } finally {
      running.delete(core);
    }
    return job;
  })();
  return { runId: run.id, promise };
}

export interface BackupRunView {
  id: number;
  trigger: string;
  startedAt: string;
  finishedAt: string | null;
  file: string | null;
  bytes: number | null;
  ok: boolean | null;
  message: string | null;
  /** the file is still in the folder */
  present: boolean;
}

export interface BackupStatus {
  policy: BackupPolicy & { chosen: boolean };
  lastRun: BackupRunView | null;
  lastGood: BackupRunView | null;
  /** no good backup, or the last good one is older than the policy's interval (plus an hour's grace) */
  overdue: boolean;
  warning: string | null;
  runs: BackupRunView[];
  runningId: number | null;
}

export function backupStatus(core: Core, limit = 30): BackupStatus {
  const policy = readPolicy(core);
  const rows = core.db.select().from(backupRuns).orderBy(desc(backupRuns.id)).limit(limit).all();
  const view = (r: (typeof rows)[number]): BackupRunView => ({ ...r, present: Boolean(r.file && fs.existsSync(r.file)) });
  const runs = rows.map(view);
  const goodRow = core.db.select().from(backupRuns).where(eq(backupRuns.ok, true)).orderBy(desc(backupRuns.id)).limit(1).get();
  const lastGood = goodRow ? view(goodRow) : null;
  const now = core.clock.now().getTime();
  const ageHours = lastGood?.finishedAt ? (now - Date.parse(lastGood.finishedAt)) / 3_600_000 : Number.POSITIVE_INFINITY;
  const overdue = policy.enabled && ageHours > policy.everyHours + 1;
  const warning = !policy.enabled
    ? '定时备份已关闭'
    : !lastGood
      ? '尚无成功的备份，请立即备份并选择备份文件夹（如移动硬盘或网络共享）'
      : overdue
        ? `最近一次成功的备份已是 ${Math.floor(ageHours)} 小时前，超过备份间隔 ${policy.everyHours} 小时`
        : null;
  return { policy, lastRun: runs[0] ?? null, lastGood, overdue, warning, runs, runningId: running.get(core) ?? null };
}

/**
 * The schedule, for the host and the desktop app: checks every `checkMs` whether the last good backup is
 * older than the interval (the first check a minute after start), and then takes one. Returns a stop function.
 */
export function startBackupSchedule(core: Core, opts: { checkMs?: number; onResult?: (job: BackupJob) => void } = {}): () => void {
  const tick = () => {
    try {
      const status = backupStatus(core, 1);
      if (!status.policy.enabled || status.runningId !== null) return;
      const due =
        !status.lastGood?.finishedAt ||
        core.clock.now().getTime() - Date.parse(status.lastGood.finishedAt) >= status.policy.everyHours * 3_600_000;
      // after a failure, retry at most hourly
      const lastTry = status.lastRun?.startedAt
        ? core.clock.now().getTime() - Date.parse(status.lastRun.startedAt)
        : Number.POSITIVE_INFINITY;
      if (due && lastTry >= 3_600_000) void startBackup(core, 'schedule').promise.then((job) => opts.onResult?.(job));
    } catch {
      // a closed store or a missing table: nothing to schedule
    }
  };
  const timer = setInterval(tick, opts.checkMs ?? 60_000);
  timer.unref?.();
  return () => clearInterval(timer);
}
