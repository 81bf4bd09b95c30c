import type { FastifyInstance } from 'fastify';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { buildServer } from '../server/app';
import { createHarness, setUpCourt, type Harness } from './harness';

/**
 * A court on a store in a temporary file, set up, with the HTTP app over it (fastify inject, no port), closed and
 * removed after each test. For the host tests that need a real file (a second connection, a worker, a lock).
 */
export function serverOnFileStore(prefix: string) {
  let opened: { h: Harness; app: FastifyInstance; dir: string } | undefined;
  afterEach(async () => {
    if (!opened) return;
    await opened.app.close();
    opened.h.close();
    fs.rmSync(opened.dir, { recursive: true, force: true });
    opened = undefined;
  });
  return async (prepare?: (h: Harness) => void) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    const file = path.join(dir, 'court.sqlite');
    const h = createHarness({ file });
    const token = await setUpCourt(h);
    prepare?.(h);
    const app = await buildServer({ core: h.core, staticDir: '/nonexistent' });
    opened = { h, app, dir };
    return { h, app, dir, file, token, auth: { authorization: `Bearer ${token}` } };
  };
}
