/**
 * 繁简分流 (triage) of a first-instance civil case: small claims, simplified or ordinary procedure, each reason
 * with its basis. Pure rules; the wage figure comes from the dated setting (./wages.ts).
 *
 * - Small claims (民诉法 2023 art. 165): a simple money-payment case whose amount is at most 50 % of the province's
 *   previous-year average annual wage of employed persons must be tried as a small claim; above 50 % and up to
 *   twice that figure the parties may agree to it. 「以下」 includes the figure itself.
 * - Never small claims (民诉法 art. 166): personal status or ownership determination; foreign element; appraisal
 *   or valuation needed; a party whose whereabouts are unknown; a counterclaim; otherwise unsuitable.
 * - Simplified procedure (民诉法 art. 160) has no money threshold. Never simplified (解释 art. 257): defendant's
 *   whereabouts unknown at filing; remanded for retrial; very many parties on one side; trial supervision
 *   (retrial); state or public interest; a third party's suit to change or revoke an effective judgment.
 */

export const PROCEDURES = ['small-claims', 'simplified', 'ordinary'] as const;
export type Procedure = (typeof PROCEDURES)[number];

export const PROCEDURE_LABELS: Record<Procedure, string> = {
  'small-claims': '小额诉讼程序',
  simplified: '简易程序',
  ordinary: '普通程序',
};

/** Circumstances that exclude small claims (民诉法 art. 166) — the triage form's check boxes. */
export const SMALL_CLAIMS_EXCLUSIONS = {
  personalStatus: { text: '人身关系案件', basis: '《中华人民共和国民事诉讼法》第一百六十六条第一项' },
  ownership: { text: '财产确权案件', basis: '《中华人民共和国民事诉讼法》第一百六十六条第一项' },
  foreign: { text: '涉外案件', basis: '《中华人民共和国民事诉讼法》第一百六十六条第二项' },
  appraisal: { text: '需要评估、鉴定或者对诉前评估、鉴定结果有异议', basis: '《中华人民共和国民事诉讼法》第一百六十六条第三项' },
  whereaboutsUnknown: { text: '一方当事人下落不明（需公告送达）', basis: '《中华人民共和国民事诉讼法》第一百六十六条第四项' },
  counterclaim: { text: '当事人提出反诉', basis: '《中华人民共和国民事诉讼法》第一百六十六条第五项' },
  unsuitable: { text: '其他不宜适用小额诉讼的程序审理', basis: '《中华人民共和国民事诉讼法》第一百六十六条第六项' },
} as const;
export type SmallClaimsExclusion = keyof typeof SMALL_CLAIMS_EXCLUSIONS;

/** Circumstances that exclude the simplified procedure (解释 art. 257). */
export const SIMPLIFIED_EXCLUSIONS = {
  whereaboutsUnknown: {
    text: '起诉时被告下落不明',
    basis: '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百五十七条第一项',
  },
  remanded: { text: '发回重审的案件', basis: '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百五十七条第二项' },
  manyParties: { text: '当事人一方人数众多', basis: '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百五十七条第三项' },
  retrial: { text: '适用审判监督程序的案件', basis: '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百五十七条第四项' },
  publicInterest: {
    text: '涉及国家利益、社会公共利益',
    basis: '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百五十七条第五项',
  },
  thirdPartyRevocation: {
    text: '第三人起诉请求改变或者撤销生效判决、裁定、调解书',
    basis: '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百五十七条第六项',
  },
  complex: {
    text: '案情复杂，不宜适用简易程序',
    basis: '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》第二百五十七条第七项；《中华人民共和国民事诉讼法》第一百六十条',
  },
} as const;
export type SimplifiedExclusion = keyof typeof SIMPLIFIED_EXCLUSIONS;

export const FLAG_KEYS = [
  'personalStatus',
  'ownership',
  'foreign',
  'appraisal',
  'whereaboutsUnknown',
  'counterclaim',
  'unsuitable',
  'remanded',
  'manyParties',
  'retrial',
  'publicInterest',
  'thirdPartyRevocation',
  'complex',
] as const;
export type TriageFlag = (typeof FLAG_KEYS)[number];

