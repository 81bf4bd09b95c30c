import { and, eq, lt } from 'drizzle-orm';
import { requestIds } from '../../db/schema';
import type { Core, Tx } from '../context';
import { isoShanghai } from '../time/clock';
import { ApiError, fieldError } from './errors';

/**
 * Idempotent retries (issue 11 item 8). A client sends `requestId` with a creating call (one per submit);
 * when the answer is lost and the client retries with the same id, it gets the first answer back and
 * nothing is written twice. The id is reserved inside the call's first write transaction, so a committed
 * call always has its id on record — even when the host stops before it can answer.
 */
export const REQUEST_ID_FIELD = 'requestId';
const REQUEST_ID = /^[A-Za-z0-9_-]{8,64}$/;
const KEEP_MS = 24 * 60 * 60 * 1000;

/** Takes `requestId` off a raw input object; the rest goes to the operation's own schema. */
export function takeRequestId(raw: unknown): { requestId: string | undefined; input: unknown } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || !Object.hasOwn(raw, REQUEST_ID_FIELD)) {
    return { requestId: undefined, input: raw };
  }
  const { [REQUEST_ID_FIELD]: id, ...rest } = raw as Record<string, unknown>;
  if (typeof id !== 'string' || !REQUEST_ID.test(id)) {
    throw fieldError(REQUEST_ID_FIELD, '请求编号格式不正确（应为 8 至 64 位字母、数字、“-”或“_”）');
  }
  return { requestId: id, input: rest };
}

export type PriorAnswer = { found: false } | { found: true; result: unknown };

/** The stored answer of an earlier call with this id, if any. */
export function priorAnswer(core: Core, userId: number, requestId: string, operation: string): PriorAnswer {
  const row = core.db
    .select()
    .from(requestIds)
    .where(and(eq(requestIds.userId, userId), eq(requestIds.requestId, requestId)))
    .get();
  if (!row) return { found: false };
  if (row.operation !== operation) {
    throw fieldError(REQUEST_ID_FIELD, '请求编号已用于另一项操作，请刷新页面后重新提交');
  }
  if (row.result === null) {
    throw new ApiError('CONFLICT', '相同的提交已经保存（或正在保存），未重复登记。请刷新页面查看结果。');
  }
  return { found: true, result: JSON.parse(row.result) };
}

/** Reserves the id inside the call's first write transaction; a concurrent duplicate fails on the key. */
export function reserveRequestId(tx: Tx, core: Core, userId: number, requestId: string, operation: string): void {
  const now = core.clock.now();
  tx.delete(requestIds)
    .where(lt(requestIds.createdAt, isoShanghai(new Date(now.getTime() - KEEP_MS))))
    .run();
  try {
    tx.insert(requestIds)
      .values({ userId, requestId, operation, result: null, createdAt: isoShanghai(now) })
      .run();
  } catch (err) {
    if (String((err as { code?: unknown }).code).startsWith('SQLITE_CONSTRAINT')) {
      throw new ApiError('CONFLICT', '相同的提交已经保存（或正在保存），未重复登记。请刷新页面查看结果。');
    }
    throw err;
  }
}

/** Stores the answer of a call whose id was reserved. */
export function storeAnswer(core: Core, userId: number, requestId: string, result: unknown): void {
  core.db
    .update(requestIds)
    .set({ result: JSON.stringify(result ?? null) })
    .where(and(eq(requestIds.userId, userId), eq(requestIds.requestId, requestId)))
    .run();
}
