/**
 * 司法确认 (judicial confirmation) — what the UI may import: labels, the grounds with their articles, and who may
 * do what. No database here (the renderer imports this module at runtime).
 *
 * Articles are printed with the 2023 numbers of the Civil Procedure Law (民诉法 2023: arts. 205–206 on judicial
 * confirmation, 187 on the special-procedure period, 250 on enforcement). The SPC interpretation (解释, 2022 text)
 * keeps its own numbering (arts. 351–358, 372) but cites the 2021 law inside its text (民诉法 2021 arts. 201–202 =
 * 2023 arts. 205–206); the desk never prints the 2021 numbers.
 */

export const LAW = '《中华人民共和国民事诉讼法》';
export const INTERPRETATION = '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》';
export const FEE_BASIS = '《诉讼费用交纳办法》第八条第（一）项：依照民事诉讼法规定的特别程序审理的案件，不交纳案件受理费';

/** The stages of an application and their Chinese names. */
export const STAGES = {
  applied: '待受理审查',
  accepted: '审查中',
  not_accepted: '不予受理',
  decided: '已裁定',
} as const;
export type Stage = keyof typeof STAGES;

/** The outcome of a ruling: which of the five 民事裁定书 it is. */
export const OUTCOMES = {
  valid: '确认调解协议有效',
  rejected: '驳回申请',
  not_accepted: '不予受理',
  withdrawn: '准许撤回',
  deemed_withdrawn: '按撤回申请处理',
} as const;
export type Outcome = keyof typeof OUTCOMES;

/** The template of each ruling (templates/ruling-confirm-*.txt). */
export const RULING_TEMPLATES: Record<Outcome, string> = {
  valid: 'ruling-confirm-valid',
  rejected: 'ruling-confirm-reject',
  not_accepted: 'ruling-confirm-not-accepted',
  withdrawn: 'ruling-confirm-withdraw',
  deemed_withdrawn: 'ruling-confirm-deemed-withdrawn',
};

export const ORGANISATION_KINDS = {
  people: '人民调解委员会',
  invited: '特邀调解组织',
  court: '本院特邀调解员',
  administrative: '行政调解组织',
  industry: '行业性、专业性调解组织',
  commercial: '商事调解组织',
} as const;
export type OrganisationKind = keyof typeof ORGANISATION_KINDS;

/**
 * The materials of 解释 art. 354: the agreement, proof that the organisation mediated, proof of the property rights
 * concerned, and the parties' identity, address and contact; a power of attorney for an agent (民诉法 2023 art. 62).
 */
export const MATERIALS = {
  agreement: '调解协议',
  mediationProof: '调解组织主持调解的证明',
  propertyProof: '与调解协议相关的财产权利证明',
  identity: '双方当事人的身份、住所、联系方式',
  powerOfAttorney: '授权委托书（委托代理人的）',
} as const;
export type MaterialKey = keyof typeof MATERIALS;
/** provided, missing, or not needed (no property rights concerned; no agent) */
export const MATERIAL_STATES = { provided: '已提交', missing: '未提交', not_applicable: '不涉及' } as const;
export type MaterialState = keyof typeof MATERIAL_STATES;

/** Bases of this court's competence (民诉法 2023 art. 205; 解释 art. 352). */
export const COMPETENCE_BASES = {
  invited: '本院邀请（委派）调解',
  domicile: '当事人住所地在本院辖区',
  property: '标的物所在地在本院辖区',
  organisation: '调解组织所在地在本院辖区',
} as const;
export type CompetenceBasis = keyof typeof COMPETENCE_BASES;

export interface Ground {
  code: string;
  /** the ground as the desk lists it */
  label: string;
  /** the sentence the ruling's reasoning may take (no final full stop) */
  finding: string;
}

/**
 * 解释 art. 355 para. 1: the application is not accepted (不予受理). Item (2) (not this court's jurisdiction) is the
 * competence check. Found after acceptance, the same ground leads to a rejection under para. 2.
 */
export const ART355 = {
  'art355-1': { item: 1, label: '不属于人民法院受理范围', finding: '申请确认的调解协议不属于人民法院受理民事案件的范围' },
  'art355-2': { item: 2, label: '不属于本院管辖', finding: '本院对该司法确认申请没有管辖权' },
  'art355-3': {
    item: 3,
    label: '确认身份关系（婚姻、亲子、收养）',
    finding: '申请确认的调解协议涉及婚姻关系、亲子关系、收养关系等身份关系',
  },
  'art355-4': {
    item: 4,
    label: '涉及适用其他特别程序、公示催告程序、破产程序',
    finding: '申请确认的调解协议涉及适用其他特别程序、公示催告程序、破产程序审理的事项',
  },
  'art355-5': { item: 5, label: '涉及物权、知识产权确权', finding: '申请确认的调解协议内容涉及物权、知识产权的确权' },
} as const;
export type Art355Code = keyof typeof ART355;
export const ART355_CODES = Object.keys(ART355) as Art355Code[];

