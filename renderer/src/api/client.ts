import type { BridgeResult, CourtBridge } from '../../../core/api/bridge';
import type { InputOf, OutputOf } from '../../../core/api/contract';
import type { ApiErrorBody, ErrorCode, FieldIssue } from '../../../core/api/errors';
import type { Operations } from '../../../core/api/operations';

/**
 * The renderer's one API client. Every call goes through `send(name, input)`, typed from the contract in
 * core/api/operations.ts (type-only imports: no server code reaches the bundle). It uses the Electron
 * bridge (`window.court`) when present and `POST /api/<name>` otherwise, and turns every failure into an
 * `ApiCallError` carrying the contract's error body.
 */

declare global {
  interface Window {
    court?: CourtBridge;
  }
}

export type OperationName = keyof Operations;
export type Input<N extends OperationName> = InputOf<Operations[N]>;
export type Output<N extends OperationName> = OutputOf<Operations[N]>;

/**
 * Operations whose "not logged in" answer is the expected outcome, not an expired session. They carry no
 * request id either: the host takes one only from a logged-in caller (core/api/dispatcher.ts) and refuses the
 * field on a public operation — the self-service progress lookup (mediation.lookup) runs without a session.
 */
const SESSION_NEUTRAL: ReadonlySet<OperationName> = new Set<OperationName>([
  'auth.login',
  'auth.logout',
  'setup.initialise',
  'setup.status',
  'mediation.lookup',
]);

export class ApiCallError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody;

  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiCallError';
    this.status = status;
    this.body = body;
  }

  get code(): ErrorCode {
    return this.body.code;
  }

  get field(): string | undefined {
    return this.body.field;
  }

  /** All field issues: `issues` when given, else the single `field`. */
  get issues(): FieldIssue[] {
    if (this.body.issues?.length) return this.body.issues;
    return this.body.field ? [{ field: this.body.field, message: this.body.message }] : [];
  }
}

/** The host could not be reached at all (status 0). */
export const NETWORK_STATUS = 0;

// ---- session token ---------------------------------------------------------------------------------
// Over HTTP the token survives a page reload within the tab (sessionStorage) and nothing longer; inside
// Electron it lives only in memory.

const TOKEN_KEY = 'court.sessionToken';
let memoryToken: string | null = null;

function usesBridge(): boolean {
  return typeof window !== 'undefined' && window.court !== undefined;
}

export function getToken(): string | null {
  if (memoryToken !== null) return memoryToken;
  if (!usesBridge()) {
    try {
      memoryToken = window.sessionStorage.getItem(TOKEN_KEY);
    } catch {
      memoryToken = null;
    }
  }
  return memoryToken;
}

export function setToken(token: string | null): void {
  memoryToken = token;
  if (usesBridge()) return;
  try {
    if (token === null) window.sessionStorage.removeItem(TOKEN_KEY);
    else window.sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // storage unavailable: the token stays in memory only
  }
}

// ---- expired sessions -------------------------------------------------------------------------------

type ExpiredHandler = (message: string) => void;
let onSessionExpired: ExpiredHandler | null = null;

/** The session layer registers how to return to the login page when the host refuses the token. */
export function setSessionExpiredHandler(handler: ExpiredHandler | null): void {
  onSessionExpired = handler;
}

// ---- transport ---------------------------------------------------------------------------------------

const NETWORK_ERROR: ApiErrorBody = { code: 'INTERNAL', message: '无法连接诉服台主机，请检查网络或确认主机正在运行' };

async function viaBridge(bridge: CourtBridge, name: string, input: unknown, token: string | null): Promise<BridgeResult> {
  try {
    return await bridge.call(name, input, token);
  } catch {
    return { ok: false, status: NETWORK_STATUS, error: NETWORK_ERROR };
  }
}

function isErrorBody(v: unknown): v is ApiErrorBody {
  return (
    typeof v === 'object' && v !== null && typeof (v as ApiErrorBody).code === 'string' && typeof (v as ApiErrorBody).message === 'string'
  );
}

async function viaHttp(name: string, input: unknown, token: string | null): Promise<BridgeResult> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`/api/${name}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
  } catch {
    return { ok: false, status: NETWORK_STATUS, error: NETWORK_ERROR };
  }
  let payload: unknown;
  try {
    payload = await response.json();
  } catch {
    payload = undefined;
  }
  const body = (payload ?? {}) as { result?: unknown; error?: unknown };
  if (response.ok && 'result' in body) return { ok: true, result: body.result };
  const error = isErrorBody(body.error)
    ? body.error
    : { code: 'INTERNAL' as const, message: `主机返回了无法识别的应答（HTTP ${response.status}）` };
  return { ok: false, status: response.status, error };
}

// ---- request ids -----------------------------------------------------------------------------------
// A call made while a form is being submitted (useSubmit) carries a fresh `requestId`. When the answer is
// lost on the way back (the network dropped, the host restarted), the client sends the same call with the
// same id again, and the host answers with the first result instead of saving it twice (issue 11 item 8).

let submitting = 0;
const LOST_ANSWER_RETRIES = 2;
const RETRY_PAUSE_MS = 800;

/** useSubmit marks the time a submission runs; calls sent meanwhile carry a request id. */
export function beginSubmit(): () => void {
  submitting += 1;
  let ended = false;
  return () => {
    if (!ended) submitting -= 1;
    ended = true;
  };
}

export function newRequestId(): string {
  const random =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return `r-${random}`;
}

/** The input with a request id added (an absent input becomes an object holding only the id). */
export function withRequestId(input: unknown, requestId: string): unknown {
  if (input === undefined || input === null) return { requestId };
  if (typeof input !== 'object' || Array.isArray(input)) return input;
  return { ...(input as Record<string, unknown>), requestId };
}

/**
 * Calls one API operation. Resolves with its typed result or rejects with an `ApiCallError`.
 * Operations without input may omit it.
 */
export async function send<N extends OperationName>(
  name: N,
  ...args: undefined extends Input<N> ? [input?: Input<N>] : [input: Input<N>]
): Promise<Output<N>> {
  const idempotent = submitting > 0 && !SESSION_NEUTRAL.has(name);
  const input = idempotent ? withRequestId(args[0], newRequestId()) : args[0];
  const token = getToken();
  const bridge = typeof window !== 'undefined' ? window.court : undefined;
  let answer = bridge ? await viaBridge(bridge, name, input, token) : await viaHttp(name, input, token);
  for (let retry = 0; idempotent && !answer.ok && answer.status === NETWORK_STATUS && retry < LOST_ANSWER_RETRIES; retry += 1) {
    await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
    answer = bridge ? await viaBridge(bridge, name, input, token) : await viaHttp(name, input, token);
  }
  if (answer.ok) return answer.result as Output<N>;
  const error = new ApiCallError(answer.status, answer.error);
  if (error.code === 'UNAUTHENTICATED' && !SESSION_NEUTRAL.has(name)) {
    setToken(null);
    onSessionExpired?.(answer.error.message === '请先登录' ? '登录已过期，请重新登录' : answer.error.message);
  }
  throw error;
}

/** A message for any thrown value, for places that show it as an alert. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiCallError) return err.message;
  if (err instanceof Error && err.message) return `操作未完成：${err.message}`;
  return '操作未完成，请重试';
}
