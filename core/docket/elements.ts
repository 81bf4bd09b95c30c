/**
 * The elements (要素) of the element-style judgments (要素式裁判文书) for the fast-track docket's common causes:
 * what the judge enters as fields at closing, in the order the judgment's element table lists them. One template
 * (templates/docket-judgment.txt) renders any set; a new cause is a new entry here. Labels follow the elements the
 * courts' element-style forms ask for in these disputes (loan principal, delivery, interest agreed, repayment,
 * guarantee; for cards and bank loans the contract, the overdue date and the sums outstanding).
 */

export type ElementType = 'text' | 'fen' | 'date';

export interface ElementDef {
  key: string;
  label: string;
  type: ElementType;
  required: boolean;
}

const el = (key: string, label: string, type: ElementType, required = true): ElementDef => ({ key, label, type, required });

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
} as const satisfies Record<string, { label: string; causes: readonly string[]; elements: readonly ElementDef[] }>;

export type JudgmentKind = keyof typeof ELEMENT_SETS;
export const JUDGMENT_KINDS = Object.keys(ELEMENT_SETS) as [JudgmentKind, ...JudgmentKind[]];

/** The element set for a cause name, if the desk has one. */
export function elementSetForCause(cause: string): JudgmentKind | null {
  for (const [k, s] of Object.entries(ELEMENT_SETS)) if ((s.causes as readonly string[]).includes(cause)) return k as JudgmentKind;
  return null;
}