/** 解释 art. 358: the agreement is rejected (驳回申请). */
export const ART358 = {
  'art358-1': { item: 1, label: '违反法律强制性规定', finding: '该调解协议违反法律强制性规定' },
  'art358-2': {
    item: 2,
    label: '损害国家利益、社会公共利益、他人合法权益',
    finding: '该调解协议损害国家利益、社会公共利益或者他人合法权益',
  },
  'art358-3': { item: 3, label: '违背公序良俗', finding: '该调解协议违背公序良俗' },
  'art358-4': { item: 4, label: '违反自愿原则', finding: '该调解协议违反自愿原则' },
  'art358-5': { item: 5, label: '内容不明确', finding: '该调解协议内容不明确' },
  'art358-6': { item: 6, label: '其他不能进行司法确认的情形', finding: '该调解协议存在不能进行司法确认的情形' },
} as const;
export type Art358Code = keyof typeof ART358;
export const ART358_CODES = Object.keys(ART358) as Art358Code[];

/** The application was made after the 30 days of 民诉法 2023 art. 205. */
export const LATE = {
  code: 'late',
  label: '超过申请期限（调解协议生效之日起三十日）',
  finding: '申请人未在调解协议生效之日起三十日内提出申请',
} as const;

const CHINESE_ITEMS = ['', '一', '二', '三', '四', '五', '六'];

/**
 * The article a ground is cited under, in the words a ruling uses (without the statute's name):
 * - art. 355 at acceptance → 第三百五十五条第一款第N项 (不予受理);
 * - art. 355 found after acceptance → 第三百五十五条第二款 with the item of para. 1 (驳回申请, not art. 358);
 * - art. 358 → 第三百五十八条第N项.
 */
export function groundArticle(code: string, afterAcceptance: boolean): { statute: 'law' | 'interpretation'; article: string } {
  if (code === LATE.code) return { statute: 'law', article: '第二百零五条' };
  if (code in ART355) {
    const item = CHINESE_ITEMS[ART355[code as Art355Code].item];
    return {
      statute: 'interpretation',
      article: afterAcceptance ? `第三百五十五条第二款、第一款第${item}项` : `第三百五十五条第一款第${item}项`,
    };
  }
  if (code in ART358) return { statute: 'interpretation', article: `第三百五十八条第${CHINESE_ITEMS[ART358[code as Art358Code].item]}项` };
  throw new Error(`unknown confirmation ground ${code}`);
}

export function groundLabel(code: string): string {
  if (code === LATE.code) return LATE.label;
  if (code in ART355) return ART355[code as Art355Code].label;
  if (code in ART358) return ART358[code as Art358Code].label;
  return code;
}

export const SERVICE_METHODS = {
  direct: '直接送达',
  post: '邮寄送达',
  electronic: '电子送达',
  left: '留置送达',
  entrusted: '委托送达',
} as const;
export type ServiceMethod = keyof typeof SERVICE_METHODS;

export const STEP_KINDS = {
  appearance: '到场核实',
  request: '要求补充材料',
  withdrawal: '撤回申请',
  objection: '对裁定提出异议',
} as const;

/** Who may do what (roles of core/auth/roles.ts). */
export const ACCESS = {
  /** the counter files the application and decides acceptance (立案窗口) */
  counter: ['clerk'],
  /** assignment of the judge and clerk */
  assign: ['clerk', 'judge'],
  /** review steps and the decision: judges */
  review: ['judge'],
  /** the review period's extension is approved by an approver (the president's delegate) */
  approve: ['approver'],
  /** print staff */
  print: ['print'],
  /** service of the ruling and objections recorded afterwards */
  serve: ['clerk', 'print'],
  read: ['clerk', 'mediation', 'judge', 'print', 'approver'],
} as const;

/** Operation labels (audit log, menus). */
export const LABELS = {
  apply: '登记司法确认申请',
  applyFromMediation: '调解协议申请司法确认',
  decideAcceptance: '司法确认受理审查',
  assign: '指定审判员',
  recordAppearance: '记录到场核实',
  requestMaterial: '要求补充材料',
  supplyMaterial: '登记补充材料',
  withdraw: '登记撤回申请',
  deemWithdrawn: '按撤回申请处理',
  extend: '批准延长审查期限',
  decide: '作出司法确认裁定',
  preview: '预览裁定书',
  sign: '签发裁定书',
  serve: '登记送达',
  objection: '登记异议',
  markPrinted: '登记裁定书已打印',
} as const;
