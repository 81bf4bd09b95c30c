import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { centreOverview, monthlyReport } from '../core/stats';
import { monthlyReportInput, periodInput } from '../core/stats/schemas';
import { dateShanghai } from '../core/time/clock';
import type { CliHelpers } from './documents';

/**
 * `court stats` and `court report` (issue 15 item 3): the centre overview for a period — the same function the
 * overview page calls (core/stats/overview.ts `centreOverview`), so the two never disagree — and the monthly report
 * as .xlsx or .pdf. Both read the data directory directly, as the host would.
 */
export function addStatsCommands(program: Command, h: CliHelpers): void {
  program
    .command('stats')
    .description('中心统计：统计期间内各登记簿的收案、结案、成功率、用时、超期及万人成讼率（与“中心统计”页面同一计算）')
    .addOption(h.dataOption())
    .requiredOption('--from <date>', '统计起始日期 YYYY-MM-DD')
    .requiredOption('--to <date>', '统计截止日期 YYYY-MM-DD（含当日）')
    .option('--json', '输出 JSON（与 stats.overview 接口的结果相同）')
    .action((o, cmd: Command) => {
      const parsed = periodInput.safeParse({ from: o.from, to: o.to });
      if (!parsed.success) cmd.error(`错误：${parsed.error.issues[0]!.message}`, { exitCode: 2, code: 'court.usage' });
      const core = h.openExisting(h.dataDirOf(o));
      try {
        const overview = centreOverview(core, parsed.data!, dateShanghai(core.clock.now()));
        if (o.json) return h.print(overview);
        const lines = [`统计期间 ${overview.period.from} 至 ${overview.period.to}（超期截至 ${overview.on}）`];
        for (const s of overview.sections) {
          const t = s.total;
          const parts = [`${s.columns.received} ${t.received}`];
          if (t.concluded !== null) parts.push(`${s.columns.concluded} ${t.concluded}`, `${s.columns.resolved} ${t.resolved}`);
          if (t.successRate !== null) parts.push(`${s.columns.successRate} ${(t.successRate * 100).toFixed(1)}%`);
          if (t.averageDays !== null) parts.push(`平均 ${t.averageDays} 天、中位数 ${t.medianDays} 天`);
          if (t.overdue !== null) parts.push(`${s.columns.overdue} ${t.overdue}`);
          lines.push(`${s.label}：${parts.join('，')}`);
        }
        const l = overview.litigation;
        lines.push(
          `万人成讼率：${l.perTenThousand === null ? '未登记辖区人口' : `${l.perTenThousand} 件/万人`}（民初 ${l.civilFirstInstance} 件）`,
        );
        const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
        lines.push(`诉前化解率：${pct(overview.shares.beforeFiling)}；未经庭审化解率：${pct(overview.shares.withoutTrial)}`);
        h.print(`${lines.join('\n')}\n`);
      } finally {
        h.closeCore(core);
      }
    });

  program
    .command('report')
    .description('中心月度报表：Excel 工作簿（每个登记簿一张工作表）或 PDF')
    .addOption(h.dataOption())
    .requiredOption('--month <YYYY-MM>', '月份，如 2026-11')
    .requiredOption('--out <file>', '输出文件：.xlsx 或 .pdf')
    .action(async (o, cmd: Command) => {
      const ext = path.extname(String(o.out)).toLowerCase();
      const parsed = monthlyReportInput.safeParse({ month: o.month, format: ext.slice(1) });
      if (!parsed.success)
        cmd.error(
          `错误：${parsed.error.issues[0]!.path[0] === 'format' ? '--out 应为 .xlsx 或 .pdf 文件' : parsed.error.issues[0]!.message}`,
          {
            exitCode: 2,
            code: 'court.usage',
          },
        );
      const core = h.openExisting(h.dataDirOf(o));
      try {
        const r = await monthlyReport(core, parsed.data!.month, parsed.data!.format, dateShanghai(core.clock.now()));
        fs.writeFileSync(o.out, r.bytes);
        h.print(`已写出 ${o.out}（${r.bytes.length} 字节，${r.format === 'xlsx' ? `${r.sheets} 张工作表` : `${r.sheets} 页`}）\n`);
      } finally {
        h.closeCore(core);
      }
    });
}
