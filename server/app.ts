import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import { dispatch, useShortBusyTimeout } from '../core/api/dispatcher';
import { operations } from '../core/api/operations';
import type { Core } from '../core/context';
import { isInitialised } from '../core/court/settings';
import { CONTENT_SECURITY_POLICY } from '../core/security/csp';
import { APP_VERSION } from '../core/version';
import { healthOf, storeHealth } from '../core/storage/health';
import { isLoopback } from './hostLock';
import { clip } from '../core/api/fields';

export interface ServerOptions {
  core: Core;
  /** built renderer (out/renderer); when missing, only the API is served */
  staticDir?: string;
  /** where the structured host log goes (a RotatingLogFile in the data directory); none when absent */
  logStream?: { write(line: string): boolean };
  /** TLS certificate and key (PEM) for a LAN host */
  https?: { cert: Buffer; key: Buffer };
}

/** What the request log keeps of a call (never its body, token, password or ID numbers). */
interface CallNote {
  op?: string;
  user?: string;
  code?: string;
}
const notes = new WeakMap<object, CallNote>();

export { CONTENT_SECURITY_POLICY };

function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  return m?.[1];
}

/** A Chinese message for fastify's request-parsing failures (their own messages are English). */
export function bodyParseMessage(code: string | undefined, status: number): string {
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return '请求内容：超过 2 MB 上限，未处理';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return '请求内容：格式应为 JSON（Content-Type: application/json）';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return '请求内容：声明为 JSON 但内容为空';
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return '请求内容：长度与声明不符';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case undefined:
      return status === 400 ? '请求格式不正确：请求内容不是有效的 JSON' : `请求内容：无法处理（HTTP ${status}）`;
    default:
      return status === 400 ? '请求格式不正确：请求内容不是有效的 JSON 或包含不允许的属性' : `请求内容：无法处理（HTTP ${status}）`;
  }
}

/**
 * The host: the API contract over HTTP (POST /api/<operation>, JSON in and out, bearer token) plus the
 * built renderer. Same dispatcher as the Electron shell's IPC handler, so both serve identical behaviour.
 */
export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: 2 * 1024 * 1024,
    // one line per request from onResponse below instead of fastify's two, which carry the URL and headers
    logController: new LogController({ disableRequestLogging: true }),
    // a malformed or overlong URL: answered in Chinese, without echoing it
    frameworkErrors: (err, _req, reply) => {
      const status = (err as { statusCode?: number }).statusCode ?? 400;
      void (reply as unknown as { code(n: number): { send(b: unknown): unknown } })
        .code(status)
        .send({ error: { code: 'NOT_FOUND', message: '接口地址过长或格式不正确' } });
    },
    logger: opts.logStream ? { level: 'info', stream: opts.logStream, base: { pid: process.pid } } : false,
    ...(opts.https ? { https: opts.https } : {}),
  }) as unknown as FastifyInstance;
  useShortBusyTimeout(opts.core);

  app.addHook('onResponse', async (req, reply) => {
    const note = notes.get(req.raw) ?? {};
    const status = reply.statusCode;
    const line = {
      op: note.op ?? (req.url.startsWith('/api/') ? req.url.slice(5, 60) : undefined),
      user: note.user,
      status,
      ms: Math.round(reply.elapsedTime),
      code: note.code,
      address: req.ip,
    };
    if (status >= 500 && note.code !== 'DB_BUSY') req.log.error(line, note.code === 'DB_FULL' ? '磁盘空间已满' : '请求失败');
    else if (note.code === 'DB_BUSY') req.log.warn(line, '数据库正忙');
    else if (req.url.startsWith('/api/')) req.log.info(line, '请求');
  });
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

  const callOperation = async (req: FastifyRequest<{ Params: { operation: string } }>, reply: FastifyReply) => {
    const note: CallNote = { op: req.params.operation.slice(0, 60) };
    notes.set(req.raw, note);
    if (req.params.operation === 'setup.initialise' && !isLoopback(req.ip) && !isInitialised(opts.core.db)) {
      // First run (issue 11 item 6): whoever completes setup becomes the admin, so only this machine may.
      note.code = 'FORBIDDEN';
      return reply.code(403).send({
        error: { code: 'FORBIDDEN', message: '首次设置只能在主机本机上完成：请在主机上打开 http://127.0.0.1 地址，或运行 court init' },
      });
    }
    const result = await dispatch(opts.core, req.params.operation, req.body, {
      token: bearerToken(req.headers.authorization),
      client: { transport: 'http', address: req.ip },
      onActor: (actor) => (note.user = actor.username),
      onUnexpectedError: (err, op) => req.log.error({ err, op }, '操作中出现意外错误'),
    });
    if (!result.ok) note.code = result.error.code;
    reply.code(result.status);
    return result.ok ? { result: result.result } : { error: result.error };
  };
  app.post<{ Params: { operation: string } }>('/api/:operation', callOperation);
  // a case import sheet (issue 15): up to 8 MB of workbook as base64
  for (const operation of ['cases.importPreview', 'cases.importConfirm'])
    app.post<{ Params: { operation: string } }>(`/api/${operation}`, { bodyLimit: 12 * 1024 * 1024 }, (req, reply) => {
      req.params.operation = operation;
      return callOperation(req, reply);
    });
  // a font upload (issue 11 item 4) is the one call with a large body: 40 MB as base64, and no other route gets it
  app.post<{ Params: { operation: string } }>('/api/documents.uploadFont', { bodyLimit: 56 * 1024 * 1024 }, (req, reply) => {
    req.params.operation = 'documents.uploadFont';
    return callOperation(req, reply);
  });

  // Malformed JSON and other transport-level failures answer in the same error shape as the API, in
  // Chinese, naming what was wrong — and never echoing the body back.
  app.setErrorHandler((err: { statusCode?: number; code?: string; message: string }, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    const note = notes.get(req.raw) ?? {};
    notes.set(req.raw, note);
    if (status === 500) {
      req.log.error({ err }, '请求处理失败');
      note.code = 'INTERNAL';
      return reply.code(500).send({ error: { code: 'INTERNAL', message: '系统内部错误' } });
    }
    note.code = 'VALIDATION';
    const message = bodyParseMessage(err.code, status);
    return reply.code(status).send({ error: { code: 'VALIDATION', message, field: '请求内容', issues: [{ field: '请求内容', message }] } });
  });

  const servesDesk = Boolean(opts.staticDir && fs.existsSync(path.join(opts.staticDir, 'index.html')));
  if (servesDesk) {
    await app.register(fastifyStatic, { root: opts.staticDir, index: ['index.html'] });
  } else {
    app.get('/', async (_req, reply) =>
      reply.type('text/html; charset=utf-8').send('<p>界面尚未构建：请先运行 npm run build。API 位于 /api/。</p>'),
    );
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) {
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `未知的接口：${clip(req.url)}` } });
    }
    // A page address typed directly (/cases, /stats?from=…): the desk routes by the part after '#', so send the
    // browser to the same address there (issue 15 item 5). Files (a name with an extension) stay 404.
    const [pathname, query] = req.url.split('?', 2) as [string, string | undefined];
    if (req.method === 'GET' && /^\/[\w\-/]*$/.test(pathname) && !/\.[a-z0-9]+$/i.test(pathname) && servesDesk) {
      return reply.redirect(`/#${pathname}${query && /^[\w\-=&%.:]*$/.test(query) ? `?${query}` : ''}`, 302);
    }
    return reply.code(404).type('text/plain; charset=utf-8').send('未找到');
  });
  return app;
}
