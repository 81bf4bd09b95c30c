import { z } from 'zod';
import { resolveSession } from '../auth/sessions';
import { ROLES } from '../auth/roles';
import type { Actor, CallContext, ClientInfo, Core } from '../context';
import { runInCallScope, type CallScope } from './callScope';
import { inputSchemaOf, type AnyOp } from './contract';
import { classifyDatabaseError } from './dbErrors';
import { ApiError, type ApiErrorBody, type FieldIssue } from './errors';
import { clip } from './fields';
import { hygienicInput } from './inputHygiene';
import { priorAnswer, reserveRequestId, storeAnswer, takeRequestId } from './idempotency';
import { operations } from './operations';

export type DispatchResult = { ok: true; status: 200; result: unknown } | { ok: false; status: number; error: ApiErrorBody };

export interface CallOptions {
  token?: string | undefined;
  client: ClientInfo;
  /** logs unexpected errors; the shells pass their logger */
  onUnexpectedError?: (err: unknown, operation: string) => void;
  /** told who the caller is once the session is resolved (the host's request log names the user) */
  onActor?: (actor: Actor) => void;
}

function issuesFromZod(err: z.ZodError): FieldIssue[] {
  return err.issues.map((iss) => {
    // an unknown key is named as the field (its path is the object holding it)
    const path = iss.code === 'unrecognized_keys' && iss.keys.length > 0 ? [...iss.path, iss.keys[0]!] : iss.path;
    return { field: path.map(String).join('.') || '请求内容', message: iss.message };
  });
}

function checkAccess(op: AnyOp, actor: Actor | null): void {
  if (op.access === 'public' || op.access === 'authenticated') return;
  const allowed = op.access as readonly (keyof typeof ROLES)[];
  if (!actor || !allowed.some((r) => actor.roles.includes(r))) {
    const names = allowed.map((r) => ROLES[r]).join('、');
    throw new ApiError('FORBIDDEN', `无权执行此操作：需要“${names}”角色`);
  }
}

/**
 * The one entry point both shells use: finds the operation, resolves the session, checks the roles,
 * parses the input (a bad input never reaches a handler, so it writes nothing), runs the handler and
 * turns every failure into a typed error with a Chinese message.
 */
export async function dispatch(core: Core, name: string, rawInput: unknown, opts: CallOptions): Promise<DispatchResult> {
  return guarded(name, opts, async () => {
    const op = findOperation(name);
    const actor = op.access === 'public' ? null : resolveSession(core, opts.token);
    if (actor) opts.onActor?.(actor);
    if (actor?.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(op.name)) {
      throw new ApiError('PASSWORD_CHANGE_REQUIRED', '管理员已重置您的密码，请先修改密码');
    }
    return runIdempotent(op, { core, actor, client: opts.client }, rawInput);
  });
}

/**
 * Runs an operation for a caller already known without a session — the admin command line, acting as
 * the operating-system user who runs it. Same input checks, roles and audit as any other call.
 */
export async function dispatchAs(
  core: Core,
  actor: Actor,
  name: string,
  rawInput: unknown,
  opts: Omit<CallOptions, 'token'>,
): Promise<DispatchResult> {
  return guarded(name, opts, async () => runIdempotent(findOperation(name), { core, actor, client: opts.client }, rawInput));
}

/** What a user whose password was reset by an admin may do before choosing a new one. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['auth.me', 'auth.changePassword', 'auth.logout']);

function findOperation(name: string): AnyOp {
  const op = Object.hasOwn(operations, name) ? (operations as Record<string, AnyOp>)[name] : undefined;
  if (!op) throw new ApiError('NOT_FOUND', `未知的操作：${clip(name)}`);
  return op;
}

/**
 * A logged-in caller's `requestId` makes the call idempotent: a retry with the same id returns the first
 * answer and writes nothing (core/api/idempotency.ts). Without one, the call simply runs.
 */
