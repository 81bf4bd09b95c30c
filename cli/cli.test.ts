import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { court, initCourt } from '../test/cli';

function freshDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'court-cli-'));
}

const init = initCourt;

describe('court CLI', () => {
  it('init, user add / roles / disable, then verify passes', async () => {
    const dir = freshDir();
    expect((await init(dir)).code).toBe(0);
    const add = await court(
      'user',
      'add',
      '--data',
      dir,
      '--username',
      'clerk1',
      '--name',
      '李书记',
      '--password',
      'Clerk2026ok',
      '--roles',
      'clerk,文书打印',
    );
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout).roles).toEqual(['clerk', 'print']);
    expect(JSON.parse((await court('user', 'roles', '--data', dir, 'clerk1', 'judge')).stdout).roles).toEqual(['judge']);
    expect(JSON.parse((await court('user', 'disable', '--data', dir, 'clerk1')).stdout).disabled).toBe(true);
    const verify = await court('verify', '--data', dir);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, integrity: 'ok', auditRows: 5 });
    // the command line is named in the audit log
    const db = new Database(path.join(dir, 'court.sqlite'), { readonly: true });
    expect((db.prepare('SELECT actor_name FROM audit_log WHERE id = 3').get() as { actor_name: string }).actor_name).toMatch(/^命令行管理/);
    db.close();
  });

  it('verify fails and names the audit row edited by hand', async () => {
    const dir = freshDir();
    await init(dir);
    await court('user', 'add', '--data', dir, '--username', 'clerk1', '--name', '李书记', '--password', 'Clerk2026ok', '--roles', 'clerk');
    const db = new Database(path.join(dir, 'court.sqlite'));
    db.prepare(`UPDATE audit_log SET after = replace(after, 'clerk', 'admin') WHERE id = 3`).run();
    db.close();
    const verify = await court('verify', '--data', dir);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toMatch(/第 3 条审计记录的内容被改动/);
    expect(JSON.parse(verify.stdout).firstBroken.id).toBe(3);
  });

  it('refuses a bad court code or weak password naming the field, and leaves no database behind', async () => {
    const dir = freshDir();
    const bad = await court(
      'init',
      '--data',
      dir,
      '--court-name',
      '浙江省长兴县人民法院',
      '--court-code',
      '浙522',
      '--admin',
      'admin',
      '--password',
      'Court2026ok',
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/法院代字格式不正确.*字段：courtCode/);
    const weak = await court(
      'init',
      '--data',
      dir,
      '--court-name',
      '浙江省长兴县人民法院',
      '--court-code',
      '浙0522',
      '--admin',
      'admin',
      '--password',
      'password',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/密码须同时包含字母和数字/);
    expect(fs.existsSync(path.join(dir, 'court.sqlite'))).toBe(false);
  });

  it('gives clear errors and exit codes for wrong usage', async () => {
    const dir = freshDir();
    expect((await court('frobnicate')).code).toBe(2);
    expect((await court('verify', '--data', dir)).stderr).toMatch(/数据目录中没有数据库/);
    await init(dir);
    const badRole = await court(
      'user',
      'add',
      '--data',
      dir,
      '--username',
      'x1',
      '--name',
      '甲',
      '--password',
      'Xyz2026ok',
      '--roles',
      'boss',
    );
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/角色无效：boss/);
  });

  it('seed fills an initialised court; case show prints a case by 案号 or code with parties, cause and timeline', async () => {
    const dir = freshDir();
    const before = await court('seed', '--data', dir, '--cases', '50');
    expect(before.code).toBe(1);
    expect(before.stderr).toMatch(/数据目录中没有数据库.*请先运行 court init/);
    await init(dir);
    const seeded = await court('seed', '--data', dir, '--cases', '120', '--seed', '9');
    expect(seeded.code).toBe(0);
    const report = JSON.parse(seeded.stdout);
    expect(report).toMatchObject({ ok: true, cases: 120, caseIds: [1, 120], seed: 9 });
    expect(report.seconds).toBeGreaterThan(0);
    expect(Object.values(report.byType as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(120);

    const db = new Database(path.join(dir, 'court.sqlite'), { readonly: true });
    const c = db.prepare(`SELECT number, code FROM cases WHERE case_type = '民初' ORDER BY id DESC LIMIT 1`).get() as {
      number: string;
      code: string;
    };
    const reg = db.prepare(`SELECT number FROM cases WHERE case_type = '调登' LIMIT 1`).get() as { number: string };
    const seedAudit = db.prepare(`SELECT actor_name, after FROM audit_log WHERE operation = 'seed.cases'`).all() as {
      actor_name: string;
      after: string;
    }[];
    db.close();
    expect(seedAudit).toHaveLength(1);
    expect(seedAudit[0]!.actor_name).toMatch(/^命令行管理/);

    // half-width brackets as people type them
    const shown = await court('case', 'show', '--data', dir, '--number', c.number.replace('（', '(').replace('）', ')'));
    expect(shown.code).toBe(0);
    const view = JSON.parse(shown.stdout);
    expect(view.number).toBe(c.number);
    expect(view.parties.length).toBeGreaterThanOrEqual(2);
    expect(view.parties.every((p: { party: { idMasked: boolean } }) => p.party.idMasked === false)).toBe(true);
    expect(view.cause).toEqual(expect.objectContaining({ revision: expect.stringMatching(/^20(20|25)$/), name: expect.any(String) }));
    expect(view.timeline).toEqual([expect.objectContaining({ kind: 'filed', actorName: expect.stringMatching(/^命令行管理/) })]);
    const byCode = await court(
      'case',
      'show',
      '--data',
      dir,
      '--code',
      `${c.code.slice(0, 4)}-${c.code.slice(4, 8)}-${c.code.slice(8)}`.toLowerCase(),
    );
    expect(JSON.parse(byCode.stdout).number).toBe(c.number);
    expect(JSON.parse((await court('case', 'show', '--data', dir, '--number', reg.number)).stdout).caseType).toBe('调登');

    // a second run continues the ids and series, and the audit chain still verifies
    expect(JSON.parse((await court('seed', '--data', dir, '--cases', '30', '--seed', '10')).stdout).caseIds).toEqual([121, 150]);
    expect((await court('verify', '--data', dir)).code).toBe(0);
  }, 120_000);

  it('seed and case show refuse bad input with Chinese reasons and exit codes', async () => {
    const dir = freshDir();
    await init(dir);
    const badCount = await court('seed', '--data', dir, '--cases', '-5');
    expect(badCount.code).toBe(1);
    expect(badCount.stderr).toMatch(/案件数无效/);
    const badSeed = await court('seed', '--data', dir, '--cases', '5', '--seed', 'abc');
    expect(badSeed.code).toBe(1);
    expect(badSeed.stderr).toMatch(/随机种子无效/);
    const badRange = await court('seed', '--data', dir, '--cases', '5', '--from', '2026-02-01', '--to', '2025-01-01');
    expect(badRange.code).toBe(1);
    expect(badRange.stderr).toMatch(/收案日期范围无效/);
    expect((await court('seed', '--data', dir)).code).toBe(2); // --cases is required

    const missing = await court('case', 'show', '--data', dir, '--number', '（2026）浙0522民初99999号');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/案件不存在：（2026）浙0522民初99999号/);
    const badCode = await court('case', 'show', '--data', dir, '--code', 'K7Q2M9XD5');
    expect(badCode.code).toBe(1);
    expect(badCode.stderr).toMatch(/案件码无效/);
    const neither = await court('case', 'show', '--data', dir);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/请用 --number 或 --code 指定一个案件/);
  }, 120_000);
});
