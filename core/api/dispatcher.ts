import { z } from 'zod';
import { resolveSession } from '../auth/sessions';
import { ROLES } from '../auth/roles';
import type { Actor, CallContext, ClientInfo, Core } from '../context';
import { inputSchemaOf, type AnyOp } from './contract';
import { classifyDatabaseError } from './dbErrors';
import { ApiError, type ApiErrorBody, type FieldIssue } from './errors';
import { operations } from './operations';

export type DispatchResult =
  | { ok: true; status: 200; result: unknown }
  | { ok: false; status: number; error: ApiErrorBody };

export interface CallOptions {
  token?: string | undefined;
  client: ClientInfo;
  /** logs unexpected errors; the shells pass their logger */
  onUnexpectedError?: (err: unknown, operation: string) => void;
}

function issuesFromZod(err: z.ZodError): FieldIssue[] {
  return err.issues.map((iss) => ({ field: iss.path.map(String).join('.'), message: iss.message }));
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
    if (actor?.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(op.name)) {
      throw new ApiError('PASSWORD_CHANGE_REQUIRED', '管理员已重置您的密码，请先修改密码');
    }
    return runChecked(op, { core, actor, client: opts.client }, rawInput);
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
  return guarded(name, opts, async () => runChecked(findOperation(name), { core, actor, client: opts.client }, rawInput));
}

/** What a user whose password was reset by an admin may do before choosing a new one. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['auth.me', 'auth.changePassword', 'auth.logout']);

function findOperation(name: string): AnyOp {
  const op = Object.hasOwn(operations, name) ? (operations as Record<string, AnyOp>)[name] : undefined;
  if (!op) throw new ApiError('NOT_FOUND', `未知的操作：${name}`);
  return op;
}

async function runChecked(op: AnyOp, ctx: CallContext, rawInput: unknown): Promise<unknown> {
  checkAccess(op, ctx.actor);
  const parsed = inputSchemaOf(op, ctx.core).safeParse(rawInput ?? undefined);
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
