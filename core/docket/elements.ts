import { yuan } from '../documents/chinese';

/**
 * The elements (要素) of the element-style judgments (要素式裁判文书) for the fast-track docket's common causes:
 * what the judge enters as fields at closing, in the order the judgment's element table lists them. One template
 * (templates/docket-judgment.txt) renders any set; a new cause is a new entry here. Labels follow the elements the
 * courts' element-style forms ask for in these disputes (loan principal, delivery, interest agreed, repayment,
 * guarantee; for cards and bank loans the contract, the overdue date and the sums outstanding; for a sale the
 * contract, goods, price, delivery, payment, arrears and the agreed penalty; for property services the service
 * period, fee standard, area, arrears and late fee; for a traffic accident the accident, the liability
 * determination, each head of loss of 民法典 art. 1179 and art. 1183 and the insurers' shares, 交强险 first and
 * then the commercial third-party cover, 民法典 art. 1213). A set may check its elements against each other and
 * against the law (`check`), and may add rows the desk computes from them (`derived`), never typed by hand.
 */

export type ElementType = 'text' | 'fen' | 'date' | 'number';

export interface ElementDef {
  key: string;
  label: string;
  type: ElementType;
  required: boolean;
  /** for a number: its unit (平方米, %) and its bounds */
  unit?: string;
  max?: number;
  /** stated in the judgment even when not entered (as 无): each head of loss of a traffic judgment */
  always?: boolean;
}

const el = (key: string, label: string, type: ElementType, required = true, extra: Partial<ElementDef> = {}): ElementDef => ({
  key,
  label,
  type,
  required,
  ...extra,
});

/** Element values as stored: fen and numbers as numbers, dates as YYYY-MM-DD, text as text. */
export type ElementValues = Record<string, string | number | undefined>;

/** A refusal of a set's check: the element key and the Chinese message naming it. */
export interface ElementProblem {
  key: string;
  message: string;
}

const fenOf = (v: ElementValues, k: string) => (typeof v[k] === 'number' ? v[k] : 0);

/**
 * 交强险 liability limits per accident, by the date of the accident, each with its basis. The limits are set by
 * the insurance regulator (《机动车交通事故责任强制保险条例》 art. 23); from 19 September 2020 (车险综合改革,
 * 中国银保监会《关于实施车险综合改革的指导意见》) 180,000 元 for death and disability, 18,000 元 for medical costs,
 * 2,000 元 for property; when the insured vehicle's side bears no liability 18,000 / 1,800 / 100 元. Before it
 * (from 1 February 2008) 110,000 / 10,000 / 2,000, without liability 11,000 / 1,000 / 100. See docs/DOMAIN.md
 * for what was and was not verified.
 */
export const COMPULSORY_LIMITS = [
  {
    from: '2020-09-19',
    liable: { disabilityFen: 18_000_000, medicalFen: 1_800_000, propertyFen: 200_000 },
    notLiable: { disabilityFen: 1_800_000, medicalFen: 180_000, propertyFen: 10_000 },
    basis: '交强险责任限额（2020年9月19日起）',
  },
  {
    from: '2008-02-01',
    liable: { disabilityFen: 11_000_000, medicalFen: 1_000_000, propertyFen: 200_000 },
    notLiable: { disabilityFen: 1_100_000, medicalFen: 100_000, propertyFen: 10_000 },
    basis: '交强险责任限额（2008年2月1日起）',
  },
] as const;

export function compulsoryLimits(accidentOn: string, liable: boolean) {
  const row = COMPULSORY_LIMITS.find((r) => accidentOn >= r.from) ?? COMPULSORY_LIMITS[COMPULSORY_LIMITS.length - 1]!;
  return { ...(liable ? row.liable : row.notLiable), basis: `${row.basis}${liable ? '' : '（被保险机动车一方无责任）'}` };
}

/** 交强险 heads: medical costs (医疗费用赔偿限额) and death and disability (死亡伤残赔偿限额) of 民法典 art. 1179. */
const MEDICAL_HEADS = ['medicalFen', 'hospitalMealFen', 'nutritionFen'];
const DISABILITY_HEADS = ['lostIncomeFen', 'nursingFen', 'transportFen', 'disabilityFen', 'mentalFen'];
const LOSS_HEADS = [...MEDICAL_HEADS, ...DISABILITY_HEADS, 'propertyFen'];
const sum = (v: ElementValues, keys: string[]) => keys.reduce((n, k) => n + fenOf(v, k), 0);

