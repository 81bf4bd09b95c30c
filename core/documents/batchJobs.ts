import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { documents } from '../../db/schema';
import { ApiError, fieldError } from '../api/errors';
import type { CallContext, Core } from '../context';
import type { DocumentModel } from './model';
import { documentFonts, recordedModel } from './register';

/**
 * Batch printing: many recorded documents into one PDF, each from a new page with its own page numbers, as an
 * in-process job the UI polls for progress. Jobs live in memory (per core), belong to the user who started
 * them, and are dropped ten minutes after they finish.
 */

export type BatchState = 'running' | 'done' | 'failed';

export interface BatchJob {
  id: string;
  userId: number;
  total: number;
  done: number;
  state: BatchState;
  error?: string;
  /** core clock time the job finished (ms) */
  finishedAt?: number;
  result?: { pdf: Uint8Array; pages: number; documents: { id: number; firstPage: number; pages: number }[] };
  /** settles when the job ends (tests await it) */
  finished: Promise<void>;
}

export const BATCH_MAX = 1000;
export const BATCH_KEEP_MS = 10 * 60_000;

const jobsByCore = new WeakMap<Core, Map<string, BatchJob>>();

function jobsOf(core: Core): Map<string, BatchJob> {
  let jobs = jobsByCore.get(core);
  if (!jobs) {
    jobs = new Map();
    jobsByCore.set(core, jobs);
  }
  // drop the jobs that finished more than ten minutes ago
  const now = core.clock.now().getTime();
  for (const [id, j] of jobs) if (j.finishedAt !== undefined && now - j.finishedAt > BATCH_KEEP_MS) jobs.delete(id);
  return jobs;
}

/** Starts a batch of recorded documents (re-rendered as PDF, in the order given). */
export function startBatch(ctx: CallContext, ids: number[]): { jobId: string; total: number } {
  const core = ctx.core;
  const found = new Set(
    core.db
      .select({ id: documents.id })
      .from(documents)
      .where(inArray(documents.id, [...new Set(ids)]))
      .all()
      .map((r) => r.id),
  );
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw fieldError('ids', `文书不存在：编号 ${[...new Set(missing)].join('、')}`);
  const fonts = documentFonts(core.db);
  const job = { id: randomUUID(), userId: ctx.actor?.userId ?? 0, total: ids.length, done: 0, state: 'running' } as BatchJob;

  async function* models(): AsyncGenerator<DocumentModel> {
    for (const id of ids) {
      yield recordedModel(core.db, id).model;
      // a long batch must not hold the process: other calls are served between documents
      await new Promise((r) => setImmediate(r));
    }
  }

  job.finished = (async () => {
    try {
      const { renderPdfBatch } = await import('./pdf');
      const r = await renderPdfBatch(models(), {
        fonts,
        createdAt: core.clock.now(),
        title: `批量打印（${ids.length} 份）`,
        onProgress: (n) => {
          job.done = n;
        },
      });
      job.result = {
        pdf: r.bytes!,
        pages: r.pages,
        documents: r.documents.map((d, i) => ({ id: ids[i]!, firstPage: d.firstPage, pages: d.pages })),
      };
      job.state = 'done';
    } catch (err) {
      job.state = 'failed';
      job.error = err instanceof Error ? err.message : String(err);
    } finally {
      job.finishedAt = core.clock.now().getTime();
    }
  })();
  jobsOf(core).set(job.id, job);
  return { jobId: job.id, total: job.total };
}

function jobFor(ctx: CallContext, jobId: string): BatchJob {
  const job = jobsOf(ctx.core).get(jobId);
  // another user's job is not theirs to see
  if (!job || job.userId !== (ctx.actor?.userId ?? 0))
    throw new ApiError('NOT_FOUND', '批量打印任务不存在或已过期（完成 10 分钟后清除），请重新开始');
  return job;
}

export function batchStatus(ctx: CallContext, jobId: string): { state: BatchState; done: number; total: number; error?: string } {
  const j = jobFor(ctx, jobId);
  return { state: j.state, done: j.done, total: j.total, ...(j.error !== undefined ? { error: j.error } : {}) };
}

export function batchResult(ctx: CallContext, jobId: string): NonNullable<BatchJob['result']> {
  const j = jobFor(ctx, jobId);
  if (j.state === 'running') throw new ApiError('CONFLICT', `批量打印尚未完成（${j.done}/${j.total}）`);
  if (j.state === 'failed') throw new ApiError('CONFLICT', `批量打印失败：${j.error ?? '未知原因'}`);
  return j.result!;
}

/** The job itself (tests wait for `finished`). */
export function batchJob(core: Core, jobId: string): BatchJob | undefined {
  return jobsOf(core).get(jobId);
}
