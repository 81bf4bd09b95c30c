import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// Never the real module: it would try to download the Electron binary.
vi.mock('electron', () => ({}));

import { closeCore, createCore } from '../core';
import { IPC_CHANNEL, type BridgeResult } from '../core/api/bridge';
import { TEST_COST } from '../core/auth/password';
import type { Core } from '../core/context';
import { ADMIN } from '../test/harness';
import { FORBIDDEN_SENDER, parsePayload, registerApiHandler } from './ipc';

const TRUSTED_FILE = 'file:///opt/%E8%AF%89%E6%9C%8D%E5%8F%B0/resources/app.asar/out/renderer/index.html';
const DEV_SERVER = 'http://localhost:5173/';

type Frame = { url: string; parent: Frame | null } | null;
type Handler = (event: { senderFrame: Frame }, payload: unknown) => Promise<BridgeResult>;

function topFrame(url: string): Frame {
  return { url, parent: null };
}
function subFrame(url: string, parentUrl: string): Frame {
  return { url, parent: { url: parentUrl, parent: null } };
}

/** Registers the handler on a stand-in ipcMain and returns it. */
function handlerFor(core: Core, trustedOrigin: string): Handler {
  let channel: string | undefined;
  let handler: Handler | undefined;
  const ipcMain = {
    handle: (ch: string, fn: unknown) => {
      channel = ch;
      handler = fn as Handler;
    },
  };
  registerApiHandler(ipcMain as never, core, trustedOrigin);
  expect(channel).toBe(IPC_CHANNEL);
  return handler!;
}

const INITIALISE = {
  operation: 'setup.initialise',
  input: {
    courtName: '浙江省长兴县人民法院',
    courtCode: '浙0522',
    adminUsername: ADMIN.username,
    adminDisplayName: ADMIN.displayName,
    adminPassword: ADMIN.password,
  },
  token: null,
};

