import type { Command } from 'commander';
import type { Core } from '../core/context';
import type { CliHelpers } from './documents';

/**
 * `court deadline`: the due date of a legal period from the one table (core/periods), with the court's holiday
 * data when --data is given (the shipped State Council notices otherwise). Prints
 * `{ "due", "basis", "rolledFrom", … }` with --json. Unknown kind or a bad date exits 2 naming the argument.
 * The periods and calendar modules load only when this command runs.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export function addDeadlineCommand(program: Command, h: CliHelpers): void {
  program
    .command('deadline')
    .description('按法定期间表计算期限届满日（起算日不计入；末日为节假日顺延；中止期间只计起算日之后的日数）')
    .showHelpAfterError('（用 court deadline --help 查看用法）')
    .requiredOption('--kind <kind>', '期间种类（如 fee-payment、trial-simplified；--kind help 列出全部）')
    .requiredOption('--from <date>', '起算日（YYYY-MM-DD，当日不计入）')
    .option('--suspend <from..to>', '不计入期间的日期段（如 2026-10-01..2026-10-10）；可重复', (v: string, prev: string[] = []) => [
      ...prev,
      v,
    ])
    .option('--extend <n>', '经批准延长的长度（按该期间的单位）')
    .option('--data <dir>', '数据目录：使用管理员录入的节假日安排')
    .option('--json', '输出 JSON：{ due, basis, rolledFrom, … }')
    .action(async (o, cmd: Command) => {
      const usage = (message: string): never => cmd.error(`错误：${message}`, { exitCode: 2, code: 'court.usage' });
      const { PERIOD_KINDS, LEGAL_PERIODS, isPeriodKind, computeDeadline } = await import('../core/periods');
      if (!isPeriodKind(o.kind)) {
        usage(`--kind 不是有效的期间种类：${o.kind}。可用：${PERIOD_KINDS.map((k) => `${k}（${LEGAL_PERIODS[k].label}）`).join('、')}`);
      }
      if (!isRealDate(o.from)) usage(`--from 应为 YYYY-MM-DD 格式的日期：${o.from}`);
      const suspended: { from: string; to: string }[] = [];
      for (const text of (o.suspend as string[] | undefined) ?? []) {
        const m = /^(\S+?)\.\.(\S+)$/.exec(text);
        if (!m || !isRealDate(m[1]!) || !isRealDate(m[2]!)) usage(`--suspend 应写作 YYYY-MM-DD..YYYY-MM-DD：${text}`);
        else if (m[2]! < m[1]!) usage(`--suspend 的结束日早于开始日：${text}`);
        else suspended.push({ from: m[1]!, to: m[2]! });
      }
      let extendBy: number | undefined;
      if (o.extend !== undefined) {
        if (!/^\d{1,4}$/.test(o.extend)) usage(`--extend 应为非负整数：${o.extend}`);
        extendBy = Number(o.extend);
      }
      let core: Core | undefined;
      try {
        let calendar;
        if (o.data) {
          core = h.openExisting(h.dataDirOf(o));
          const { courtCalendar } = await import('../core/calendar/courtCalendar');
          calendar = courtCalendar(core.db);
        } else {
          const { LegalCalendar } = await import('../core/calendar/calendar');
          calendar = new LegalCalendar();
        }
        const d = computeDeadline(calendar, o.kind, o.from, { suspended, ...(extendBy !== undefined ? { extendBy } : {}) });
        const coverage = calendar.coverage();
        const lastYear = coverage.years[coverage.years.length - 1] ?? 0;
        const dueYear = Number(d.due.slice(0, 4));
        const provisional = dueYear > lastYear || coverage.provisional.includes(dueYear);
        const out = { ...d, unit: LEGAL_PERIODS[d.kind].unit, length: LEGAL_PERIODS[d.kind].length, provisionalHolidays: provisional };
        if (o.json) h.print(out);
        else {
          h.print(
            `${d.label}：${d.from} 起算，${d.due} 届满${d.rolledFrom ? `（${d.rolledFrom} 为节假日或休息日，顺延）` : ''}\n  依据：${d.basis}${
              provisional ? `\n  注：${dueYear} 年的节假日安排尚未按国务院通知录入，结果可能变化` : ''
            }\n`,
          );
        }
      } finally {
        if (core) h.closeCore(core);
      }
    });
}
