import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import { dispatch } from '../core/api/dispatcher';
import { operations } from '../core/api/operations';
import type { Core } from '../core/context';
import { isInitialised } from '../core/court/settings';
import { CONTENT_SECURITY_POLICY } from '../core/security/csp';
import { APP_VERSION } from '../core/version';
import { healthOf, storeHealth } from '../core/storage/health';

export interface ServerOptions {
  core: Core;
  /** built renderer (out/renderer); when missing, only the API is served */
  staticDir?: string;
  logger?: boolean;
}

export { CONTENT_SECURITY_POLICY };

function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  return m?.[1];
}

/**
 * The host: the API contract over HTTP (POST /api/<operation>, JSON in and out, bearer token) plus the
 * built renderer. Same dispatcher as the Electron shell's IPC handler, so both serve identical behaviour.
 */
export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: opts.logger ?? false, bodyLimit: 2 * 1024 * 1024 });

  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return payload;
  });

  app.get('/api/health', async (_req, reply) => ({
    ...healthOf(storeHealth(opts.core), reply),
    version: APP_VERSION,
    initialised: isInitialised(opts.core.db),
    operations: Object.keys(operations).length,
  }));

  app.post<{ Params: { operation: string } }>('/api/:operation', async (req, reply) => {
    const result = await dispatch(opts.core, req.params.operation, req.body, {
      token: bearerToken(req.headers.authorization),
      client: { transport: 'http', address: req.ip },
      onUnexpectedError: (err, op) => req.log.error({ err, op }, 'unexpected error in operation'),
    });
    reply.code(result.status);
    return result.ok ? { result: result.result } : { error: result.error };
  });

  // Malformed JSON and other transport-level failures answer in the same error shape as the API.
  app.setErrorHandler((err: { statusCode?: number; message: string }, _req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    reply.code(status).send({
      error: { code: status === 500 ? 'INTERNAL' : 'VALIDATION', message: status === 500 ? '系统内部错误' : `请求格式不正确：${err.message}` },
    });
  });

  if (opts.staticDir && fs.existsSync(path.join(opts.staticDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: opts.staticDir, index: ['index.html'] });
  } else {
    app.get('/', async (_req, reply) =>
      reply.type('text/html; charset=utf-8').send('<p>界面尚未构建：请先运行 npm run build。API 位于 /api/。</p>'),
    );
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) {
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `未知的接口：${req.url}` } });
    }
    return reply.code(404).type('text/plain; charset=utf-8').send('未找到');
  });
  return app;
}
