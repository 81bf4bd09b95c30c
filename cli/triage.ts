import type { Command } from 'commander';
import { parseYuan } from '../core/money';
import { triage, type TriageFlag } from '../core/docket/triage';
import { courtProvince, wageFigureFor } from '../core/docket/wages';
import type { CliHelpers } from './documents';

/**
 * `court triage`: the 繁简分流 rules of the desk on the command line. The wage figure is given (--average-wage)
 * or read from the court's dated setting for the filing year (--data DIR --year YYYY: the figure of the
 * previous year, or the latest one published before it — 民诉法 art. 165).
 */
const FLAG_OPTIONS: [string, TriageFlag, string][] = [
  ['--status', 'personalStatus', '人身关系案件'],
  ['--ownership', 'ownership', '财产确权案件'],
  ['--foreign', 'foreign', '涉外案件'],
  ['--appraisal', 'appraisal', '需要评估、鉴定'],
  ['--whereabouts-unknown', 'whereaboutsUnknown', '当事人下落不明（需公告送达）'],
  ['--counterclaim', 'counterclaim', '当事人提出反诉'],
];

const camel = (opt: string) => opt.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export function addTriageCommand(program: Command, h: CliHelpers): void {
  const cmd = program
    .command('triage')
    .description('繁简分流：按标的额、本省上年度就业人员年平均工资和排除情形，判断适用小额诉讼程序、简易程序或普通程序')
    .showHelpAfterError('（用 court triage --help 查看用法）')
    .option('--amount <yuan>', '标的额（元，最多两位小数）')
    .option('--average-wage <yuan>', '本省上年度就业人员年平均工资（元）')
    .option('--data <dir>', '数据目录：使用本院登记的本省年平均工资（须同时给出 --year）')
    .option('--year <yyyy>', '立案年份：适用其上一年度（或此前最近公布年度）的年平均工资')
    .option('--consent', '当事人双方约定适用小额诉讼的程序')
    .option('--non-money', '非金钱给付案件');
  for (const [opt, , label] of FLAG_OPTIONS) cmd.option(opt, label);
  cmd.option('--json', '输出 JSON：{ procedure, byConsent, reasons }').action((o, c: Command) => {
    const usage = (message: string): never => c.error(`错误：${message}`, { exitCode: 2, code: 'court.usage' });
    let amountFen: number | null = null;
    if (o.amount !== undefined) {
      const p = parseYuan(o.amount, '标的额');
      if (!p.ok) usage(`--amount ${p.message}：${o.amount}`);
      else if (p.fen === undefined) usage('--amount 不能为空');
      else amountFen = p.fen;
    } else if (!o.nonMoney) usage('--amount 请给出标的额（非金钱给付案件用 --non-money）');
    if (o.averageWage !== undefined && o.data !== undefined) usage('--average-wage 与 --data 只能给出其一');
    let averageWageFen: number;
    let wageSource: string;
    if (o.averageWage !== undefined) {
      if (o.year !== undefined) usage('--year 只与 --data 一起使用');
      const p = parseYuan(o.averageWage, '年平均工资');
      if (!p.ok) usage(`--average-wage ${p.message}：${o.averageWage}`);
      if (!p.ok || p.fen === undefined || p.fen <= 0) usage(`--average-wage 须大于 0：${o.averageWage}`);
      averageWageFen = (p as { fen: number }).fen;
      wageSource = '命令行给出';
    } else if (o.data !== undefined) {
      if (o.year === undefined) usage('--year 使用 --data 时请给出立案年份');
      if (!/^\d{4}$/.test(o.year)) usage(`--year 应为四位年份：${o.year}`);
      const core = h.openExisting(h.dataDirOf(o));
      try {
        const province = courtProvince(core.db);
        const figure = wageFigureFor(core.db, province, `${o.year}-12-31`);
        if (!figure) h.fail(`本院尚未登记${province}${Number(o.year) - 1}年度或此前的就业人员年平均工资`);
        averageWageFen = figure!.amountFen;
        wageSource = `${figure!.province} ${figure!.wageYear} 年度（${figure!.source}）`;
      } finally {
        h.closeCore(core);
      }
    } else {
      return usage('--average-wage 请给出本省上年度就业人员年平均工资，或用 --data 与 --year 读取本院设置');
    }
    const flags: Partial<Record<TriageFlag, boolean>> = {};
    for (const [opt, key] of FLAG_OPTIONS) if (o[camel(opt)]) flags[key] = true;
    const r = triage({
      amountFen: o.nonMoney ? null : amountFen,
      nonMoney: Boolean(o.nonMoney),
      averageWageFen: averageWageFen!,
      consent: Boolean(o.consent),
      flags,
    });
    if (o.json) h.print({ procedure: r.procedure, byConsent: r.byConsent, reasons: r.reasons });
    else {
      const names = { 'small-claims': '小额诉讼程序', simplified: '简易程序', ordinary: '普通程序' } as const;
      h.print(
        [
          `适用${names[r.procedure]}${r.byConsent ? '（当事人约定）' : ''}（年平均工资：${wageSource!}）`,
          ...r.reasons.map((x) => `  ${x.text}  〔${x.basis}〕`),
        ].join('\n') + '\n',
      );
    }
  });
}
