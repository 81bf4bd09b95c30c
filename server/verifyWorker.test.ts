import { describe, expect, it } from 'vitest';
import { seedCases } from '../core/seed';
import { verifyDatabase } from '../core/audit/verify';
import { serverOnFileStore } from '../test/serverOnFile';

const court = serverOnFileStore('court-verify-');

describe('verification runs beside the host, not on its thread (issue 11 item 3)', () => {
  it('answers /api/health within 500 ms throughout a verification of a large store, with progress, and reports it', async () => {
    const { h, app, auth } = await court((h) => seedCases(h.core, { cases: 20_000, seed: 3, from: '2024-01-01', to: '2026-11-20' }));

    // the same check on the host's own thread, for comparison: this is how long /health used to stand still
    const blockingStarted = performance.now();
    expect(verifyDatabase(h.core.sqlite).ok).toBe(true);
    const blockingMs = performance.now() - blockingStarted;

    let finished = false;
    const verify = app.inject({ method: 'POST', url: '/api/audit.verify', headers: auth }).finally(() => {
      finished = true;
    });
    const healthMs: number[] = [];
    let sawProgress = false;
    while (!finished) {
      const started = performance.now();
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      healthMs.push(performance.now() - started);
      const progress = (await app.inject({ method: 'POST', url: '/api/audit.verifyProgress', headers: auth })).json() as {
        result: { running: boolean };
      };
      if (progress.result.running) sawProgress = true;
      await new Promise((r) => setTimeout(r, 20));
    }
    const res = await verify;
    expect(res.statusCode).toBe(200);
    const report = (res.json() as { result: { ok: boolean; integrity: string; mode: string } }).result;
    expect(report).toMatchObject({ ok: true, mode: 'full', integrity: 'ok' });
    expect(sawProgress).toBe(true);
    // health kept answering all along: many answers during the verification, none slow
    expect(healthMs.length).toBeGreaterThan(5);
    expect(Math.max(...healthMs)).toBeLessThan(500);
    console.log(
      `verify of 20,000 cases: on the host thread ${Math.round(blockingMs)} ms blocked; in the worker ${healthMs.length} health answers, slowest ${Math.round(Math.max(...healthMs))} ms`,
    );
  }, 300_000);
});
