import { BANFA } from './schedule';

/**
 * The kinds of fee relief (司法救助) and their statutory grounds, 办法 arts. 45–47 (docs/DOMAIN.md “诉讼费用与司法救助”). "other" is
 * each article's last item (其他确有困难的情形) and needs the applicant's reasons in writing.
 */

export const RELIEF_KINDS = {
  waive: { label: '免交', decisionTitle: '准予免交诉讼费用决定书', article: `${BANFA}第四十五条` },
  reduce: { label: '减交', decisionTitle: '准予减交诉讼费用决定书', article: `${BANFA}第四十六条` },
  defer: { label: '缓交', decisionTitle: '准予缓交诉讼费用决定书', article: `${BANFA}第四十七条` },
} as const;

export type ReliefKind = keyof typeof RELIEF_KINDS;
export const RELIEF_KIND_IDS = Object.keys(RELIEF_KINDS) as [ReliefKind, ...ReliefKind[]];

export interface Ground {
  id: string;
  /** the item of the article, as the decision quotes it */
  item: string;
  label: string;
}

/**
 * Each ground's label is the statute's item word for word (办法 arts. 45–47; checked against ./banfaText.ts by
 * a test), because decisions and notices quote it in quotation marks. `catchAll` marks each article's last item
 * (确实需要…的其他情形): the only ground on which a partial grant is possible, since on a listed ground the
 * court 应当准予 in full.
 */
export const RELIEF_GROUNDS: Record<ReliefKind, readonly Ground[]> = {
  waive: [
    { id: 'disabled-no-income', item: '第（一）项', label: '残疾人无固定生活来源的' },
    { id: 'support-claim', item: '第（二）项', label: '追索赡养费、扶养费、抚育费、抚恤金的' },
    {
      id: 'minimum-living',
      item: '第（三）项',
      label: '最低生活保障对象、农村特困定期救济对象、农村五保供养对象或者领取失业保险金人员，无其他收入的',
    },
    {
      id: 'brave-act',
      item: '第（四）项',
      label: '因见义勇为或者为保护社会公共利益致使自身合法权益受到损害，本人或者其近亲属请求赔偿或者补偿的',
    },
    { id: 'other', item: '第（五）项', label: '确实需要免交的其他情形' },
  ],
  reduce: [
    { id: 'disaster', item: '第（一）项', label: '因自然灾害等不可抗力造成生活困难，正在接受社会救济，或者家庭生产经营难以为继的' },
    { id: 'preferential-care', item: '第（二）项', label: '属于国家规定的优抚、安置对象的' },
    { id: 'welfare-institution', item: '第（三）项', label: '社会福利机构和救助管理站' },
    { id: 'other', item: '第（四）项', label: '确实需要减交的其他情形' },
  ],
  defer: [
    { id: 'social-insurance', item: '第（一）项', label: '追索社会保险金、经济补偿金的' },
    {
      id: 'accident-victim',
      item: '第（二）项',
      label: '海上事故、交通事故、医疗事故、工伤事故、产品质量事故或者其他人身伤害事故的受害人请求赔偿的',
    },
    { id: 'legal-aid', item: '第（三）项', label: '正在接受有关部门法律援助的' },
    { id: 'other', item: '第（四）项', label: '确实需要缓交的其他情形' },
  ],
};

/** The catch-all item of each article (45(5), 46(4), 47(4)): partial grants only on it. */
export const CATCH_ALL_GROUND = 'other';

/**
 * The ground a decision cites. A 免交 granted in part is a 减交 (办法 art. 46), so it cites art. 46's catch-all
 * item (确实需要减交的其他情形), not art. 45.
 */
export function decidedGround(kind: ReliefKind, id: string, partial: boolean): { kind: ReliefKind; ground: Ground | undefined } {
  if (kind === 'waive' && partial) return { kind: 'reduce', ground: groundOf('reduce', CATCH_ALL_GROUND) };
  return { kind, ground: groundOf(kind, id) };
}

export function groundOf(kind: ReliefKind, id: string): Ground | undefined {
  return RELIEF_GROUNDS[kind].find((g) => g.id === id);
}

/** "《诉讼费用交纳办法》第四十五条第（二）项" */
export function groundBasis(kind: ReliefKind, id: string): string {
  const g = groundOf(kind, id);
  return `${RELIEF_KINDS[kind].article}${g ? g.item : ''}`;
}

/** A reduction is at least 30 % (办法 art. 46). */
export const MIN_REDUCTION_PERCENT = 30;

/** What the evidence list offers (申请人提交的证明材料, art. 48). */
export const EVIDENCE_KINDS = [
  '困难证明',
  '残疾证',
  '最低生活保障证明',
  '特困供养证明',
  '失业证明',
  '法律援助公函',
  '优抚安置证明',
  '受灾证明',
  '事故认定书',
  '医疗证明',
  '其他',
] as const;
