import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCore, createCore } from '../core';
import { verifyDatabase } from '../core/audit/verify';

describe('durability', () => {
  it('a process killed mid-write loses no acknowledged record and leaves a sound audit chain', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-crash-'));
    const file = path.join(dir, 'court.sqlite');
    closeCore(createCore({ file }));
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'crashWorker.ts'), file], {
      cwd: path.resolve(__dirname, '..'),
    });
    const acknowledged: number[] = [];
    let buffer = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const l of lines) acknowledged.push(Number(l));
        if (acknowledged.length >= 200 && !child.killed) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(acknowledged.length).toBeGreaterThanOrEqual(200);
    const core = createCore({ file });
    const last = core.sqlite.prepare(`SELECT last_serial FROM number_sequences WHERE type_code = '民初'`).get() as { last_serial: number };
    const audited = core.sqlite.prepare(`SELECT count(*) AS n FROM audit_log`).get() as { n: number };
    expect(last.last_serial).toBeGreaterThanOrEqual(Math.max(...acknowledged));
    expect(audited.n).toBe(last.last_serial); // every allocated number has its audit row: nothing half-written
    expect(verifyDatabase(core.sqlite).ok).toBe(true);
    closeCore(core);
  });
});
