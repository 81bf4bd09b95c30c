import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { exportList, REGISTER_NAMES, REGISTERS, type RegisterName } from '../core/lists';
import { REGISTER_LABELS } from '../core/lists/meta';
import { isIsoDate } from '../core/time/clock';
import type { CliHelpers } from './documents';

/**
 * `court export --data DIR --what cases … [--from DATE] [--to DATE] --out FILE.xlsx` (issue 15, item 3): a
 * register's list to Excel, the same columns and cells as the desk's 导出 Excel, streamed (flat memory at a
 * million rows) with a progress bar on stderr. The file appears only when complete (written next to it, then
 * renamed), so a stopped export never leaves half a workbook under the name asked for.
 */

function bar(done: number, total: number): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const width = 30;
  const full = Math.round(share * width);
  return `[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${(share * 100).toFixed(1).padStart(5)}%  ${done} / ${total} 行`;
}

export function addExportCommand(program: Command, h: CliHelpers): void {
  program
    .command('export')
    .description('把一个登记簿的列表导出为 Excel 工作簿（中文表头，日期为日期，金额以元计）；进度显示在标准错误上')
    .addOption(h.dataOption())
    .requiredOption('--what <register>', `登记簿：${REGISTER_NAMES.map((n) => `${n}（${REGISTER_LABELS[n]}）`).join('、')}`)
    .option('--from <date>', '起始日期（含），按该登记簿的主要日期：收案、申请、生成或立案日期')
    .option('--to <date>', '截止日期（含）')
    .requiredOption('--out <file>', '输出文件（.xlsx）')
    .action(async (o: { data?: string; what: string; from?: string; to?: string; out: string }) => {
      if (!(REGISTER_NAMES as string[]).includes(o.what)) h.fail(`--what 无效：${o.what}（可选：${REGISTER_NAMES.join('、')}）`);
      for (const [opt, v] of [
        ['--from', o.from],
        ['--to', o.to],
      ] as const)
        if (v !== undefined && !isIsoDate(v)) h.fail(`${opt} 应为有效日期（年-月-日）：${v}`);
      if (o.from && o.to && o.from > o.to) h.fail(`--from ${o.from} 晚于 --to ${o.to}`);
      if (!/\.xlsx$/i.test(o.out)) h.fail(`--out 应为 .xlsx 文件：${o.out}`);
      const out = path.resolve(o.out);
      if (!fs.existsSync(path.dirname(out))) h.fail(`输出目录不存在：${path.dirname(out)}`);
      const b = REGISTERS[o.what as RegisterName];
      const filters = o.from || o.to ? { [b.meta.dateFilter]: { ...(o.from ? { from: o.from } : {}), ...(o.to ? { to: o.to } : {}) } } : {};
      const core = h.openExisting(h.dataDirOf(o));
      const partial = `${out}.part`;
      try {
        const tty = process.stderr.isTTY;
        let lastShare = -1;
        const stream = fs.createWriteStream(partial);
        const finished = new Promise<void>((resolve, reject) => {
          stream.on('finish', resolve);
          stream.on('error', reject);
        });
        const started = performance.now();
        const { rows } = await exportList(core, b, { filters }, stream, {
          progressEvery: 2000,
          onProgress: ({ done, total = 0 }) => {
            if (tty) process.stderr.write(`\r导出${b.meta.label} ${bar(done, total)}`);
            else {
              // a log file gets a line every tenth, not a carriage-return bar
              const share = total > 0 ? Math.floor((done / total) * 10) : 10;
              if (share > lastShare) process.stderr.write(`导出${b.meta.label} ${bar(done, total)}\n`);
              lastShare = share;
            }
          },
        });
        await finished;
        if (tty) process.stderr.write('\n');
        fs.renameSync(partial, out);
        h.print({ ok: true, what: o.what, rows, file: out, seconds: Math.round(performance.now() - started) / 1000 });
      } catch (err) {
        fs.rmSync(partial, { force: true });
        throw err;
      } finally {
        h.closeCore(core);
      }
    });
}
