import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CourtBridge } from '../../../core/api/bridge';

/** The client over both transports, in Node with a stand-in window. */

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, String(v)),
  };
}

async function freshClient() {
  vi.resetModules();
  return import('./client');
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('client over HTTP', () => {
  let storage: Storage;
  beforeEach(() => {
    storage = memoryStorage();
    vi.stubGlobal('window', { sessionStorage: storage });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('posts JSON with the bearer token and returns the result', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => jsonResponse(200, { result: { initialised: true, court: null } }));
    vi.stubGlobal('fetch', fetchMock);
    const c = await freshClient();
    c.setToken('tok-1');
    expect(storage.getItem('court.sessionToken')).toBe('tok-1');
    const r = await c.send('setup.status');
    expect(r.initialised).toBe(true);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/setup.status');
    expect(init?.method).toBe('POST');
    expect((init?.headers as Record<string, string>).Authorization).toBe('Bearer tok-1');
    expect(init?.body).toBe('{}');
  });

  it('throws an ApiCallError carrying the error body and its field issues', async () => {
    vi.stubGlobal('fetch', async () =>
      jsonResponse(400, {
        error: {
          code: 'VALIDATION',
          message: '法院代字格式不正确',
          field: 'courtCode',
          issues: [{ field: 'courtCode', message: '法院代字格式不正确' }],
        },
      }),
    );
    const c = await freshClient();
    const err = await c
      .send('setup.initialise', { courtName: 'x', courtCode: 'X', adminUsername: 'a', adminDisplayName: 'a', adminPassword: 'a' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(c.ApiCallError);
    const e = err as InstanceType<typeof c.ApiCallError>;
    expect(e.status).toBe(400);
    expect(e.code).toBe('VALIDATION');
    expect(e.issues).toEqual([{ field: 'courtCode', message: '法院代字格式不正确' }]);
  });

  it('an expired session clears the token and reports 登录已过期, but a failed login does not', async () => {
    vi.stubGlobal('fetch', async () => jsonResponse(401, { error: { code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' } }));
    const c = await freshClient();
    const expired = vi.fn();
    c.setSessionExpiredHandler(expired);
    c.setToken('tok-2');
    await expect(c.send('auth.login', { username: 'a', password: 'b' })).rejects.toThrow('登录已过期');
    expect(expired).not.toHaveBeenCalled();
    expect(c.getToken()).toBe('tok-2');
    await expect(c.send('users.list')).rejects.toBeInstanceOf(c.ApiCallError);
    expect(expired).toHaveBeenCalledWith('登录已过期，请重新登录');
    expect(c.getToken()).toBeNull();
    expect(storage.getItem('court.sessionToken')).toBeNull();
  });

  it('an unreachable host or a non-JSON answer becomes a Chinese ApiCallError', async () => {
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    let c = await freshClient();
    await expect(c.send('setup.status')).rejects.toThrow('无法连接诉服台主机');
    vi.stubGlobal('fetch', async () => new Response('<html>bad gateway</html>', { status: 502 }));
    c = await freshClient();
    await expect(c.send('setup.status')).rejects.toThrow('HTTP 502');
  });
});

describe('client over the Electron bridge', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('uses window.court.call, keeps the token in memory only', async () => {
    const storage = memoryStorage();
    const call = vi.fn(async () => ({ ok: true as const, result: { ok: true } }));
    const court: CourtBridge = { call, shell: 'electron', version: 'test' };
    vi.stubGlobal('window', { court, sessionStorage: storage });
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const c = await freshClient();
    c.setToken('tok-3');
    await c.send('auth.logout');
    expect(call).toHaveBeenCalledWith('auth.logout', undefined, 'tok-3');
    expect(fetchMock).not.toHaveBeenCalled();
    expect(storage.getItem('court.sessionToken')).toBeNull();
  });

  it('passes the bridge error through', async () => {
    const court: CourtBridge = {
      call: async () => ({ ok: false, status: 423, error: { code: 'LOCKED', message: '账户已锁定' } }),
      shell: 'electron',
      version: 'test',
    };
    vi.stubGlobal('window', { court, sessionStorage: memoryStorage() });
    const c = await freshClient();
    const err = await c.send('auth.login', { username: 'a', password: 'b' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 423, message: '账户已锁定' });
  });
});

describe('request ids on submit (issue 11 item 8)', () => {
  beforeEach(() => vi.stubGlobal('window', { sessionStorage: memoryStorage() }));
  afterEach(() => vi.unstubAllGlobals());

  it('sends the same request id again when the first answer was lost, and none outside a submit', async () => {
    const bodies: string[] = [];
    let calls = 0;
    vi.stubGlobal('fetch', async (_url: string, init?: RequestInit) => {
      bodies.push(String(init?.body));
      calls += 1;
      if (calls === 1) throw new TypeError('network down');
      return jsonResponse(200, { result: { id: 7 } });
    });
    const c = await freshClient();
    const end = c.beginSubmit();
    await c.send('users.list');
    end();
    expect(bodies).toHaveLength(2);
    const first = JSON.parse(bodies[0]!);
    expect(first.requestId).toMatch(/^r-/);
    expect(JSON.parse(bodies[1]!).requestId).toBe(first.requestId);
    await c.send('users.list');
    expect(JSON.parse(bodies[2]!)).toEqual({});
  });
});