function checkTraffic(v: ElementValues): ElementProblem | null {
  const share = typeof v.liabilityPct === 'number' ? v.liabilityPct : 0;
  const limits = compulsoryLimits(String(v.accidentOn ?? ''), share > 0);
  const heads: [string, string, number, number][] = [
    ['compulsoryMedicalFen', '医疗费用赔偿限额', limits.medicalFen, sum(v, MEDICAL_HEADS)],
    ['compulsoryDisabilityFen', '死亡伤残赔偿限额', limits.disabilityFen, sum(v, DISABILITY_HEADS)],
    ['compulsoryPropertyFen', '财产损失赔偿限额', limits.propertyFen, fenOf(v, 'propertyFen')],
  ];
  for (const [key, name, limit, losses] of heads) {
    const paid = fenOf(v, key);
    if (paid > limit) return { key, message: `交强险${name}项下赔偿 ${yuan(paid)} 超过责任限额 ${yuan(limit)}（${limits.basis}）` };
    if (paid > losses) return { key, message: `交强险${name}项下赔偿 ${yuan(paid)} 超过该限额所涵盖的各项损失之和 ${yuan(losses)}` };
  }
  const total = sum(v, LOSS_HEADS);
  const borne = sum(v, ['compulsoryMedicalFen', 'compulsoryDisabilityFen', 'compulsoryPropertyFen', 'commercialFen', 'tortfeasorFen']);
  if (borne > total)
    return { key: 'commercialFen', message: `交强险、商业三者险与侵权人承担之和 ${yuan(borne)} 超过各项损失合计 ${yuan(total)}` };
  return null;
}

export interface ElementSet {
  label: string;
  causes: readonly string[];
  elements: readonly ElementDef[];
  /** cross-checks of the elements, against each other and the law: the first problem, naming its element */
  check?: (v: ElementValues) => ElementProblem | null;
  /** rows the desk computes from the elements for the judgment's table */
  derived?: (v: ElementValues) => { label: string; fen: number }[];
}

