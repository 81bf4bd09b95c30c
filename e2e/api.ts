import type { InputOf, OutputOf } from '../core/api/contract';
import type { Operations } from '../core/api/operations';

/** Direct calls to the host's HTTP API, for arranging a test's starting state quickly. */
export async function api<N extends keyof Operations>(
  baseURL: string,
  name: N,
  input: InputOf<Operations[N]>,
  token?: string,
): Promise<OutputOf<Operations[N]>> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${baseURL}/api/${name}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}) });
  const body = (await res.json()) as { result?: unknown; error?: { message: string } };
  if (!res.ok) throw new Error(`${name} failed (${res.status}): ${body.error?.message}`);
  return body.result as OutputOf<Operations[N]>;
}

export async function health(baseURL: string): Promise<{ initialised: boolean }> {
  const res = await fetch(`${baseURL}/api/health`);
  return (await res.json()) as { initialised: boolean };
}

export const COURT = { courtName: '浙江省长兴县人民法院', courtCode: '浙0522' } as const;
export const ADMIN = { username: 'admin', displayName: '系统管理员', password: 'Court2026ok' } as const;

/** First-run setup through the API; returns the admin's token. */
export async function initialise(baseURL: string): Promise<string> {
  const r = await api(baseURL, 'setup.initialise', {
    ...COURT,
    adminUsername: ADMIN.username,
    adminDisplayName: ADMIN.displayName,
    adminPassword: ADMIN.password,
  });
  return r.token;
}
