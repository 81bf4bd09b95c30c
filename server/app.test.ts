import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createHarness, setUpCourt, ADMIN, countRows, type Harness } from '../test/harness';
import { buildServer } from './app';

let h: Harness | undefined;
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  h?.close();
  app = undefined;
  h = undefined;
});

async function host() {
  h = createHarness();
  app = await buildServer({ core: h.core, staticDir: '/nonexistent' });
  return { h, app };
}

describe('HTTP host', () => {
  it('reports health without login', async () => {
    const { app } = await host();
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, initialised: false });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
  });

  it('logs in over POST /api/auth.login and answers 401 to a wrong password', async () => {
    const { h, app } = await host();
    await setUpCourt(h);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/auth.login',
      payload: { username: ADMIN.username, password: ADMIN.password },
    });
    expect(ok.statusCode).toBe(200);
    const { token, user } = ok.json().result;
    expect(user.username).toBe('admin');
    const wrong = await app.inject({ method: 'POST', url: '/api/auth.login', payload: { username: 'admin', password: 'wrong-pw1' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } });

    const me = await app.inject({ method: 'POST', url: '/api/auth.me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json().result.court).toEqual({ name: '浙江省长兴县人民法院', code: '浙0522' });
    const anonymous = await app.inject({ method: 'POST', url: '/api/users.list' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('answers bad input with 400, the field and a Chinese message', async () => {
    const { app } = await host();
    const res = await app.inject({
      method: 'POST',
      url: '/api/setup.initialise',
      payload: {
        courtName: '浙江省长兴县人民法院',
        courtCode: 'ZJ0522',
        adminUsername: 'admin',
        adminDisplayName: '王',
        adminPassword: 'Court2026ok',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', field: 'courtCode' });
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json().initialised).toBe(false);

    const broken = await app.inject({
      method: 'POST',
      url: '/api/auth.login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toMatch(/请求格式不正确/);
    const unknown = await app.inject({ method: 'POST', url: '/api/nope.nothing', payload: {} });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('request parsing in Chinese (issue 11 item 7)', () => {
  it('names the request body, never echoes it, and answers a wrong media type in Chinese', async () => {
    const { app } = await host();
    const long = `{"username":"${'甲'.repeat(200)}`;
    const broken = await app.inject({
      method: 'POST',
      url: '/api/auth.login',
      headers: { 'content-type': 'application/json' },
      payload: long,
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toMatchObject({ code: 'VALIDATION', field: '请求内容' });
    expect(broken.body).not.toContain('甲甲甲');
    const text = await app.inject({ method: 'POST', url: '/api/auth.login', headers: { 'content-type': 'text/plain' }, payload: 'hello' });
    expect(text.statusCode).toBe(400);
    expect(text.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    const poisoned = await app.inject({
      method: 'POST',
      url: '/api/auth.login',
      headers: { 'content-type': 'application/json' },
      payload: '{"__proto__":{"x":1}}',
    });
    expect(poisoned.statusCode).toBe(400);
    expect(poisoned.json().error.message).toMatch(/请求/);
    const longUrl = await app.inject({ method: 'POST', url: `/api/${'x'.repeat(300)}`, payload: {} });
    expect(longUrl.body.length).toBeLessThan(300);
  });

  it('accepts first-run setup only from this machine', async () => {
    const { h, app } = await host();
    const setup = {
      courtName: '浙江省长兴县人民法院',
      courtCode: '浙0522',
      adminUsername: 'admin',
      adminDisplayName: '王',
      adminPassword: 'Court2026ok',
    };
    const remote = await app.inject({ method: 'POST', url: '/api/setup.initialise', payload: setup, remoteAddress: '192.168.1.20' });
    expect(remote.statusCode).toBe(403);
    expect(remote.json().error.message).toMatch(/本机/);
    expect(countRows(h.core, 'users')).toBe(0);
    const local = await app.inject({ method: 'POST', url: '/api/setup.initialise', payload: setup, remoteAddress: '127.0.0.1' });
    expect(local.statusCode).toBe(200);
  });
});

describe('page addresses typed directly (issue 15 item 5)', () => {
  it('sends /cases to the desk’s own address /#/cases; files and the API stay 404', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>诉服台</title>');
    h = createHarness();
    app = await buildServer({ core: h.core, staticDir: dir });
    const page = await app.inject({ method: 'GET', url: '/cases' });
    expect(page.statusCode).toBe(302);
    expect(page.headers.location).toBe('/#/cases');
    const withQuery = await app.inject({ method: 'GET', url: '/stats/mediation?from=2026-10-01&to=2026-11-30' });
    expect(withQuery.headers.location).toBe('/#/stats/mediation?from=2026-10-01&to=2026-11-30');
    expect((await app.inject({ method: 'GET', url: '/missing.js' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/nothing' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
  });
});
