import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCore, createCore } from '../index';
import { createHarness, setUpCourt } from '../../test/harness';
import { buildServer } from '../../server/app';
import { storeHealth } from './health';

describe('storeHealth', () => {
  it('is ok for a writable store, and the health route says so', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-health-'));
    const h = createHarness({ file: path.join(dir, 'court.sqlite') });
    await setUpCourt(h);
    expect(storeHealth(h.core).ok).toBe(true);
    const app = await buildServer({ core: h.core });
    const r = await app.inject({ method: 'GET', url: '/api/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ ok: true, initialised: true });
    await app.close();
    h.close();
  });

  it('reports a store opened read-only with the reason, and the route answers 503', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-health-'));
    closeCore(createCore({ dataDir: dir }));
    const core = createCore({ dataDir: dir });
    const ro = new Database(path.join(dir, 'court.sqlite'), { readonly: true });
    const readOnly = { ...core, sqlite: ro };
    expect(storeHealth(readOnly)).toMatchObject({ ok: false, problem: 'readonly', reason: expect.stringContaining('只读') });
    const app = await buildServer({ core: readOnly });
    const r = await app.inject({ method: 'GET', url: '/api/health' });
    expect(r.statusCode).toBe(503);
    expect(r.json()).toMatchObject({ ok: false, problem: 'readonly' });
    await app.close();
    ro.close();
    closeCore(core);
  });

  it('reports a corrupt store', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-health-'));
    const file = path.join(dir, 'court.sqlite');
    fs.writeFileSync(file, Buffer.alloc(8192, 7));
    const sqlite = new Database(file);
    const health = storeHealth({ sqlite, dataDir: dir } as never);
    expect(health).toMatchObject({ ok: false, problem: 'corrupt' });
    sqlite.close();
  });
});
