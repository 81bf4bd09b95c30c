#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeCore, createCore } from '../core';
import { useBuiltinTemplatesDir } from '../core/documents/template/dir';
import type { Core } from '../core/context';
import { clockStartingAt } from '../core/time/clock';
import { dispatch, dispatchAs } from '../core/api/dispatcher';
import { renderApiDocs } from '../core/api/docs';
import { ROLE_KEYS, ROLES, type Role } from '../core/auth/roles';
import { systemActor } from '../core/context';
import { defaultDataDir } from '../core/dataDir';
import { databasePath } from '../db/connection';
import { listUserViews } from '../core/auth/users';
// the host (fastify and its plugins) loads only for `serve`: every other command starts without it
import type { startHost } from '../server/host';
import { DEFAULT_PORT } from '../server/port';
import { HostStartRefused } from '../server/hostLock';
import { ApiError } from '../core/api/errors';
import { normaliseCaseCode } from '../core/cases/caseCode';
import { caseView, findCaseId } from '../core/cases/service';
import { isInitialised } from '../core/court/settings';
import { normaliseCaseNumber } from '../core/numbering/caseNumber';
import { seedCases } from '../core/seed';
import { addDocumentCommands } from './documents';
import { addDeadlineCommand } from './deadline';
import { addStatsCommands } from './stats';
import { addFeeCommands } from './fees';
import { addTrustCommands } from './trust';
import { addFontCommands } from './fonts';
import { addExportCommand } from './exportList';
import { addTriageCommand } from './triage';

/**
 * The admin command line: `npm run -s court -- <command>`. Exit codes: 0 success, 1 refused or failed
 * (with a Chinese reason on stderr), 2 wrong usage.
 */
class CliFailure extends Error {}

function fail(message: string): never {
  throw new CliFailure(message);
}

function dataDirOf(opts: { data?: string }): string {
  return path.resolve(opts.data ?? defaultDataDir());
}

function openExisting(dataDir: string) {
  if (!fs.existsSync(databasePath(dataDir))) fail(`数据目录中没有数据库：${databasePath(dataDir)}（请先运行 court init）`);
  return createCore({ dataDir });
}

async function run(dataDir: string, operation: string, input: unknown): Promise<unknown> {
  const core = openExisting(dataDir);
  try {
    const r = await dispatchAs(core, systemActor(os.userInfo().username), operation, input, { client: { transport: 'cli' } });
    if (!r.ok) fail(r.error.field ? `${r.error.message}（字段：${r.error.field}）` : r.error.message);
    return r.result;
  } finally {
    closeCore(core);
  }
}

function parseRoles(list: string): Role[] {
  const byLabel = new Map<string, Role>(ROLE_KEYS.map((k) => [ROLES[k], k]));
  return list
    .split(/[,，、\s]+/)
    .filter(Boolean)
    .map((r) => {
      const role = (ROLE_KEYS as string[]).includes(r) ? (r as Role) : byLabel.get(r);
      if (!role) fail(`角色无效：${r}。可用角色：${ROLE_KEYS.map((k) => `${k}（${ROLES[k]}）`).join('、')}`);
      return role;
    });
}

function findUserId(dataDir: string, username: string): number {
  const core = openExisting(dataDir);
  try {
    const user = listUserViews(core.db).find((u) => u.username === username.toLowerCase());
    if (!user) fail(`用户不存在：${username}`);
    return user.id;
  } finally {
    closeCore(core);
  }
}

function print(value: unknown): void {
  process.stdout.write(typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);
}
function removeDatabaseFiles(dataDir: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(databasePath(dataDir) + suffix, { force: true });
  for (const name of ['audit.key', 'audit.head']) fs.rmSync(path.join(dataDir, name), { force: true });
}

const dataOption = () => new Option('--data <dir>', '数据目录（默认：桌面版的用户数据目录）');