export interface TriageFacts {
  /** the amount claimed in fen; null when the claim is not (only) for money */
  amountFen: number | null;
  /** the claim is not a money payment (nothing to compare with the ceilings) */
  nonMoney?: boolean;
  /** the province's previous-year average annual wage of employed persons, fen */
  averageWageFen: number;
  /** both parties agreed to small claims (only matters between 50 % and 200 %) */
  consent?: boolean;
  flags?: Partial<Record<TriageFlag, boolean>>;
}

export interface TriageReason {
  text: string;
  basis: string;
}

export interface TriageResult {
  procedure: Procedure;
  byConsent: boolean;
  reasons: TriageReason[];
  /** 50 % of the wage figure: the mandatory small-claims ceiling (fen) */
  mandatoryCeilingFen: number;
  /** twice the wage figure: the ceiling by the parties' consent (fen) */
  consentCeilingFen: number;
}

const ART_165 = '《中华人民共和国民事诉讼法》第一百六十五条';
const ART_160 = '《中华人民共和国民事诉讼法》第一百六十条';

/** Yuan with thousands separators, for reasons (fen kept exact). */
export function yuanText(fen: number): string {
  const whole = Math.floor(fen / 100).toLocaleString('en-US');
  const cents = fen % 100;
  return cents === 0 ? `${whole} 元` : `${whole}.${String(cents).padStart(2, '0')} 元`;
}

export function triage(facts: TriageFacts): TriageResult {
  const flags = facts.flags ?? {};
  const wage = facts.averageWageFen;
  // integer arithmetic only: ceilings of half the wage may end in half a fen; compare 2·amount with the wage
  const mandatoryCeilingFen = Math.floor(wage / 2);
  const consentCeilingFen = wage * 2;
  const out = (procedure: Procedure, reasons: TriageReason[], byConsent = false): TriageResult => ({
    procedure,
    byConsent,
    reasons,
    mandatoryCeilingFen,
    consentCeilingFen,
  });

  const simplifiedOut = (Object.keys(SIMPLIFIED_EXCLUSIONS) as SimplifiedExclusion[]).filter((k) => flags[k]);
  if (simplifiedOut.length > 0) {
    const reasons: TriageReason[] = simplifiedOut.map((k) => ({ ...SIMPLIFIED_EXCLUSIONS[k] }));
    reasons.push({ text: '不适用简易程序，适用普通程序审理', basis: ART_160 });
    return out('ordinary', reasons);
  }

  const smallOut = (Object.keys(SMALL_CLAIMS_EXCLUSIONS) as SmallClaimsExclusion[]).filter((k) => flags[k]);
  const reasons: TriageReason[] = smallOut.map((k) => ({ ...SMALL_CLAIMS_EXCLUSIONS[k] }));
  const simplified = (why: TriageReason[]): TriageResult =>
    out('simplified', [
      ...why,
      { text: '事实清楚、权利义务关系明确、争议不大的简单民事案件适用简易程序（简易程序没有标的额上限）', basis: ART_160 },
    ]);

  if (facts.nonMoney || facts.amountFen === null) {
    return simplified([...reasons, { text: '非金钱给付案件，不适用小额诉讼的程序', basis: ART_165 }]);
  }
  if (smallOut.length > 0) return simplified(reasons);

  const amount = facts.amountFen;
  const wageText = `本省上年度就业人员年平均工资 ${yuanText(wage)}`;
  if (amount * 2 <= wage) {
    return out('small-claims', [
      {
        text: `标的额 ${yuanText(amount)}，不超过${wageText}的百分之五十（${yuanText(mandatoryCeilingFen)}），应当适用小额诉讼的程序，一审终审`,
        basis: ART_165,
      },
    ]);
  }
  if (amount <= consentCeilingFen) {
    if (facts.consent) {
      return out(
        'small-claims',
        [
          {
            text: `标的额 ${yuanText(amount)}，超过${wageText}的百分之五十但在二倍（${yuanText(consentCeilingFen)}）以下，当事人双方约定适用小额诉讼的程序`,
            basis: `${ART_165}第二款`,
          },
        ],
        true,
      );
    }
    return simplified([
      { text: `标的额 ${yuanText(amount)}，超过${wageText}的百分之五十，当事人双方未约定适用小额诉讼的程序`, basis: `${ART_165}第二款` },
    ]);
  }
  return simplified([
    {
      text: `标的额 ${yuanText(amount)}，超过${wageText}的二倍（${yuanText(consentCeilingFen)}），不适用小额诉讼的程序`,
      basis: `${ART_165}第二款`,
    },
  ]);
}
