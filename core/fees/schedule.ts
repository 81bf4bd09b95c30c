/**
 * The statutory fee schedule of the 诉讼费用交纳办法 (State Council Decree 481, in force since 2007-04-01), as data.
 * docs/DOMAIN.md “诉讼费用与司法救助”. Amounts are yuan in the tables (as the 办法 writes them) and converted to fen where used; rates
 * are fractions (25/1000 = 2.5 %). The amounts the 办法 leaves to the provinces ("50 元至 300 元") are
 * configuration (config.ts), checked against the ranges below.
 */

export const BANFA = '《诉讼费用交纳办法》';

/** A band of a cumulative schedule: the part of the amount above `from` up to `to` (yuan) is charged at `rate`. */
export interface Band {
  from: number;
  to: number | null;
  rate: readonly [number, number];
}

export interface CumulativeSchedule {
  /** the flat fee for amounts up to `flatUpTo` (yuan) */
  flat: number;
  flatUpTo: number;
  bands: readonly Band[];
}

/** 第十三条第（一）项: property cases. */
export const PROPERTY_SCHEDULE: CumulativeSchedule = {
  flat: 50,
  flatUpTo: 10_000,
  bands: [
    { from: 10_000, to: 100_000, rate: [25, 1000] },
    { from: 100_000, to: 200_000, rate: [2, 100] },
    { from: 200_000, to: 500_000, rate: [15, 1000] },
    { from: 500_000, to: 1_000_000, rate: [1, 100] },
    { from: 1_000_000, to: 2_000_000, rate: [9, 1000] },
    { from: 2_000_000, to: 5_000_000, rate: [8, 1000] },
    { from: 5_000_000, to: 10_000_000, rate: [7, 1000] },
    { from: 10_000_000, to: 20_000_000, rate: [6, 1000] },
    { from: 20_000_000, to: null, rate: [5, 1000] },
  ],
};

/** 第十四条第（一）项: enforcement applications with an amount (collected after enforcement, art. 20). */
export const ENFORCEMENT_SCHEDULE: CumulativeSchedule = {
  flat: 50,
  flatUpTo: 10_000,
  bands: [
    { from: 10_000, to: 500_000, rate: [15, 1000] },
    { from: 500_000, to: 5_000_000, rate: [1, 100] },
    { from: 5_000_000, to: 10_000_000, rate: [5, 1000] },
    { from: 10_000_000, to: null, rate: [1, 1000] },
  ],
};

/** 第十四条第（二）项: preservation, capped at 5,000 yuan. */
export const PRESERVATION_SCHEDULE: CumulativeSchedule = {
  flat: 30,
  flatUpTo: 1_000,
  bands: [
    { from: 1_000, to: 100_000, rate: [1, 100] },
    { from: 100_000, to: null, rate: [5, 1000] },
  ],
};
export const PRESERVATION_CAP_YUAN = 5_000;

/** 第十三条第（二）项第1目: divorce — property division above 200,000 at 0.5 %. */
export const DIVORCE_PROPERTY = { freeUpTo: 200_000, rate: [5, 1000] as const };

/** 第十三条第（二）项第2目: personality rights — damages 50,000–100,000 at 1 %, above 100,000 at 0.5 %. */
export const PERSONALITY_DAMAGES: readonly Band[] = [
  { from: 50_000, to: 100_000, rate: [1, 100] },
  { from: 100_000, to: null, rate: [5, 1000] },
];

export const LABOUR_YUAN = 10;
export const ADMINISTRATIVE_YUAN = 50;
export const ADMINISTRATIVE_SPECIAL_YUAN = 100;
export const PUBLIC_NOTICE_YUAN = 100;
export const ARBITRATION_REVIEW_YUAN = 400;
export const BANKRUPTCY_CAP_YUAN = 300_000;

/** The amounts the 办法 leaves to the provinces, with the statutory range each must stay within (yuan). */
export const PROVINCIAL_RANGES = {
  divorce: { min: 50, max: 300, label: '离婚案件每件', basis: `${BANFA}第十三条第（二）项第1目` },
  personality: { min: 100, max: 500, label: '侵害人格权案件每件', basis: `${BANFA}第十三条第（二）项第2目` },
  nonProperty: { min: 50, max: 100, label: '其他非财产案件每件', basis: `${BANFA}第十三条第（二）项第3目` },
  ip: { min: 500, max: 1_000, label: '无争议金额的知识产权民事案件每件', basis: `${BANFA}第十三条第（三）项` },
  jurisdiction: { min: 50, max: 100, label: '管辖权异议不成立的每件', basis: `${BANFA}第十三条第（六）项` },
  enforcementNoAmount: { min: 50, max: 500, label: '没有执行金额的执行申请每件', basis: `${BANFA}第十四条第（一）项` },
} as const;

export type ProvincialItem = keyof typeof PROVINCIAL_RANGES;

/** What each kind is in Chinese, and whether it is a case acceptance fee (the halvings apply only to those). */
export const FEE_KINDS = {
  property: { label: '财产案件受理费', acceptance: true, amount: 'required' },
  divorce: { label: '离婚案件受理费', acceptance: true, amount: 'optional' },
  personality: { label: '侵害人格权案件受理费', acceptance: true, amount: 'optional' },
  'non-property': { label: '其他非财产案件受理费', acceptance: true, amount: 'none' },
  ip: { label: '知识产权民事案件受理费', acceptance: true, amount: 'optional' },
  labour: { label: '劳动争议案件受理费', acceptance: true, amount: 'none' },
  administrative: { label: '行政案件受理费', acceptance: true, amount: 'none' },
  'administrative-special': { label: '商标、专利、海事行政案件受理费', acceptance: true, amount: 'none' },
  jurisdiction: { label: '管辖权异议不成立的案件受理费', acceptance: false, amount: 'none' },
  enforcement: { label: '申请执行费', acceptance: false, amount: 'optional' },
  preservation: { label: '申请保全费', acceptance: false, amount: 'optional' },
  'payment-order': { label: '申请支付令费', acceptance: false, amount: 'required' },
  'public-notice': { label: '申请公示催告费', acceptance: false, amount: 'none' },
  'arbitration-review': { label: '申请撤销仲裁裁决或者认定仲裁协议效力费', acceptance: false, amount: 'none' },
  bankruptcy: { label: '申请破产费', acceptance: false, amount: 'required' },
  'judicial-confirmation': { label: '司法确认案件', acceptance: false, amount: 'none' },
} as const;

export type FeeKind = keyof typeof FEE_KINDS;
export const FEE_KIND_IDS = Object.keys(FEE_KINDS) as [FeeKind, ...FeeKind[]];

/** What the amount means for the kinds that take one (the calculator's field label). */
export const AMOUNT_LABELS: Partial<Record<FeeKind, string>> = {
  property: '诉讼请求金额',
  divorce: '分割财产总额',
  personality: '损害赔偿金额',
  ip: '争议金额',
  enforcement: '执行金额',
  preservation: '申请保全的财产数额（按此预收）',
  'payment-order': '请求给付的金额',
  bankruptcy: '破产财产总额',
};

/** 办法 art. 14(2): the fee is charged on the amount actually preserved (settled after preservation). */
export const PRESERVED_AMOUNT_LABEL = '实际保全的财产数额（按此结算）';

export const PROCEDURES = { ordinary: '普通程序', simplified: '简易程序', 'small-claims': '小额诉讼程序' } as const;
export type Procedure = keyof typeof PROCEDURES;
export const CLOSINGS = { judgment: '判决', mediation: '调解', withdrawal: '撤诉' } as const;
export type Closing = keyof typeof CLOSINGS;