export const ELEMENT_SETS = {
  'private-loan': {
    label: '民间借贷纠纷',
    causes: ['民间借贷纠纷'],
    elements: [
      el('principalFen', '借款本金', 'fen'),
      el('lentOn', '借款交付日期', 'date'),
      el('delivery', '交付方式（现金、银行转账等）', 'text'),
      el('evidence', '借贷凭证（借条、借款合同等）', 'text'),
      el('interest', '利息约定（未约定的写“未约定”）', 'text'),
      el('dueOn', '约定还款日期', 'date', false),
      el('repaidFen', '已归还金额', 'fen'),
      el('guarantee', '担保情况', 'text', false),
    ],
  },
  'credit-card': {
    label: '信用卡纠纷',
    causes: ['信用卡纠纷'],
    elements: [
      el('contractOn', '领用合约签订日期', 'date'),
      el('cardTail', '信用卡卡号后四位', 'text'),
      el('overdueOn', '逾期日期', 'date'),
      el('principalFen', '透支本金', 'fen'),
      el('interestFen', '利息', 'fen'),
      el('feesFen', '违约金及其他费用', 'fen'),
      el('cutoffOn', '计算截止日期', 'date'),
      el('rate', '约定的利息、违约金标准', 'text'),
    ],
  },
  'financial-loan': {
    label: '金融借款合同纠纷',
    causes: ['金融借款合同纠纷'],
    elements: [
      el('contractOn', '借款合同签订日期', 'date'),
      el('principalFen', '借款本金', 'fen'),
      el('lentOn', '放款日期', 'date'),
      el('term', '借款期限', 'text'),
      el('rate', '约定利率及逾期利率', 'text'),
      el('overdueOn', '逾期日期', 'date'),
      el('outstandingFen', '尚欠本金', 'fen'),
      el('interestFen', '尚欠利息、罚息、复利', 'fen'),
      el('guarantee', '担保情况', 'text', false),
    ],
  },
  sale: {
    label: '买卖合同纠纷',
    causes: ['买卖合同纠纷'],
    elements: [
      el('contractOn', '合同签订日期', 'date'),
      el('contract', '合同形式（书面合同、订单、送货单、口头约定等）', 'text'),
      el('goods', '标的物名称、规格及数量', 'text'),
      el('priceFen', '货款总额', 'fen'),
      el('deliveredOn', '交付日期（分批交付的写最后一批）', 'date'),
      el('delivery', '交付及验收情况', 'text'),
      el('paymentTerm', '约定的付款期限', 'text'),
      el('paidFen', '已付货款', 'fen'),
      el('arrearsFen', '尚欠货款', 'fen'),
      el('penalty', '违约金或逾期付款损失的约定及计算标准（未约定的写“未约定”）', 'text'),
      el('penaltyFen', '主张的违约金或逾期付款损失（计至起诉之日）', 'fen', false),
      el('statement', '对账、催款情况', 'text', false),
    ],
    check: (v: ElementValues): ElementProblem | null => {
      const left = fenOf(v, 'priceFen') - fenOf(v, 'paidFen');
      if (fenOf(v, 'paidFen') > fenOf(v, 'priceFen')) return { key: 'paidFen', message: '已付货款不能超过货款总额' };
      if (fenOf(v, 'arrearsFen') > left) return { key: 'arrearsFen', message: `尚欠货款不能超过货款总额减已付货款（${yuan(left)}）` };
      if (String(v.deliveredOn ?? '') < String(v.contractOn ?? '')) return { key: 'deliveredOn', message: '交付日期不能早于合同签订日期' };
      return null;
    },
  },
  'property-service': {
    label: '物业服务合同纠纷',
    causes: ['物业服务合同纠纷'],
    elements: [
      el('contract', '物业服务合同（前期物业服务合同）及签订日期', 'text'),
      el('premises', '物业坐落', 'text'),
      el('areaM2', '建筑面积', 'number', true, { unit: '平方米', max: 100_000 }),
      el('feeStandardFen', '物业费收费标准（每平方米每月）', 'fen'),
      el('periodFrom', '欠费期间起', 'date'),
      el('periodTo', '欠费期间止', 'date'),
      el('arrearsFen', '欠缴物业费', 'fen'),
      el('lateFee', '违约金（滞纳金）的约定（未约定的写“未约定”）', 'text'),
      el('lateFeeFen', '主张的违约金', 'fen', false),
      el('demand', '催缴情况（书面催交的日期和方式）', 'text'),
      el('defence', '业主的抗辩（服务质量等）', 'text', false),
    ],
    check: (v: ElementValues): ElementProblem | null => {
      if (String(v.periodTo ?? '') < String(v.periodFrom ?? '')) return { key: 'periodTo', message: '欠费期间止不能早于欠费期间起' };
      // the arrears cannot exceed the fee for the whole period at the standard: area × standard × months begun
      const [fy, fm] = String(v.periodFrom).split('-').map(Number);
      const [ty, tm] = String(v.periodTo).split('-').map(Number);
      const months = (ty! - fy!) * 12 + (tm! - fm!) + 1;
      const ceiling = Math.round((typeof v.areaM2 === 'number' ? v.areaM2 : 0) * fenOf(v, 'feeStandardFen') * months);
      if (fenOf(v, 'arrearsFen') > ceiling)
        return {
          key: 'arrearsFen',
          message: `欠缴物业费 ${yuan(fenOf(v, 'arrearsFen'))} 超过按建筑面积、收费标准计算的欠费期间（${months} 个月）物业费 ${yuan(ceiling)}`,
        };
      return null;
    },
  },
  traffic: {
    label: '机动车交通事故责任纠纷',
    causes: ['机动车交通事故责任纠纷'],
    elements: [
      el('accidentOn', '事故发生日期', 'date'),
      el('accident', '事故经过（地点、车辆、驾驶人、受害人）', 'text'),
      el('liability', '事故责任认定（交通事故认定书及责任划分）', 'text'),
      el('liabilityPct', '被告方（机动车一方）承担责任的比例', 'number', true, { unit: '%', max: 100 }),
      el('insurance', '肇事车辆投保情况（交强险、商业三者险的保险人及保险金额）', 'text'),
      el('medicalFen', '医疗费', 'fen'),
      el('lostIncomeFen', '误工费', 'fen', false, { always: true }),
      el('nursingFen', '护理费', 'fen', false, { always: true }),
      el('transportFen', '交通费', 'fen', false, { always: true }),
      el('hospitalMealFen', '住院伙食补助费', 'fen', false, { always: true }),
      el('nutritionFen', '营养费', 'fen', false, { always: true }),
      el('disabilityFen', '残疾赔偿金', 'fen', false, { always: true }),
      el('mentalFen', '精神损害抚慰金', 'fen', false, { always: true }),
      el('propertyFen', '财产损失（车辆损失等）', 'fen', false, { always: true }),
      el('compulsoryMedicalFen', '交强险医疗费用赔偿限额项下赔偿', 'fen'),
      el('compulsoryDisabilityFen', '交强险死亡伤残赔偿限额项下赔偿', 'fen'),
      el('compulsoryPropertyFen', '交强险财产损失赔偿限额项下赔偿', 'fen'),
      el('commercialFen', '商业三者险按责任比例赔偿', 'fen'),
      el('tortfeasorFen', '侵权人自行赔偿', 'fen', false),
      el('advancedFen', '已先行垫付', 'fen', false),
    ],
    check: checkTraffic,
    derived: (v: ElementValues) => [
      { label: '各项损失合计', fen: sum(v, LOSS_HEADS) },
      { label: '交强险赔偿合计', fen: sum(v, ['compulsoryMedicalFen', 'compulsoryDisabilityFen', 'compulsoryPropertyFen']) },
    ],
  },
} as const satisfies Record<string, ElementSet>;

export type JudgmentKind = keyof typeof ELEMENT_SETS;
export const JUDGMENT_KINDS = Object.keys(ELEMENT_SETS) as [JudgmentKind, ...JudgmentKind[]];

/** A set's cross-checks (none for the loan sets). */
export function checkElements(kind: JudgmentKind, v: ElementValues): ElementProblem | null {
  const set = ELEMENT_SETS[kind] as ElementSet;
  return set.check ? set.check(v) : null;
}

/** Rows the desk computes from a set's elements (the traffic set's totals, in fen). */
export function derivedElements(kind: JudgmentKind, v: ElementValues): { label: string; fen: number }[] {
  const set = ELEMENT_SETS[kind] as ElementSet;
  return set.derived ? set.derived(v) : [];
}

/** The element set for a cause name, if the desk has one. */
export function elementSetForCause(cause: string): JudgmentKind | null {
  for (const [k, s] of Object.entries(ELEMENT_SETS)) if ((s.causes as readonly string[]).includes(cause)) return k as JudgmentKind;
  return null;
}
