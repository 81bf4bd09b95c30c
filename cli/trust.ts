import Database from 'better-sqlite3';
import type { Command } from 'commander';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readVerified, writeVerified } from '../core/audit/seal';
import { openForVerify, verifyDatabase, type VerifyProgress } from '../core/audit/verify';
import { BACKUP_EXTENSION, checkBackup, restoreBackup, RestoreRefused, takeBackup } from '../core/backup';
import { isoShanghai, systemClock } from '../core/time/clock';
import { databasePath } from '../db/connection';
import type { CliHelpers } from './documents';

/**
 * `court verify`, `court backup`, `court restore`: the admin's tools for trusting the data. verify and backup
 * open the store without migrating or writing to it, so they run while the host serves (and on a copy on
 * read-only media).
 */

const PHASES: Record<VerifyProgress['phase'], string> = { integrity: 'SQLite 完整性检查', chain: '审计链', records: '数据摘要' };

function progressPrinter(): ((p: VerifyProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (p) => process.stderr.write(`\r${PHASES[p.phase]}：${p.done} / ${p.total}        ${p.done >= p.total ? '\n' : ''}`);
}

export function addTrustCommands(program: Command, h: CliHelpers): void {
  program
    .command('verify')
    .description(
      '检查数据库完整性、审计链（密钥校验、链头）和每条受审计记录的内容；正常时退出码 0，否则非 0 并说明原因。只读打开，不写入数据库',
    )
    .addOption(h.dataOption())
    .option('--quick', '快速检查：只查上次检查通过之后的审计记录和它们涉及的数据（不做 SQLite 完整性检查），供定时任务使用')
    .option('--backup <file>', '检查一个备份文件（清单、审计链和数据），而不是数据目录')
    .action((o) => {
      if (o.backup) {
        const check = checkBackup(path.resolve(o.backup), { ...(progressPrinter() ? { onProgress: progressPrinter()! } : {}) });
        h.print({ ok: check.ok, manifest: check.manifest, problems: check.problems, report: check.report });
        if (!check.ok) h.fail(`备份校验未通过：${check.problems.join('；')}`);
        return;
      }
      const dataDir = h.dataDirOf(o);
      if (!fs.existsSync(databasePath(dataDir))) h.fail(`数据目录中没有数据库：${databasePath(dataDir)}（请先运行 court init）`);
      const opened = openForVerify(dataDir);
      try {
        const progress = progressPrinter();
        const report = verifyDatabase(opened.sqlite, {
          seal: opened.seal,
          head: opened.head,
          notes: opened.notes,
          problems: opened.problems,
          quick: Boolean(o.quick),
          quickFrom: o.quick ? readVerified(dataDir) : null,
          ...(progress ? { onProgress: progress } : {}),
        });
        h.print(report);
        if (report.ok) {
          const last = opened.sqlite.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
            { id: number; hash: string } | undefined;
          // remember where the next quick check starts (skipped on read-only media)
          if (last && report.auditRows >= last.id) {
            try {
              writeVerified(dataDir, { count: last.id, hash: last.hash, at: new Date().toISOString() });
            } catch {
              // read-only copy
            }
          }
        } else {
          h.fail(`校验未通过：${report.problems.join('；')}`);
        }
      } finally {
        opened.close();
      }
    });

  program
    .command('backup')
    .description('备份：在程序或主机运行时复制出一份一致的数据库（SQLite 在线备份），连同清单和审计密钥写入一个备份文件，并校验')
    .addOption(h.dataOption())
    .option('--out <file>', `备份文件（默认：数据目录下 backups/court-时间${BACKUP_EXTENSION}）`)
    .action(async (o) => {
      const dataDir = h.dataDirOf(o);
      const file = databasePath(dataDir);
      if (!fs.existsSync(file)) h.fail(`数据目录中没有数据库：${file}（请先运行 court init）`);
      const stamp = isoShanghai(systemClock.now()).slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
      const out = path.resolve(o.out ?? path.join(dataDir, 'backups', `court-${stamp}${BACKUP_EXTENSION}`));
      if (fs.existsSync(out)) h.fail(`备份文件已存在：${out}`);
      const source = new Database(file, { fileMustExist: true });
      source.pragma('busy_timeout = 2000');
      let result;
      try {
        result = await takeBackup(source, {
          out,
          dataDir,
          now: () => systemClock.now(),
          ...(process.stderr.isTTY
            ? { onProgress: (p: { done: number; total: number }) => process.stderr.write(`\r已复制 ${p.done} / ${p.total} 页   `) }
            : {}),
        });
      } finally {
        source.close();
      }
      if (process.stderr.isTTY) process.stderr.write('\n');
      const check = checkBackup(result.file);
      h.print({
        ok: check.ok,
        file: result.file,
        bytes: result.bytes,
        seconds: result.ms / 1000,
        manifest: result.manifest,
        problems: check.problems,
      });
      process.stderr.write(
        `注意：备份文件含审计密钥（audit.key）和全部案件数据，请像保管数据目录一样保管备份（${os.userInfo().username} 以外的用户不应能读取）\n`,
      );
      if (!check.ok) h.fail(`备份校验未通过：${check.problems.join('；')}`);
    });

  program
    .command('restore')
    .description(
      '从备份恢复：先校验备份；数据目录中已有数据库时须加 --force，原数据库移到 replaced-时间 文件夹保留。恢复前请先停止主机和桌面程序',
    )
    .requiredOption('--from <file>', '备份文件')
    .addOption(h.dataOption())
    .option('--force', '替换数据目录中已有的数据库（原数据库保留在数据目录下）')
    .action((o) => {
      const dataDir = h.dataDirOf(o);
      try {
        const r = restoreBackup(path.resolve(o.from), dataDir, { force: Boolean(o.force), now: () => systemClock.now() });
        h.print({
          ok: r.report.ok,
          dataDir,
          database: databasePath(dataDir),
          backupTakenAt: r.manifest.createdAt,
          counts: r.manifest.counts,
          replacedTo: r.replacedTo,
          verify: r.report,
        });
        if (!r.report.ok) h.fail(`恢复后的数据库校验未通过：${r.report.problems.join('；')}`);
      } catch (err) {
        if (err instanceof RestoreRefused) h.fail(err.message);
        throw err;
      }
    });
}
