import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_CHANNEL, type BridgeResult } from '../core/api/bridge';
import { dispatch } from '../core/api/dispatcher';
import type { ApiErrorBody } from '../core/api/errors';
import type { Core } from '../core/context';
import { isTrustedUrl } from './trust';

/** What the preload sends on IPC_CHANNEL (electron/preload.ts). */
export interface CallPayload {
  operation: string;
  input: unknown;
  token: string | null;
}

const MAX_OPERATION_LENGTH = 200;
const MAX_TOKEN_LENGTH = 1024;

function failure(status: number, error: ApiErrorBody): BridgeResult {
  return { ok: false, status, error };
}

export const FORBIDDEN_SENDER: BridgeResult = failure(403, {
  code: 'FORBIDDEN',
  message: '拒绝访问：请求不是来自诉服台自身的页面。',
});

/** Checks the shape of an IPC payload; returns it typed, or the Chinese reason it is refused. */
export function parsePayload(payload: unknown): { ok: true; value: CallPayload } | { ok: false; message: string } {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, message: '请求格式不正确：应为包含 operation、input、token 的对象' };
  }
  const p = payload as Record<string, unknown>;
  if (typeof p.operation !== 'string' || p.operation.length === 0 || p.operation.length > MAX_OPERATION_LENGTH) {
    return { ok: false, message: '请求格式不正确：operation（操作名称）应为非空文字' };
  }
  if (p.token !== null && (typeof p.token !== 'string' || p.token.length > MAX_TOKEN_LENGTH)) {
    return { ok: false, message: '请求格式不正确：token（登录凭据）应为文字或 null' };
  }
  return { ok: true, value: { operation: p.operation, input: p.input, token: p.token } };
}

/**
 * True when the message comes from the app's own page in its top frame. A frame that has navigated away
 * or been destroyed (senderFrame null), a subframe (even one showing our own origin, e.g. a document
 * preview) and any other URL are refused.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, trustedOrigin: string): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isTrustedUrl(frame.url, trustedOrigin);
}

export interface ApiHandlerOptions {
  /** logs an unexpected error of an operation (the user sees a generic INTERNAL message) */
  onUnexpectedError?: (err: unknown, operation: string) => void;
}

/** One IPC call: sender check, payload check, then the same dispatcher as the HTTP host. */
export async function handleApiCall(
  core: Core,
  trustedOrigin: string,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  payload: unknown,
  opts: ApiHandlerOptions = {},
): Promise<BridgeResult> {
  if (!isTrustedSender(event, trustedOrigin)) return FORBIDDEN_SENDER;
  const parsed = parsePayload(payload);
  if (!parsed.ok) return failure(400, { code: 'VALIDATION', message: parsed.message });
  const { operation, input, token } = parsed.value;
  const r = await dispatch(core, operation, input, {
    token: token ?? undefined,
    client: { transport: 'ipc' },
    ...(opts.onUnexpectedError ? { onUnexpectedError: opts.onUnexpectedError } : {}),
  });
  return r.ok ? { ok: true, result: r.result } : failure(r.status, r.error);
}

/**
 * Serves the API contract on IPC_CHANNEL. `trustedOrigin` is the URL of the app's page
 * (see rendererLocation in electron/trust.ts): the built index.html as a file:// URL, or the dev server.
 */
export function registerApiHandler(
  ipcMain: Pick<IpcMain, 'handle'>,
  core: Core,
  trustedOrigin: string,
  opts: ApiHandlerOptions = {},
): void {
  ipcMain.handle(IPC_CHANNEL, (event, payload: unknown) => handleApiCall(core, trustedOrigin, event, payload, opts));
}
