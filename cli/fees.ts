import type { Command } from 'commander';
import type { Core } from '../core/context';
import { readFeeQuoteSettings } from '../core/fees/service';
import { FEE_SETTING_DEFAULTS } from '../core/fees/settings';
import { quoteFee, QuoteError, type QuoteRequest } from '../core/fees/quote';
import { CLOSINGS, FEE_KIND_IDS, FEE_KINDS, PROCEDURES, type Closing, type FeeKind, type Procedure } from '../core/fees/schedule';
import { parseYuan } from '../core/money';
import { dateShanghai, systemClock } from '../core/time/clock';
import type { CliHelpers } from './documents';

/**
 * `court fee quote`: the fee calculator of the desk on the command line. Without --data the provincial amounts
 * are the defaults (the lower end of each statutory range); with --data, the court's settings.
 */

const OPTION_OF: Record<QuoteError['field'], string> = {
  amount: '--amount',
  procedure: '--procedure',
  closing: '--closing',
  counterclaim: '--counterclaim',
  kind: '--kind',
  preserved: '--preserved',
};

export function addFeeCommands(program: Command, h: CliHelpers): void {
  const fee = program.command('fee').description('诉讼费用');
  fee
    .command('quote')
    .description('按《诉讼费用交纳办法》计算诉讼费用，列出每一步及依据')
    .showHelpAfterError('（用 court fee quote --help 查看用法）')
    .requiredOption('--kind <kind>', `费用种类：${FEE_KIND_IDS.map((k) => `${k}（${FEE_KINDS[k].label}）`).join('、')}`)
    .option('--amount <yuan>', '金额（元，最多两位小数）；可重复，多项诉讼请求合并计算', (v: string, prev: string[] = []) => [...prev, v])
    .option('--preserved <yuan>', '申请保全：实际保全的财产数额（元），按此结算并列出应退或应补的数额')
    .option(
      '--procedure <procedure>',
      `审理程序：${Object.entries(PROCEDURES)
        .map(([k, v]) => `${k}（${v}）`)
        .join('、')}`,
    )
    .option(
      '--closing <closing>',
      `结案方式：${Object.entries(CLOSINGS)
        .map(([k, v]) => `${k}（${v}）`)
        .join('、')}`,
    )
    .option('--counterclaim', '反诉（与本诉合并审理，减半交纳）')
    .option('--on <date>', '计算所依据的日期（本省标准按此日期适用），默认今天')
    .option('--data <dir>', '数据目录：使用本院设置的本省标准和取整规则')
    .option('--json', '输出 JSON：{ feeFen, breakdown, … }')
    .action((o, cmd: Command) => {
      const usage = (message: string): never => cmd.error(`错误：${message}`, { exitCode: 2, code: 'court.usage' });
      if (!(FEE_KIND_IDS as string[]).includes(o.kind)) usage(`--kind 不是有效的费用种类：${o.kind}。可用：${FEE_KIND_IDS.join('、')}`);
      if (o.procedure !== undefined && !(o.procedure in PROCEDURES))
        usage(`--procedure 应为 ${Object.keys(PROCEDURES).join('、')}：${o.procedure}`);
      if (o.closing !== undefined && !(o.closing in CLOSINGS)) usage(`--closing 应为 ${Object.keys(CLOSINGS).join('、')}：${o.closing}`);
      if (o.on !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(o.on)) usage(`--on 日期格式应为 YYYY-MM-DD：${o.on}`);
      const amountsFen: number[] = [];
      for (const text of (o.amount as string[] | undefined) ?? []) {
        const p = parseYuan(text, '金额');
        if (!p.ok) usage(`--amount ${p.message}：${text}`);
        else if (p.fen === undefined || p.fen <= 0) usage(`--amount 金额须大于 0：${text}`);
        else amountsFen.push(p.fen);
      }
      let preservedFen: number | undefined;
      if (o.preserved !== undefined) {
        const p = parseYuan(o.preserved, '实际保全的财产数额');
        if (!p.ok) usage(`--preserved ${p.message}：${o.preserved}`);
        else if (p.fen === undefined || p.fen <= 0) usage(`--preserved 金额须大于 0：${o.preserved}`);
        else preservedFen = p.fen;
      }
      let core: Core | undefined;
      try {
        if (o.data) core = h.openExisting(h.dataDirOf(o));
        const settings = core
          ? readFeeQuoteSettings(core.db)
          : { provincial: FEE_SETTING_DEFAULTS['fees.provincial'], rounding: FEE_SETTING_DEFAULTS['fees.rounding'] };
        const request: QuoteRequest = {
          kind: o.kind as FeeKind,
          ...(amountsFen.length ? { amountsFen } : {}),
          ...(o.procedure ? { procedure: o.procedure as Procedure } : {}),
          ...(o.closing ? { closing: o.closing as Closing } : {}),
          ...(o.counterclaim ? { counterclaim: true } : {}),
          ...(preservedFen !== undefined ? { preservedFen } : {}),
          on: o.on ?? dateShanghai((core?.clock ?? systemClock).now()),
        };
        let quote;
        try {
          quote = quoteFee(request, settings);
        } catch (err) {
          if (err instanceof QuoteError) usage(`${OPTION_OF[err.field]} ${err.message}`);
          throw err;
        }
        if (o.json) h.print(quote);
        else {
          const lines = quote.breakdown.map(
            (l) => `  ${l.label}${l.formula ? `：${l.formula}` : ''} = ${l.yuan} 元${l.basis ? `  〔${l.basis}〕` : ''}`,
          );
          h.print(
            [`${quote.kindLabel}：${quote.feeText}（${quote.inWords}）`, ...lines, ...quote.notes.map((n) => `  注：${n}`)].join('\n') +
              '\n',
          );
        }
      } finally {
        if (core) h.closeCore(core);
      }
    });
}
