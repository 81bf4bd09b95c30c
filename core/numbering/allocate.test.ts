import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../test/harness';
import { writeTransaction } from '../audit/transaction';
import { allocateCaseNumber, allocateRegisterNumber } from './allocate';
import { createCore, closeCore } from '../index';

const run = promisify(execFile);
let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

function allocate(typeCode: string, receivedOn: string, specialCode?: string) {
  return writeTransaction(h!.core, (tx) =>
    allocateCaseNumber(tx, { courtCode: '浙0522', typeCode, receivedOn, ...(specialCode ? { specialCode } : {}) }),
  ).text;
}

describe('案号 allocation', () => {
  it('numbers from 1 per type code and restarts each calendar year of receipt', () => {
    h = createHarness();
    expect(allocate('民初', '2026-01-01')).toBe('（2026）浙0522民初1号');
    expect(allocate('民初', '2026-06-30')).toBe('（2026）浙0522民初2号');
    expect(allocate('民特', '2026-06-30')).toBe('（2026）浙0522民特1号');
    expect(allocate('民初', '2026-12-31')).toBe('（2026）浙0522民初3号');
    expect(allocate('民初', '2027-01-01')).toBe('（2027）浙0522民初1号');
    expect(allocate('民初', '2026-12-31')).toBe('（2026）浙0522民初4号'); // a late entry for last year keeps that year's series
    expect(allocate('民初', '2026-03-01', '知')).toBe('（2026）浙0522知民初1号');
  });

  it('never skips a number: a rolled-back creation gives its serial back', () => {
    h = createHarness();
    expect(allocate('民初', '2026-11-23')).toBe('（2026）浙0522民初1号');
    expect(() =>
      writeTransaction(h!.core, (tx) => {
        allocateCaseNumber(tx, { courtCode: '浙0522', typeCode: '民初', receivedOn: '2026-11-23' });
        throw new Error('the case could not be saved');
      }),
    ).toThrow('the case could not be saved');
    expect(allocate('民初', '2026-11-23')).toBe('（2026）浙0522民初2号');
  });

  it('keeps legacy 民诉前调 readable but refuses new ones from 2025', () => {
    h = createHarness();
    expect(allocate('民诉前调', '2024-12-31')).toBe('（2024）浙0522民诉前调1号');
    expect(() => allocate('民诉前调', '2025-01-02')).toThrow(/不再编立“民诉前调”案号/);
    expect(() => allocate('刑初', '2026-01-02')).toThrow(/类型代字无效/);
    expect(() => allocate('民初', '2026-01-02', '海')).toThrow(/专门审判代字无效/);
  });

  it('allocates centre register numbers from the configured pattern', () => {
    h = createHarness();
    const reg = (receivedOn: string, pattern = '调登〔{year}〕{serial:4}') =>
      writeTransaction(h!.core, (tx) => allocateRegisterNumber(tx, { courtCode: '浙0522', pattern, receivedOn })).text;
    expect(reg('2026-11-23')).toBe('调登〔2026〕0001');
    expect(reg('2026-11-24')).toBe('调登〔2026〕0002');
    expect(reg('2027-01-04')).toBe('调登〔2027〕0001');
    expect(reg('2026-11-24', '诉调{year}-{serial}')).toBe('诉调2026-1');
  });

  it('two processes allocating at once get every number exactly once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-numbering-'));
    const file = path.join(dir, 'court.sqlite');
    closeCore(createCore({ file })); // migrate once before the race
    const worker = path.resolve(__dirname, '../../test/allocateWorker.ts');
    const perProcess = 150;
    const spawnWorker = () =>
      run(process.execPath, ['--import', 'tsx', worker, file, String(perProcess), '民初'], { cwd: path.resolve(__dirname, '../..') });
    const [a, b] = await Promise.all([spawnWorker(), spawnWorker()]);
    const serials = [...JSON.parse(a.stdout), ...JSON.parse(b.stdout)].sort((x: number, y: number) => x - y);
    expect(serials).toEqual(Array.from({ length: 2 * perProcess }, (_, i) => i + 1));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
