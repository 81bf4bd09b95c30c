import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeCore } from '../index';
import { createHarness, setUpCourt, userToken, type Harness } from '../../test/harness';
import { fileCivil } from '../../test/fixtures';
import { GENESIS_HASH } from './log';
import { readHead, readSeal } from './seal';
import { openForVerify, verifyDatabase } from './verify';

let h: Harness | undefined;
let dir = '';
afterEach(() => {
  try {
    h?.close();
  } catch {
    // already closed by the test
  }
  h = undefined;
});

/** A court on disk with two filed cases, a clerk, a fee payment: closed cleanly. */
async function courtOnDisk() {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-tamper-'));
  h = createHarness({ file: path.join(dir, 'court.sqlite') });
  const admin = await setUpCourt(h);
  const clerk = await userToken(h, admin, 'clerk1', '李书记', ['clerk']);
  const first = await fileCivil(h, clerk);
  const second = await fileCivil(h, clerk, { amountFen: 2_000_000 });
  h.close();
  h = undefined;
  return { first, second };
}

function edit(sql: string): void {
  const db = new Database(path.join(dir, 'court.sqlite'));
  db.exec(sql);
  db.close();
}

function verifyDir() {
  const opened = openForVerify(dir);
  try {
    return verifyDatabase(opened.sqlite, { seal: opened.seal, head: opened.head, notes: opened.notes, problems: opened.problems });
  } finally {
    opened.close();
  }
}

describe('court verify names each kind of tampering', () => {
  it('passes an untouched store, read-only, with every audited record checked', async () => {
    await courtOnDisk();
    const mode = fs.statSync(dir).mode & 0o777;
    expect(mode).toBe(0o700);
    for (const f of ['court.sqlite', 'audit.key', 'audit.head']) expect(fs.statSync(path.join(dir, f)).mode & 0o777).toBe(0o600);
    const report = verifyDir();
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    // 2 cases, 2 parties, 2 users, the settings
    expect(report.recordsChecked).toBeGreaterThanOrEqual(7);
    // nothing was written: the chain head and the key are as they were
    expect(verifyDir().ok).toBe(true);
  });

  it('names a case whose amount in dispute was edited in SQLite', async () => {
    const { first } = await courtOnDisk();
    edit(`UPDATE cases SET amount_fen = 100 WHERE id = ${first.id}`);
    const report = verifyDir();
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatch(new RegExp(`^案件${first.number.replace(/[()（）]/g, '.')}的争议金额与审计记录不符`));
    expect(report.tampered).toHaveLength(1);
  });

  it('names a party whose ID number was edited', async () => {
    await courtOnDisk();
    edit(`UPDATE parties SET id_number = '330522198503121230' WHERE name = '张三'`);
    const report = verifyDir();
    expect(report.problems).toEqual([expect.stringMatching(/^当事人张三（编号 \d+）的身份证件号码与审计记录不符/)]);
  });

  it('names a user whose roles were changed', async () => {
    await courtOnDisk();
    edit(`INSERT INTO user_roles (user_id, role) SELECT id, 'admin' FROM users WHERE username = 'clerk1'`);
    const report = verifyDir();
    expect(report.problems).toEqual([expect.stringMatching(/^用户 clerk1的角色与审计记录不符/)]);
  });

  it('finds the last audit rows deleted (the chain head outside the database)', async () => {
    await courtOnDisk();
    const head = readHead(dir)!;
    edit(`DELETE FROM audit_log WHERE id > ${head.count - 2}; DELETE FROM audit_digests WHERE audit_id > ${head.count - 2}`);
    const report = verifyDir();
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toContain(`第 ${head.count - 1} 至第 ${head.count} 条不在数据库中`);
  });

  it('finds an audit row edited with the chain recomputed without the key', async () => {
    await courtOnDisk();
    // the forger recomputes every hash with plain SHA-256, as the old chain did
    const db = new Database(path.join(dir, 'court.sqlite'));
    db.prepare(`UPDATE audit_log SET actor_name = '他人' WHERE id = 3`).run();
    let prev = GENESIS_HASH;
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, string | number | null>[];
    for (const r of rows) {
      const content = [
        r.id,
        r.at,
        r.actor_id ?? '',
        r.actor_name,
        r.operation,
        r.entity_type,
        r.entity_id ?? '',
        r.before ?? '',
        r.after ?? '',
        r.state_digest ?? '',
      ].join('\u001f');
      const hash = createHash('sha256').update(prev).update('\u001e').update(content).digest('hex');
      db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, r.id);
      prev = hash;
    }
    db.close();
    const report = verifyDir();
    expect(report.firstBroken?.id).toBe(1);
    expect(report.problems.join('\n')).toContain('审计链在没有密钥的情况下被重新计算');
    expect(report.problems.join('\n')).toContain('与链头文件（audit.head）不符');
  });

  it('says so when a copy taken while the store was open lacks its WAL file', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'court-tamper-'));
    h = createHarness({ file: path.join(dir, 'court.sqlite') });
    const admin = await setUpCourt(h);
    const clerk = await userToken(h, admin, 'clerk1', '李书记', ['clerk']);
    h.core.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await fileCivil(h, clerk);
    await fileCivil(h, clerk);
    // copy what a careless admin copies: the main file, the key and the head, not the WAL
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'court-copy-'));
    for (const f of ['court.sqlite', 'court.sqlite-shm', 'audit.key', 'audit.head']) fs.copyFileSync(path.join(dir, f), path.join(copy, f));
    closeCore(h.core);
    h = undefined;
    dir = copy;
    const report = verifyDir();
    expect(report.ok).toBe(false);
    expect(report.problems.join('\n')).toContain('缺少 WAL 文件 court.sqlite-wal');
    expect(report.problems.join('\n')).toMatch(/不在数据库中（被删除，或复制数据库时遗漏了 WAL 文件/);
  });

  it('a store without a key is sealed at its next start and verifies from there', async () => {
    await courtOnDisk();
    const before = readSeal(dir)!;
    expect(before.keyedFrom).toBe(1);
    fs.rmSync(path.join(dir, 'audit.key'));
    fs.rmSync(path.join(dir, 'audit.head'));
    // the old chain, plain SHA-256 up to now, as a store from before the key
    const db = new Database(path.join(dir, 'court.sqlite'));
    let prev = GENESIS_HASH;
    for (const r of db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, string | number | null>[]) {
      const content = [
        r.id,
        r.at,
        r.actor_id ?? '',
        r.actor_name,
        r.operation,
        r.entity_type,
        r.entity_id ?? '',
        r.before ?? '',
        r.after ?? '',
      ].join('\u001f');
      const hash = createHash('sha256').update(prev).update('\u001e').update(content).digest('hex');
      db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ?, state_digest = NULL WHERE id = ?').run(prev, hash, r.id);
      prev = hash;
    }
    const rows = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    db.exec('DELETE FROM audit_digests');
    db.close();
    h = createHarness({ file: path.join(dir, 'court.sqlite') });
    expect(h.core.auditSeal!.keyedFrom).toBe(rows + 1);
    const seal = h.core.sqlite.prepare('SELECT operation, after FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
      operation: string;
      after: string;
    };
    expect(seal.operation).toBe('audit.seal');
    h.close();
    h = undefined;
    expect(verifyDir()).toMatchObject({ ok: true, keyedRows: 1 });
  });
});

