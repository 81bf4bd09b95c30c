/**
 * The one table of legal periods (docs/DOMAIN.md “期间”). Every deadline the desk tracks — in the
 * mediation, confirmation and fast-track registers, fees and enforcement — is computed from this table through
 * `computeDeadline` (./deadline.ts); no register writes a period length of its own.
 *
 * Each entry names its length and unit, what starts it, whether a last day that is not a working day rolls
 * forward (民诉法 art. 85 for statutory periods; a court policy flag for its own trial periods), and its basis.
 */

export const PERIOD_KINDS = [
  'mediation-delegated',
  'mediation-entrusted-ordinary',
  'mediation-entrusted-simplified',
  'mediation-extension',
  'confirmation-application',
  'confirmation-acceptance',
  'confirmation-review',
  'confirmation-objection',
  'confirmation-objection-third-party',
  'trial-small-claims',
  'trial-simplified',
  'trial-ordinary',
  'trial-special',
  'fee-payment',
  'enforcement-application',
] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export type PeriodUnit = 'day' | 'month' | 'year' | 'working-day';

export interface LegalPeriod {
  kind: PeriodKind;
  /** Chinese name shown in the desk */
  label: string;
  length: number;
  unit: PeriodUnit;
  /** what starts the period (the start day itself is not counted) */
  trigger: string;
  /** a last day that is a statutory holiday or weekend moves to the next working day */
  rollForward: boolean;
  /** statute and article */
  basis: string;
}

const table: readonly LegalPeriod[] = [
  {
    kind: 'mediation-delegated',
    label: '委派调解期限',
    length: 30,
    unit: 'day',
    trigger: '调解组织或者调解员签收材料之次日起算',
    rollForward: true,
    basis: '《最高人民法院关于人民法院特邀调解的规定》（委派调解期限三十日，经双方当事人同意可以延长）；2024意见',
  },
  {
    kind: 'mediation-entrusted-ordinary',
    label: '委托调解期限（普通程序）',
    length: 15,
    unit: 'day',
    trigger: '调解组织或者调解员签收材料之次日起算',
    rollForward: true,
    basis: '《最高人民法院关于规范民事案件诉前调解工作的意见》（2024意见）第三条：适用普通程序的十五日，计入审理期限',
  },
  {
    kind: 'mediation-entrusted-simplified',
    label: '委托调解期限（简易程序）',
    length: 7,
    unit: 'day',
    trigger: '调解组织或者调解员签收材料之次日起算',
    rollForward: true,
    basis: '2024意见第三条：适用简易程序的七日，计入审理期限',
  },
  {
    kind: 'mediation-extension',
    label: '经双方同意延长的调解期限',
    length: 30,
    unit: 'day',
    trigger: '原调解期限届满之次日起算（须双方当事人均同意并记录）',
    rollForward: true,
    basis: '2024意见第三条：双方当事人同意延长的，延长不超过三十日，延长期间不计入审理期限',
  },
  {
    kind: 'confirmation-application',
    label: '申请司法确认期限',
    length: 30,
    unit: 'day',
    trigger: '调解协议生效之次日起算',
    rollForward: true,
    basis: '《中华人民共和国民事诉讼法》第二百零五条',
  },
  {
    kind: 'confirmation-acceptance',
    label: '司法确认受理审查期限',
    length: 3,
    unit: 'day',
    trigger: '收到申请之次日起算',
    rollForward: true,
    basis: '《最高人民法院关于人民调解协议司法确认程序的若干规定》第四条（收到申请后三日内决定是否受理）',
  },
  {
    kind: 'confirmation-review',
    label: '司法确认审查期限',
    length: 30,
    unit: 'day',
    trigger: '立案（受理）之次日起算',
    rollForward: true,
    basis: '《中华人民共和国民事诉讼法》第一百八十七条（特别程序审结期限三十日，有特殊情况需要延长的由本院院长批准）',
  },
  {
    kind: 'confirmation-objection',
    label: '当事人对确认裁定提出异议期限',
    length: 15,
    unit: 'day',
    trigger: '收到裁定之次日起算',
    rollForward: true,
    basis: '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第三百七十二条',
  },
  {
    kind: 'confirmation-objection-third-party',
    label: '利害关系人对确认裁定提出异议期限',
    length: 6,
    unit: 'month',
    trigger: '知道或者应当知道其民事权益受到侵害之次日起算',
    rollForward: true,
    basis: '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第三百七十二条',
  },
  {
    kind: 'trial-small-claims',
    label: '小额诉讼审理期限',
    length: 2,
    unit: 'month',
    trigger: '立案之次日起算',
    rollForward: true,
    basis: '《中华人民共和国民事诉讼法》第一百六十八条（有特殊情况需要延长的，经本院院长批准，可以延长一个月）',
  },
  {
    kind: 'trial-simplified',
    label: '简易程序审理期限',
    length: 3,
    unit: 'month',
    trigger: '立案之次日起算',
    rollForward: true,
    basis: '《中华人民共和国民事诉讼法》第一百六十四条（有特殊情况需要延长的，经本院院长批准，可以延长一个月）',
  },
  {
    kind: 'trial-ordinary',
    label: '普通程序审理期限',
    length: 6,
    unit: 'month',
    trigger: '立案之次日起算',
    rollForward: true,
    basis: '《中华人民共和国民事诉讼法》第一百五十二条（有特殊情况需要延长的，经本院院长批准，可以延长六个月）',
  },
  {
    kind: 'trial-special',
    label: '特别程序审理期限',
    length: 30,
    unit: 'day',
    trigger: '立案之次日起算',
    rollForward: true,
    basis: '《中华人民共和国民事诉讼法》第一百八十七条',
  },
  {
    kind: 'fee-payment',
    label: '交纳诉讼费用期限',
    length: 7,
    unit: 'day',
    trigger: '收到交纳诉讼费用通知之次日起算',
    rollForward: true,
    basis: '《诉讼费用交纳办法》第二十二条',
  },
  {
    kind: 'enforcement-application',
    label: '申请执行期限',
    length: 2,
    unit: 'year',
    trigger: '法律文书规定履行期间的最后一日起算',
    rollForward: true,
    basis: '《中华人民共和国民事诉讼法》第二百五十条',
  },
];

export const LEGAL_PERIODS: Readonly<Record<PeriodKind, LegalPeriod>> = Object.fromEntries(table.map((p) => [p.kind, p])) as Record<
  PeriodKind,
  LegalPeriod
>;

export function isPeriodKind(value: string): value is PeriodKind {
  return (PERIOD_KINDS as readonly string[]).includes(value);
}
