import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, createHarness, setUpCourt, userToken, type Harness } from '../../test/harness';
import { civilFirstInstance } from '../../test/fixtures';
import { openForVerify, verifyDatabase } from '../audit/verify';
import { checkBackup, restoreBackup, takeBackup, RestoreRefused } from './backupFile';
import { backupStatus, pruneBackups } from './service';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

const tmp = (p: string) => fs.mkdtempSync(path.join(os.tmpdir(), p));

async function deskOnDisk() {
  const dir = tmp('court-backup-');
  h = createHarness({ file: path.join(dir, 'court.sqlite') });
  const admin = await setUpCourt(h);
  const clerk = await userToken(h, admin, 'clerk1', '李书记', ['clerk']);
  return { dir, admin, clerk, h };
}

function verifyDir(dir: string) {
  const o = openForVerify(dir);
  try {
    return verifyDatabase(o.sqlite, { seal: o.seal, head: o.head });
  } finally {
    o.close();
  }
}

describe('backup and restore', () => {
  it('a backup taken during a stream of filings restores every acknowledged record, verified, with the same counts', async () => {
    const { dir, clerk, h } = await deskOnDisk();
    for (let i = 0; i < 40; i++) await h.call('cases.file', civilFirstInstance({ amountFen: 100_000 + i }) as never, clerk);
    const acknowledged: string[] = [];
    let stop = false;
    const stream = (async () => {
      for (let i = 0; !stop; i++) {
        const c = await h.call('cases.file', civilFirstInstance({ amountFen: 500_000 + i }) as never, clerk);
        acknowledged.push(c.number);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const out = path.join(tmp('court-out-'), 'drill.courtbak');
    let steps = 0;
    const ackBefore = () => [...acknowledged];
    await new Promise((r) => setTimeout(r, 20));
    const beforeBackup = ackBefore();
    const result = await takeBackup(h.core.sqlite, {
      out,
      dataDir: dir,
      now: () => h.clock.now(),
      pagesPerStep: 2,
      onProgress: () => steps++,
    });
    const duringBackup = ackBefore();
    stop = true;
    await stream;
    // copied in steps with filings between them; once a filing grows the file the copy finishes in one step
    // (backupFile.ts), so how many steps depends on when the first filing lands: at least two and the final report
    expect(steps).toBeGreaterThanOrEqual(3);
    expect(duringBackup.length).toBeGreaterThan(beforeBackup.length);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);

    const check = checkBackup(out);
    expect(check.problems).toEqual([]);
    expect(check.manifest!.counts.cases).toBe(40 + duringBackup.length);

    const target = path.join(tmp('court-restore-'), 'data');
    const restored = restoreBackup(out, target, { now: () => new Date() });
    expect(restored.report.problems).toEqual([]);
    expect(restored.replacedTo).toBeNull();
    const again = verifyDir(target);
    expect(again.ok).toBe(true);
    const copy = createHarness({ file: path.join(target, 'court.sqlite') });
    try {
      const numbers = new Set((copy.core.sqlite.prepare('SELECT number FROM cases').all() as { number: string }[]).map((r) => r.number));
      for (const n of duringBackup) expect(numbers.has(n)).toBe(true);
      for (const [table, n] of Object.entries(result.manifest.counts)) {
        if (table === 'audit_log' || table === 'audit_digests') continue; // the restored store's own start may append
        expect((copy.core.sqlite.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n, table).toBe(n);
      }
    } finally {
      copy.close();
    }
  });

  it('restore refuses to replace a store without --force, and keeps the replaced one aside', async () => {
    const { dir, clerk, h } = await deskOnDisk();
    await h.call('cases.file', civilFirstInstance() as never, clerk);
    const out = path.join(tmp('court-out-'), 'a.courtbak');
    await takeBackup(h.core.sqlite, { out, dataDir: dir, now: () => h.clock.now() });
    const target = tmp('court-existing-');
    const other = createHarness({ file: path.join(target, 'court.sqlite') });
    await setUpCourt(other);
    other.close();
    expect(() => restoreBackup(out, target, { now: () => new Date() })).toThrow(RestoreRefused);
    expect(() => restoreBackup(out, target, { now: () => new Date() })).toThrow(/已有数据库.*--force/);
    const r = restoreBackup(out, target, { force: true, now: () => new Date() });
    expect(r.replacedTo).not.toBeNull();
    expect(fs.existsSync(path.join(r.replacedTo!, 'court.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(r.replacedTo!, 'audit.key'))).toBe(true);
    expect(verifyDir(target).ok).toBe(true);
  });

  it('refuses a backup whose copy was altered after it was taken', async () => {
    const { dir, clerk, h } = await deskOnDisk();
    await h.call('cases.file', civilFirstInstance() as never, clerk);
    const out = path.join(tmp('court-out-'), 'b.courtbak');
    await takeBackup(h.core.sqlite, { out, dataDir: dir, now: () => h.clock.now() });
    const Database = (await import('better-sqlite3')).default;
    const db = new Database(out);
    db.exec('UPDATE cases SET amount_fen = 1');
    db.close();
    const check = checkBackup(out);
    expect(check.ok).toBe(false);
    expect(check.problems.join()).toMatch(/争议金额与审计记录不符/);
    expect(() => restoreBackup(out, tmp('court-new-'), { now: () => new Date() })).toThrow(/备份未通过校验/);
  });

  it('the admin backup: runs in the background, recorded with its result, older files pruned, overdue warned', async () => {
    const { dir, admin, h } = await deskOnDisk();
    const status0 = await h.call('backup.status', undefined, admin);
    expect(status0.overdue).toBe(true);
    expect(status0.warning).toMatch(/尚无成功的备份/);
    const folder = path.join(dir, 'usb');
    await h.call('backup.setPolicy', { folder, everyHours: 24, keep: 2, enabled: true }, admin);
    const bad = await h.fail('backup.setPolicy', { folder: 'relative/dir', everyHours: 24, keep: 2, enabled: true }, admin);
    expect(bad).toMatchObject({ field: 'folder', message: expect.stringContaining('完整路径') });
    for (let i = 0; i < 3; i++) {
      const { runId } = await h.call('backup.start', undefined, admin);
      let progress = await h.call('backup.progress', { runId }, admin);
      while (progress.state === 'running') {
        await new Promise((r) => setTimeout(r, 5));
        progress = await h.call('backup.progress', { runId }, admin);
      }
      expect(progress).toMatchObject({ state: 'done', message: expect.stringContaining('审计记录') });
      h.clock.advance(3_600_000);
    }
    expect(fs.readdirSync(folder).filter((f) => f.endsWith('.courtbak'))).toHaveLength(2);
    const status = backupStatus(h.core);
    expect(status.overdue).toBe(false);
    expect(status.runs.map((r) => r.present)).toEqual([true, true, false]);
    h.clock.advance(30 * 3_600_000);
    const again = (await h.call('auth.login', { username: ADMIN.username, password: ADMIN.password })).token;
    expect((await h.call('backup.status', undefined, again)).warning).toMatch(/超过备份间隔 24 小时/);
    expect(pruneBackups(folder, 1)).toHaveLength(1);
    const audited = h.core.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE operation = 'backup.setPolicy'`).get() as {
      n: number;
    };
    expect(audited.n).toBe(1);
  });
});
