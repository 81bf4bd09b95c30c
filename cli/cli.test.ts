import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');

function court(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'cli/index.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function freshDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'court-cli-'));
}

function init(dir: string, ...extra: string[]) {
  return court('init', '--data', dir, '--court-name', '浙江省长兴县人民法院', '--court-code', '浙0522', '--admin', 'admin', '--password', 'Court2026ok', ...extra);
}

describe('court CLI', () => {
  it('init, user add / roles / disable, then verify passes', () => {
    const dir = freshDir();
    expect(init(dir).code).toBe(0);
    const add = court('user', 'add', '--data', dir, '--username', 'clerk1', '--name', '李书记', '--password', 'Clerk2026ok', '--roles', 'clerk,文书打印');
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout).roles).toEqual(['clerk', 'print']);
    expect(JSON.parse(court('user', 'roles', '--data', dir, 'clerk1', 'judge').stdout).roles).toEqual(['judge']);
    expect(JSON.parse(court('user', 'disable', '--data', dir, 'clerk1').stdout).disabled).toBe(true);
    const verify = court('verify', '--data', dir);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, integrity: 'ok', auditRows: 5 });
    // the command line is named in the audit log
    const db = new Database(path.join(dir, 'court.sqlite'), { readonly: true });
    expect((db.prepare('SELECT actor_name FROM audit_log WHERE id = 3').get() as { actor_name: string }).actor_name).toMatch(/^命令行管理/);
    db.close();
  });

  it('verify fails and names the audit row edited by hand', () => {
    const dir = freshDir();
    init(dir);
    court('user', 'add', '--data', dir, '--username', 'clerk1', '--name', '李书记', '--password', 'Clerk2026ok', '--roles', 'clerk');
    const db = new Database(path.join(dir, 'court.sqlite'));
    db.prepare(`UPDATE audit_log SET after = replace(after, 'clerk', 'admin') WHERE id = 3`).run();
    db.close();
    const verify = court('verify', '--data', dir);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toMatch(/第 3 条审计记录的内容被改动/);
    expect(JSON.parse(verify.stdout).firstBroken.id).toBe(3);
  });

  it('refuses a bad court code or weak password naming the field, and leaves no database behind', () => {
    const dir = freshDir();
    const bad = court('init', '--data', dir, '--court-name', '浙江省长兴县人民法院', '--court-code', '浙522', '--admin', 'admin', '--password', 'Court2026ok');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/法院代字格式不正确.*字段：courtCode/);
    const weak = court('init', '--data', dir, '--court-name', '浙江省长兴县人民法院', '--court-code', '浙0522', '--admin', 'admin', '--password', 'password');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/密码须同时包含字母和数字/);
    expect(fs.existsSync(path.join(dir, 'court.sqlite'))).toBe(false);
  });

  it('gives clear errors and exit codes for wrong usage', () => {
    const dir = freshDir();
    expect(court('frobnicate').code).toBe(2);
    expect(court('verify', '--data', dir).stderr).toMatch(/数据目录中没有数据库/);
    init(dir);
    const badRole = court('user', 'add', '--data', dir, '--username', 'x1', '--name', '甲', '--password', 'Xyz2026ok', '--roles', 'boss');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/角色无效：boss/);
  });
});
