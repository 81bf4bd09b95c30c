import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createHarness, setUpCourt, ADMIN, type Harness } from '../test/harness';
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
    const ok = await app.inject({ method: 'POST', url: '/api/auth.login', payload: { username: ADMIN.username, password: ADMIN.password } });
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
      payload: { courtName: '浙江省长兴县人民法院', courtCode: 'ZJ0522', adminUsername: 'admin', adminDisplayName: '王', adminPassword: 'Court2026ok' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION', field: 'courtCode' });
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json().initialised).toBe(false);

    const broken = await app.inject({ method: 'POST', url: '/api/auth.login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toMatch(/请求格式不正确/);
    const unknown = await app.inject({ method: 'POST', url: '/api/nope.nothing', payload: {} });
    expect(unknown.statusCode).toBe(404);
  });
});
