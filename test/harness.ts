import { createCore, closeCore } from '../core';
import { dispatch } from '../core/api/dispatcher';
import type { Core } from '../core/context';
import { TEST_COST } from '../core/auth/password';
import { FrozenClock } from '../core/time/clock';
import { operations, type Operations } from '../core/api/operations';
import type { InputOf, OutputOf } from '../core/api/contract';
import type { ApiErrorBody } from '../core/api/errors';

/**
 * A fresh in-memory court per test, with a frozen clock that the test steps forward, and typed helpers to
 * call operations exactly as the shells do (through the dispatcher).
 */
export interface Harness {
  core: Core;
  clock: FrozenClock;
  call<N extends keyof Operations>(name: N, input: InputOf<Operations[N]>, token?: string): Promise<OutputOf<Operations[N]>>;
  fail(name: keyof Operations | string, input: unknown, token?: string): Promise<ApiErrorBody & { status: number }>;
  close(): void;
}

export function createHarness(opts: { file?: string; start?: string } = {}): Harness {
  const clock = new FrozenClock(opts.start ?? '2026-11-23T09:00:00+08:00');
  const core = createCore({ file: opts.file ?? ':memory:', clock, passwordCost: TEST_COST });
  return {
    core,
    clock,
    async call(name, input, token) {
      const r = await dispatch(core, name as string, input, {
        token,
        client: { transport: 'test' },
        onUnexpectedError: (e) => {
          throw e;
        },
      });
      if (!r.ok) throw new Error(`${String(name)} failed: ${r.error.code} ${r.error.message} (${r.error.field ?? ''})`);
      checkOutput(String(name), r.result);
      return r.result as never;
    },
    async fail(name, input, token) {
      const r = await dispatch(core, name as string, input, { token, client: { transport: 'test' } });
      if (r.ok) checkOutput(String(name), r.result);
      if (r.ok) throw new Error(`${String(name)} unexpectedly succeeded`);
      return { ...r.error, status: r.status };
    },
    close: () => closeCore(core),
  };
}

/**
 * Every successful result is parsed with its operation's output schema, so a handler that drifts from the
 * contract (a field renamed, a null where the schema says string) fails the test that called it.
 */
function checkOutput(name: string, result: unknown): void {
  const op = (
    operations as Record<
      string,
      { output: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } } }
    >
  )[name];
  if (!op) return;
  const parsed = op.output.safeParse(result);
  if (!parsed.success) {
    const issues = parsed.error!.issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || '(result)'}: ${i.message}`);
    throw new Error(`${name}: the result does not match the operation's output schema — ${issues.join('; ')}`);
  }
}

export const ADMIN = { username: 'admin', password: 'Court2026ok', displayName: '王管理' };

/** Completes first-run setup and returns the admin's token. */
export async function setUpCourt(h: Harness): Promise<string> {
  const r = await h.call('setup.initialise', {
    courtName: '浙江省长兴县人民法院',
    courtCode: '浙0522',
    adminUsername: ADMIN.username,
    adminDisplayName: ADMIN.displayName,
    adminPassword: ADMIN.password,
  });
  return r.token;
}

export function countRows(core: Core, table: string): number {
  return (core.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

/** The password of the users that tests create. */
export const USER_PASSWORD = 'Court2026ok';

/** Creates a user with these roles and logs them in: their token. */
export async function userToken(
  h: Harness,
  adminToken: string,
  username: string,
  displayName: string,
  roles: InputOf<Operations['users.create']>['roles'],
): Promise<string> {
  await h.call('users.create', { username, displayName, password: USER_PASSWORD, roles }, adminToken);
  return (await h.call('auth.login', { username, password: USER_PASSWORD })).token;
}