async function runIdempotent(op: AnyOp, ctx: CallContext, rawInput: unknown): Promise<unknown> {
  const { requestId, input } = op.access === 'public' ? { requestId: undefined, input: rawInput } : takeRequestId(rawInput);
  const actor = ctx.actor;
  if (!requestId || !actor) return runWhenUnlocked(op, ctx, input, {});
  const prior = priorAnswer(ctx.core, actor.userId, requestId, op.name);
  if (prior.found) return prior.result;
  let reserved = false;
  const result = await runWhenUnlocked(op, ctx, input, {
    // reserved in the first write transaction that commits (one that rolled back took its row with it)
    beforeWrite: (tx, scope) => {
      if (reserved && scope.committedWrites > 0) return;
      reserveRequestId(tx, ctx.core, actor.userId, requestId, op.name);
      reserved = true;
    },
  });
  if (reserved) {
    try {
      storeAnswer(ctx.core, actor.userId, requestId, result);
    } catch {
      // The call is saved and its id reserved: a retry is refused as already saved instead of repeated.
    }
  }
  return result;
}

/**
 * SQLite's own wait for the write lock in a process that serves many users (the host, the desktop shell):
 * it blocks the event loop while it waits, so it is kept to a few milliseconds and the dispatcher does the
 * real waiting asynchronously. The command line keeps the long default of db/connection.ts.
 */
export const SHELL_BUSY_TIMEOUT_MS = 15;

export function useShortBusyTimeout(core: Core): void {
  core.sqlite.pragma(`busy_timeout = ${SHELL_BUSY_TIMEOUT_MS}`);
}

/** How long a call may wait, in total, for another process to release the write lock. */
export const BUSY_WAIT_MS = 10_000;
const FIRST_BACKOFF_MS = 5;
const MAX_BACKOFF_MS = 200;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const isBusy = (err: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown } | null)?.code ?? ''));

/**
 * Runs the call, waiting for the write lock without blocking the event loop (issue 11 item 3). The host
 * keeps SQLite's own busy timeout short (server/app.ts), so a write that finds the lock held by another
 * process fails within milliseconds with SQLITE_BUSY; the call is then run again after an asynchronous pause
 * that doubles up to 200 ms, for at most BUSY_WAIT_MS in all. Meanwhile reads and /api/health keep answering.
 * Only a call that has committed nothing yet is repeated: BEGIN IMMEDIATE fails before the transaction
 * writes anything, and the call scope counts the call's committed transactions.
 */
async function runWhenUnlocked(op: AnyOp, ctx: CallContext, rawInput: unknown, hooks: Pick<CallScope, 'beforeWrite'>): Promise<unknown> {
  const started = performance.now();
  let backoff = FIRST_BACKOFF_MS;
  for (;;) {
    const scope: CallScope = { committedWrites: 0, ...hooks };
    try {
      return await runInCallScope(scope, () => runChecked(op, ctx, rawInput));
    } catch (err) {
      if (!isBusy(err) || scope.committedWrites > 0 || performance.now() - started + backoff > BUSY_WAIT_MS) throw err;
      await sleep(backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    }
  }
}

async function runChecked(op: AnyOp, ctx: CallContext, rawInput: unknown): Promise<unknown> {
  checkAccess(op, ctx.actor);
  const schema = inputSchemaOf(op, ctx.core);
  // the field builders refuse bad text with the field's label; the net then holds every other string to
  // the same rules (core/api/inputHygiene.ts)
  const first = schema.safeParse(rawInput ?? undefined);
  const parsed = first.success ? schema.safeParse(hygienicInput(rawInput ?? undefined, schema)) : first;
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error);
    const first = issues[0]!;
    throw new ApiError('VALIDATION', first.message, first.field || undefined, issues);
  }
  return op.handler(ctx, parsed.data);
}

async function guarded(name: string, opts: Omit<CallOptions, 'token'>, run: () => Promise<unknown>): Promise<DispatchResult> {
  try {
    return { ok: true, status: 200, result: await run() };
  } catch (err) {
    const apiError = err instanceof ApiError ? err : classifyDatabaseError(err);
    if (apiError) return { ok: false, status: apiError.status, error: apiError.toBody() };
    opts.onUnexpectedError?.(err, name);
    const internal = new ApiError('INTERNAL', '系统内部错误，本次操作未完成。请记下时间并联系信息技术人员。');
    return { ok: false, status: internal.status, error: internal.toBody() };
  }
}