describe('court verify --quick', () => {
  it('checks only what changed since the last verified row, and still names a record edited since', async () => {
    const { second } = await courtOnDisk();
    const full = verifyDir();
    expect(full.ok).toBe(true);
    const head = readHead(dir)!;
    const opened = openForVerify(dir);
    const quick = verifyDatabase(opened.sqlite, { seal: opened.seal, head: opened.head, quick: true, quickFrom: head });
    opened.close();
    expect(quick).toMatchObject({ ok: true, mode: 'quick', recordsChecked: 0 });
    // a new audited change, then a direct edit of the record it wrote
    h = createHarness({ file: path.join(dir, 'court.sqlite') });
    const admin = await setUpCourtLogin(h);
    await fileCivil(h, admin.clerk, { amountFen: 3_000_000 });
    h.close();
    h = undefined;
    edit(`UPDATE cases SET claims = '（被改动）' WHERE id = (SELECT max(id) FROM cases)`);
    const o2 = openForVerify(dir);
    const r = verifyDatabase(o2.sqlite, { seal: o2.seal, head: o2.head, quick: true, quickFrom: head });
    o2.close();
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.stringMatching(/的诉讼请求与审计记录不符/)]);
    expect(r.tampered[0]!.id).not.toBe(String(second.id));
  });
});

async function setUpCourtLogin(h: Harness) {
  const clerk = (await h.call('auth.login', { username: 'clerk1', password: 'Court2026ok' })).token;
  return { clerk };
}
