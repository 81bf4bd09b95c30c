import { describe, expect, it } from 'vitest';
import { countRows } from '../test/harness';
import { holdWriteLock } from '../test/lockHolder';
import { serverOnFileStore } from '../test/serverOnFile';

const court = serverOnFileStore('court-busy-');

describe('a write waiting for the lock does not freeze the host (issue 11 item 3)', () => {
  it('answers health and reads at once while another process holds the write lock for 8 s, then saves the write', async () => {
    const { h, app, file, auth } = await court();
    const usersBefore = countRows(h.core, 'users');

    const lock = await holdWriteLock(file, 8000);
    const writeStarted = performance.now();
    const write = app.inject({
      method: 'POST',
      url: '/api/users.create',
      headers: auth,
      payload: { username: 'li.clerk', displayName: '李书记员', password: 'Clerk2026ok', roles: ['clerk'] },
    });
    await new Promise((r) => setTimeout(r, 200)); // the write is now waiting for the lock

    const healthStarted = performance.now();
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    const healthMs = performance.now() - healthStarted;
    expect(health.statusCode).toBe(200);
    expect(healthMs).toBeLessThan(1000);

    const readStarted = performance.now();
    const read = await app.inject({ method: 'POST', url: '/api/users.list', headers: auth });
    expect(read.statusCode).toBe(200);
    expect(performance.now() - readStarted).toBeLessThan(1000);

    const res = await write;
    expect(res.statusCode).toBe(200);
    expect(performance.now() - writeStarted).toBeGreaterThan(7500); // it waited the 8 s for the other process
    await lock.released;
    expect(countRows(h.core, 'users')).toBe(usersBefore + 1);
  });
});