describe('IPC handler', () => {
  let core: Core;
  beforeEach(() => {
    core = createCore({ file: ':memory:', passwordCost: TEST_COST });
  });
  afterEach(() => closeCore(core));

  it('dispatches a call from the app page in the top frame', async () => {
    const handle = handlerFor(core, TRUSTED_FILE);
    const r = await handle({ senderFrame: topFrame(TRUSTED_FILE) }, { operation: 'setup.status', input: undefined, token: null });
    expect(r).toEqual({ ok: true, result: { initialised: false, court: null } });
  });

  it('accepts the app page with a router hash and a query', async () => {
    const handle = handlerFor(core, TRUSTED_FILE);
    const r = await handle(
      { senderFrame: topFrame(`${TRUSTED_FILE}?x=1#/cases/2026`) },
      { operation: 'setup.status', input: null, token: null },
    );
    expect(r.ok).toBe(true);
  });

  it('passes the token through, so sessions work over IPC', async () => {
    const handle = handlerFor(core, TRUSTED_FILE);
    const frame = topFrame(TRUSTED_FILE);
    const init = await handle({ senderFrame: frame }, INITIALISE);
    expect(init.ok).toBe(true);
    const token = (init as { ok: true; result: { token: string } }).result.token;
    const me = await handle({ senderFrame: frame }, { operation: 'auth.me', input: undefined, token });
    expect(me.ok).toBe(true);
    const anonymous = await handle({ senderFrame: frame }, { operation: 'auth.me', input: undefined, token: null });
    expect(anonymous).toMatchObject({ ok: false, status: 401, error: { code: 'UNAUTHENTICATED' } });
  });

  const untrusted: [string, Frame][] = [
    ['another origin', topFrame('https://evil.example/index.html')],
    ['another local file', topFrame('file:///tmp/evil.html')],
    ['a file next to ours', topFrame(TRUSTED_FILE.replace('index.html', 'other.html'))],
    ['a data: URL', topFrame('data:text/html,<script>court.call()</script>')],
    ['about:blank', topFrame('about:blank')],
    ['a subframe showing our own page', subFrame(TRUSTED_FILE, TRUSTED_FILE)],
    ['a subframe of another origin', subFrame('https://evil.example/', TRUSTED_FILE)],
    ['a frame that is gone (senderFrame null)', null],
  ];

  it.each(untrusted)('refuses %s without dispatching', async (_name, frame) => {
    const handle = handlerFor(core, TRUSTED_FILE);
    // A state-changing call: if it were dispatched, the court would now be set up.
    const r = await handle({ senderFrame: frame }, INITIALISE);
    expect(r).toEqual(FORBIDDEN_SENDER);
    expect(r).toMatchObject({ ok: false, status: 403, error: { code: 'FORBIDDEN' } });
    const status = await handle({ senderFrame: topFrame(TRUSTED_FILE) }, { operation: 'setup.status', input: undefined, token: null });
    expect(status).toEqual({ ok: true, result: { initialised: false, court: null } });
  });

  it('gives the refusal in Chinese', () => {
    expect(FORBIDDEN_SENDER.ok).toBe(false);
    if (!FORBIDDEN_SENDER.ok) expect(FORBIDDEN_SENDER.error.message).toMatch(/拒绝访问/);
  });

  describe('in development (Vite dev server)', () => {
    it('accepts any path of the dev server origin', async () => {
      const handle = handlerFor(core, DEV_SERVER);
      const r = await handle(
        { senderFrame: topFrame('http://localhost:5173/#/mediation') },
        { operation: 'setup.status', input: undefined, token: null },
      );
      expect(r.ok).toBe(true);
    });

    it.each(['http://localhost:5174/', 'http://127.0.0.1:5173/', 'https://localhost:5173/', 'file:///opt/court/out/renderer/index.html'])(
      'refuses %s',
      async (url) => {
        const handle = handlerFor(core, DEV_SERVER);
        expect(await handle({ senderFrame: topFrame(url) }, { operation: 'setup.status', input: undefined, token: null })).toEqual(
          FORBIDDEN_SENDER,
        );
      },
    );
  });

  it.each([
    ['null', null],
    ['a string', 'setup.status'],
    ['an array', ['setup.status', null, null]],
    ['no operation', { input: null, token: null }],
    ['an empty operation', { operation: '', input: null, token: null }],
    ['a numeric operation', { operation: 5, input: null, token: null }],
    ['a numeric token', { operation: 'setup.status', input: null, token: 42 }],
    ['a missing token', { operation: 'setup.status', input: null }],
  ])('answers VALIDATION for a malformed payload (%s)', async (_name, payload) => {
    const handle = handlerFor(core, TRUSTED_FILE);
    const r = await handle({ senderFrame: topFrame(TRUSTED_FILE) }, payload);
    expect(r).toMatchObject({ ok: false, status: 400, error: { code: 'VALIDATION' } });
    if (!r.ok) expect(r.error.message).toMatch(/请求格式不正确/);
  });

  it('reports an unknown operation the way the host does', async () => {
    const handle = handlerFor(core, TRUSTED_FILE);
    const r = await handle({ senderFrame: topFrame(TRUSTED_FILE) }, { operation: 'no.such', input: null, token: null });
    expect(r).toMatchObject({ ok: false, status: 404, error: { code: 'NOT_FOUND' } });
  });
});

describe('parsePayload', () => {
  it('keeps operation, input and token', () => {
    expect(parsePayload({ operation: 'a.b', input: { x: 1 }, token: 't' })).toEqual({
      ok: true,
      value: { operation: 'a.b', input: { x: 1 }, token: 't' },
    });
  });
  it('treats a missing input as undefined', () => {
    expect(parsePayload({ operation: 'a.b', token: null })).toEqual({
      ok: true,
      value: { operation: 'a.b', input: undefined, token: null },
    });
  });
});
