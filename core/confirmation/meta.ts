import { defineMeta } from '../api/meta';
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

/** The confirmation operations without handlers: name, Chinese label, summary, who may call (core/api/contract.ts operationsOf). */
export const confirmationMeta = defineMeta({
  'confirmation.browse': {
    label: '司法确认列表',
    summary: '司法确认申请列表：按阶段、结果、申请日期、调解组织、审查法官筛选，按申请日期排序，按位置翻页',
    access: ACCESS.read,
  },
  'confirmation.apply': {
    label: LABELS.apply,
    summary:
      '登记司法确认申请（窗口登记在外达成的调解协议）：各方当事人均为申请人（至少两名），协议条款逐项登记，书面或口头（笔录）申请，解释第三百五十四条材料清单；立民特案号，不收案件受理费（办法第八条第一项）',
    access: ACCESS.counter,
  },
  'confirmation.applyFromMediation': {
    label: LABELS.applyFromMediation,
    summary:
      '调解登记簿中达成的调解协议一步申请司法确认：当事人（均为申请人）、调解组织、调解员、协议日期和条款从调解记录带入，不重新录入；窗口补录申请方式和材料清单；立民特案号，不收案件受理费；申请日期超过调解协议生效之日起三十日（民诉法第二百零五条）的不予登记',
    access: ACCESS.counter,
  },
  'confirmation.ofMediation': {
    label: '调解协议的司法确认',
    summary:
      '某一调解案件的调解协议是否已申请司法确认，及其民特案号；协议的申请期限（生效之日起三十日，民诉法第二百零五条）届满日及今天是否仍在期限内',
    access: ACCESS.read,
  },
  'confirmation.get': {
    label: '查看司法确认',
    summary: '一件司法确认：申请人、调解协议条款、材料、各项期限及其状态、受理审查、审查经过、裁定、送达、异议期限和申请执行期限',
    access: ACCESS.read,
  },
  'confirmation.decideAcceptance': {
    label: LABELS.decideAcceptance,
    summary:
      '受理审查：申请期限（民诉法第二百零五条）、本院管辖、解释第三百五十五条各项情形逐项记录条文；全部通过即受理，任一项未通过即不予受理（须写理由）',
    access: ACCESS.counter,
  },
  'confirmation.assign': {
    label: LABELS.assign,
    summary: '指定承办审判员和书记员（记录指定人和时间）',
    access: ACCESS.assign,
  },
  'confirmation.staff': {
    label: '可指定的审判员和书记员',
    summary: '可指定承办的审判员和书记员（在用账户）',
    access: ACCESS.assign,
  },
  'confirmation.recordAppearance': {
    label: LABELS.recordAppearance,
    summary: '记录双方当事人到场核实：到场的申请人、询问事项和回答（解释第三百五十六条）',
    access: ACCESS.review,
  },
  'confirmation.requestMaterial': {
    label: LABELS.requestMaterial,
    summary: '要求申请人限期补充陈述或证明材料（解释第三百五十四条、第三百五十六条）',
    access: ACCESS.review,
  },
  'confirmation.supplyMaterial': {
    label: LABELS.supplyMaterial,
    summary: '登记申请人已补充要求的材料',
    access: ACCESS.review,
  },
  'confirmation.withdraw': {
    label: LABELS.withdraw,
    summary: '裁定作出前申请人撤回申请，准许撤回（解释第三百五十七条第一款）；随后签发准许撤回的裁定书',
    access: ACCESS.review,
  },
  'confirmation.deemWithdrawn': {
    label: LABELS.deemWithdrawn,
    summary: '补充期限届满仍未补充的，按撤回申请处理（解释第三百五十七条第二款）',
    access: ACCESS.review,
  },
  'confirmation.extend': {
    label: LABELS.extend,
    summary: '批准延长审查期限（民诉法第一百八十七条：有特殊情况需要延长的由院长批准），记录批准人、时间和理由',
    access: ACCESS.approve,
  },
  'confirmation.decide': {
    label: LABELS.decide,
    summary:
      '审查终结：确认调解协议有效，或驳回申请（每项理由引用其条文：受理后发现的解释第三百五十五条情形引第二款及项，其他引第三百五十八条的项）；须写审查意见',
    access: ACCESS.review,
  },
  'confirmation.preview': {
    label: LABELS.preview,
    summary: '预览裁定书（由记录填写，不登记）',
    access: ACCESS.read,
  },
  'confirmation.sign': {
    label: LABELS.sign,
    summary: '承办审判员签发裁定书：由记录生成并登记，此后文本固定，重印与原件逐字节相同',
    access: ACCESS.review,
  },
  'confirmation.serve': {
    label: LABELS.serve,
    summary: '登记向一名申请人送达裁定书：方式、日期、签收人、凭证；据此计算异议期限和申请执行期限',
    access: ACCESS.serve,
  },
  'confirmation.objection': {
    label: LABELS.objection,
    summary: '登记对裁定书的异议（解释第三百七十二条：当事人十五日，利害关系人六个月），与裁定书关联',
    access: ACCESS.serve,
  },
  'confirmation.list': {
    label: '司法确认登记簿',
    summary: '司法确认登记簿：按阶段、承办审判员、申请月份、裁定结果、是否超期筛选',
    access: ACCESS.read,
  },
  'confirmation.figures': {
    label: '司法确认统计',
    summary: '按月统计：申请、受理、不予受理、确认有效、驳回（按理由）、撤回、平均审结天数',
    access: ACCESS.read,
  },
  'confirmation.myQueue': {
    label: '待我审查的司法确认',
    summary: '审判员首页：本人承办、尚未签发裁定书的司法确认，按紧急程度排列',
    access: ACCESS.review,
  },
  'confirmation.printQueue': {
    label: '裁定书打印队列',
    summary: '文书打印首页：已签发待打印的裁定书（每件原本一份、每名申请人副本一份）；可含已打印的以便重印',
    access: [...ACCESS.print, 'clerk'],
  },
  'confirmation.printBatch': {
    label: '批量打印裁定书',
    summary:
      '所选裁定书的打印顺序（原本及每名申请人副本各一份），交 documents.batchStart 合成一个 PDF；打印后以 documents.markPrinted 登记',
    access: [...ACCESS.print, 'clerk'],
  },
  'confirmation.settings': {
    label: '司法确认设置',
    summary: '裁定书的生效表述（本裁定自即日起发生法律效力 / 本裁定送达后即发生法律效力）',
    access: 'authenticated',
  },
  'confirmation.setSettings': {
    label: '修改司法确认设置',
    summary: '修改裁定书的生效表述；已签发的裁定书不受影响（其文本已固定）',
    access: ['admin'],
  },
});