export function buildCli(): Command {
  const program = new Command('court').description('诉服台 管理命令行').showHelpAfterError().exitOverride();

  program
    .command('init')
    .description('首次设置：建立数据库，登记本院全称、法院代字和管理员账户')
    .addOption(dataOption())
    .requiredOption('--court-name <name>', '法院全称，如 浙江省长兴县人民法院')
    .requiredOption('--court-code <code>', '法院代字，如 浙0522')
    .requiredOption('--admin <username>', '管理员用户名')
    .requiredOption('--password <password>', '管理员密码（至少 8 位，含字母和数字）')
    .option('--admin-name <name>', '管理员姓名', '系统管理员')
    .action(async (o) => {
      const dataDir = dataDirOf(o);
      const existed = fs.existsSync(databasePath(dataDir));
      const core = createCore({ dataDir });
      let initialised = false;
      try {
        const r = await dispatch(
          core,
          'setup.initialise',
          {
            courtName: o.courtName,
            courtCode: o.courtCode,
            adminUsername: o.admin,
            adminDisplayName: o.adminName,
            adminPassword: o.password,
          },
          { client: { transport: 'cli' } },
        );
        if (!r.ok) fail(r.error.field ? `${r.error.message}（字段：${r.error.field}）` : r.error.message);
        initialised = true;
      } finally {
        closeCore(core);
        // A refused init leaves nothing behind: not even an empty database file.
        if (!initialised && !existed) removeDatabaseFiles(dataDir);
      }
      print({ ok: true, dataDir, database: databasePath(dataDir) });
    });

  program
    .command('serve')
    .description('启动主机：HTTP 接口和界面，供多个窗口和法官共用（默认只监听 127.0.0.1）')
    .addOption(dataOption())
    .option('--port <n>', '端口（0 表示任选空闲端口）', String(DEFAULT_PORT))
    .option('--host <host>', '监听地址；局域网共用时填 0.0.0.0 或本机地址', '127.0.0.1')
    .option('--tls-cert <file>', '局域网使用 HTTPS 时的证书文件（PEM）；须同时给出 --tls-key')
    .option('--tls-key <file>', '证书的私钥文件（PEM）')
    .option('--clock <time>', '（培训、演示和测试用）时钟从此时刻起走，如 2027-01-04T09:00:00+08:00；正式使用时不要设置')
    .action(async (o) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`端口无效：${o.port}`);
      const dataDir = dataDirOf(o);
      let core: Core | undefined;
      if (o.clock !== undefined) {
        if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$/.test(o.clock) || Number.isNaN(Date.parse(o.clock)))
          fail(`--clock 时刻格式应如 2027-01-04T09:00:00+08:00：${o.clock}`);
        core = createCore({ dataDir, clock: clockStartingAt(o.clock) });
        process.stderr.write(`注意：本主机使用模拟时钟，从 ${o.clock} 起计时（仅供培训、演示和测试）\n`);
      }
      if (Boolean(o.tlsCert) !== Boolean(o.tlsKey)) fail('--tls-cert 和 --tls-key 须同时给出');
      let host: Awaited<ReturnType<typeof startHost>>;
      try {
        const { startHost } = await import('../server/host');
        host = await startHost({
          dataDir,
          port,
          host: o.host,
          ...(core ? { core } : {}),
          ...(o.tlsCert ? { tls: { certFile: path.resolve(o.tlsCert), keyFile: path.resolve(o.tlsKey) } } : {}),
        });
      } catch (err) {
        if (core) closeCore(core);
        if (err instanceof HostStartRefused) fail(err.message);
        if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') fail(`端口 ${port} 已被占用，请用 --port 换一个端口`);
        throw err;
      }
      process.stdout.write(`${JSON.stringify({ event: 'ready', url: host.url, dataDir })}\n`);
      const shutdown = () => {
        void host.stop().finally(() => process.exit(0));
      };
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
    });

  const user = program.command('user').description('用户管理');
  user
    .command('add')
    .description('新建用户')
    .addOption(dataOption())
    .requiredOption('--username <username>', '用户名')
    .requiredOption('--name <name>', '姓名')
    .requiredOption('--password <password>', '初始密码')
    .requiredOption('--roles <roles>', `角色，逗号分隔：${ROLE_KEYS.join(',')}（也可写中文名）`)
    .action(async (o) => {
      print(
        await run(dataDirOf(o), 'users.create', {
          username: o.username,
          displayName: o.name,
          password: o.password,
          roles: parseRoles(o.roles),
        }),
      );
    });
  user
    .command('disable')
    .description('停用用户（立即结束其会话）')
    .addOption(dataOption())
    .argument('<username>', '用户名')
    .option('--enable', '改为重新启用')
    .action(async (username: string, o) => {
      const dataDir = dataDirOf(o);
      print(await run(dataDir, 'users.setDisabled', { id: findUserId(dataDir, username), disabled: !o.enable }));
    });
  user
    .command('roles')
    .description('设置用户的角色')
    .addOption(dataOption())
    .argument('<username>', '用户名')
    .argument('<roles>', '角色，逗号分隔')
    .action(async (username: string, roles: string, o) => {
      const dataDir = dataDirOf(o);
      const id = findUserId(dataDir, username);
      const core = openExisting(dataDir);
      const current = listUserViews(core.db).find((u) => u.id === id)!;
      closeCore(core);
      print(await run(dataDir, 'users.update', { id, displayName: current.displayName, roles: parseRoles(roles) }));
    });
  user
    .command('reset-password')
    .description('重置用户密码（在主机上操作，不受登录限速影响；用户下次登录须修改密码）')
    .addOption(dataOption())
    .argument('<username>', '用户名')
    .requiredOption('--password <password>', '新的临时密码')
    .action(async (username: string, o) => {
      const dataDir = dataDirOf(o);
      print(await run(dataDir, 'users.resetPassword', { id: findUserId(dataDir, username), newPassword: o.password }));
    });
  user
    .command('list')
    .description('列出用户')
    .addOption(dataOption())
    .action(async (o) => print(await run(dataDirOf(o), 'users.list', undefined)));

  program
    .command('seed')
    .description('生成演示用案件数据（姓名、身份证号、案由、金额等均为虚构，按种子可复现）；须先运行 court init')
    .addOption(dataOption())
    .requiredOption('--cases <n>', '生成的案件数')
    .option('--seed <s>', '随机种子（相同种子生成相同数据）', '1')
    .option('--from <date>', '最早收案日期', '2021-01-01')
    .option('--to <date>', '最晚收案日期（默认今天）')
    .action((o) => {
      const cases = Number(o.cases);
      if (!/^\d+$/.test(String(o.cases)) || cases < 1 || cases > 10_000_000) fail(`案件数无效：${o.cases}（应为 1 至 10000000 的整数）`);
      const seed = Number(o.seed);
      if (!/^\d+$/.test(String(o.seed)) || seed > 0xffffffff) fail(`随机种子无效：${o.seed}（应为 0 至 4294967295 的整数）`);
      const dataDir = dataDirOf(o);
      const core = openExisting(dataDir);
      try {
        if (!isInitialised(core.db)) fail('尚未完成首次设置，请先运行 court init');
        const progress = process.stderr.isTTY
          ? (done: number, total: number) => process.stderr.write(`\r已生成 ${done} / ${total} 件${done === total ? '\n' : ''}`)
          : undefined;
        const report = seedCases(core, {
          cases,
          seed,
          from: o.from,
          ...(o.to ? { to: o.to } : {}),
          actor: systemActor(os.userInfo().username),
          ...(progress ? { onProgress: progress } : {}),
        });
        print({
          ok: true,
          cases: report.cases,
          caseIds: [report.firstCaseId, report.lastCaseId],
          byType: report.byType,
          parties: report.parties,
          agents: report.agents,
          seed: report.seed,
          receivedOn: [report.from, report.to],
          seconds: Math.round(report.ms) / 1000,
          casesPerSecond: Math.round((report.cases / report.ms) * 1000),
          database: databasePath(dataDir),
        });
      } catch (err) {
        if (err instanceof ApiError) fail(err.field ? `${err.message}（字段：${err.field}）` : err.message);
        throw err;
      } finally {
        closeCore(core);
      }
    });

  const caseCommand = program.command('case').description('案件');
  caseCommand
    .command('show')
    .description('显示一个案件（当事人、案由及其版本、时间线），JSON；身份证号完整显示')
    .addOption(dataOption())
    .option('--number <案号>', '案号，如 （2026）浙0522民初1234号（括号全角半角均可），或中心登记号 调登〔2026〕0001')
    .option('--code <code>', '案件码（一案一码），如 K7Q2-M9XD-4')
    .action((o, cmd: Command) => {
      if (Boolean(o.number) === Boolean(o.code))
        cmd.error('错误：请用 --number 或 --code 指定一个案件（二者选一）', { exitCode: 2, code: 'court.usage' });
      let by: { number: string } | { code: string };
      if (o.code) {
        const code = normaliseCaseCode(o.code);
        if (!code) fail(`案件码无效（校验位不符）：${o.code}，请核对`);
        by = { code };
      } else {
        // a 案号 as people type it; centre register numbers (调登〔2026〕0001) are matched as written
        by = { number: normaliseCaseNumber(o.number) ?? String(o.number).trim() };
      }
      const core = openExisting(dataDirOf(o));
      try {
        let id: number;
        try {
          id = findCaseId(core.db, by);
        } catch (err) {
          if (err instanceof ApiError && err.code === 'NOT_FOUND') fail(`案件不存在：${'number' in by ? by.number : o.code}`);
          throw err;
        }
        print(caseView(core.db, id, true));
      } finally {
        closeCore(core);
      }
    });

  addDocumentCommands(program, { fail, dataDirOf, openExisting, closeCore, print, dataOption });
  addFeeCommands(program, { fail, dataDirOf, openExisting, closeCore, print, dataOption });
  addTrustCommands(program, { fail, dataDirOf, openExisting, closeCore, print, dataOption });
  addFontCommands(program, { fail, dataDirOf, openExisting, closeCore, print, dataOption });
  addTriageCommand(program, { fail, dataDirOf, openExisting, closeCore, print, dataOption });
  addExportCommand(program, { fail, dataDirOf, openExisting, closeCore, print, dataOption });
  addDeadlineCommand(program, { fail, dataDirOf, openExisting, closeCore, print, dataOption });
  addStatsCommands(program, { fail, dataDirOf, openExisting, closeCore, print, dataOption });

  program
    .command('api-docs')
    .description('由接口契约生成 docs/API.md')
    .option('--out <file>', '输出文件；省略时打印')
    .action((o) => {
      const md = renderApiDocs();
      if (o.out) fs.writeFileSync(o.out, md);
      else print(md);
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  // the shipped templates are the repository's templates/ folder (the desktop app passes its resources instead)
  useBuiltinTemplatesDir(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../templates'));
  try {
    await buildCli().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.exitCode === 0) return 0;
      return 2;
    }
    if (err instanceof CliFailure) {
      process.stderr.write(`错误：${err.message}\n`);
      return 1;
    }
    process.stderr.write(`错误：${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

/** Runs the command line on this process's arguments (the built bundle's entry, cli/bin.ts, and `tsx cli/index.ts`). */
export function runFromCommandLine(): void {
  main(process.argv.slice(2)).then((code) => {
    // `serve` keeps running; every other command ends here.
    if (code !== 0 || !process.argv.slice(2).includes('serve')) process.exitCode = code;
  });
}

const invokedDirectly = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (invokedDirectly) runFromCommandLine();
