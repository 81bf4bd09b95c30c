import { IMPORT_FIELDS as CASE_IMPORT_FIELDS } from '../cases/listMeta';

/**
 * The mediation register's fixed vocabularies with their Chinese names. Db-free: the renderer imports it.
 * Sources: 特邀调解规定 arts. 7–9 (organisations and mediators of the roster), 人民调解法 arts. 7–8
 * (people's mediation committees of villages, towns and streets), 2024意见 (委派 before filing, 委托 after).
 */
export const ORG_KINDS = {
  people: '人民调解委员会',
  administrative: '行政调解组织',
  industry: '行业性专业性调解组织',
  commercial: '商事调解组织',
  lawyer: '律师调解工作室',
  court: '法院特邀调解工作室',
} as const;
export type OrgKind = keyof typeof ORG_KINDS;
export const ORG_KIND_IDS = Object.keys(ORG_KINDS) as [OrgKind, ...OrgKind[]];

/** The three layers: the lowest that covers the parties' region is tried first. */
export const LEVELS = { village: '村（社区）', town: '乡镇（街道）', county: '县（区）' } as const;
export type Level = keyof typeof LEVELS;
export const LEVEL_IDS = Object.keys(LEVELS) as [Level, ...Level[]];
export const LEVEL_RANK: Record<Level, number> = { village: 1, town: 2, county: 3 };

export const MEDIATOR_KINDS = { invited: '特邀调解员', staff: '专职调解员', lawyer: '律师调解员' } as const;
export type MediatorKind = keyof typeof MEDIATOR_KINDS;
export const MEDIATOR_KIND_IDS = Object.keys(MEDIATOR_KINDS) as [MediatorKind, ...MediatorKind[]];

/**
 * The figures' group for mediations with no organisation or mediator on the roster: the not yet assigned, the
 * outside agreements and the imported legacy records (their organisations are names, not roster entries).
 */
export const UNROSTERED = { org: '（院外组织或未分派）', mediator: '（院外调解员或未分派）' } as const;

export const FLOWS = {
  delegated: '委派调解（诉前）',
  entrusted: '委托调解（立案后）',
  outside: '院外调解协议（申请司法确认）',
  legacy: '诉前调解（旧案）',
} as const;
export type Flow = keyof typeof FLOWS;
export const FLOW_IDS = Object.keys(FLOWS) as [Flow, ...Flow[]];

export const PROCEDURES = { ordinary: '普通程序', simplified: '简易程序' } as const;
export type Procedure = keyof typeof PROCEDURES;

export const STATUSES = {
  'awaiting-consent': '待当事人同意',
  'awaiting-assignment': '待分派',
  'awaiting-acceptance': '待调解员接受',
  'in-progress': '调解中',
  agreement: '已达成协议',
  closed: '已结案',
  failed: '调解不成',
  converted: '已转立案',
  'back-to-trial': '已转入审理',
} as const;
export type Status = keyof typeof STATUSES;
export const STATUS_IDS = Object.keys(STATUSES) as [Status, ...Status[]];
/** statuses in which the mediation is still open (counts against a mediator's capacity) */
export const OPEN_STATUSES: readonly Status[] = ['awaiting-consent', 'awaiting-assignment', 'awaiting-acceptance', 'in-progress'];

export const CONSENT_ANSWERS = { agree: '同意', refuse: '不同意', sue: '坚持起诉' } as const;
export type ConsentAnswer = keyof typeof CONSENT_ANSWERS;
export const CONSENT_SUBJECTS = { mediate: '同意调解', extension: '同意延长调解期限' } as const;
export type ConsentSubject = keyof typeof CONSENT_SUBJECTS;

export const ASSIGN_HOW = { joint: '当事人共同选定', recommended: '按推荐指派', appointed: '中心指定' } as const;
export type AssignHow = keyof typeof ASSIGN_HOW;

export const ASSIGNMENT_STATES = {
  pending: '待接受',
  accepted: '已接受',
  declined: '已拒绝',
  recused: '已回避',
  replaced: '已改派',
  ended: '已结束',
} as const;

/** Why a mediation ended without agreement (docs/DOMAIN.md “调解”; 特邀调解规定 art. 26; 人民调解法 art. 26). */
export const FAILURE_REASONS = {
  withdrew: '当事人撤回调解申请或拒绝继续调解',
  'too-far-apart': '双方分歧较大，难以达成协议',
  unreachable: '当事人无法联系',
  expired: '调解期限届满且未同意延长',
  'refused-to-sign': '当事人拒绝签署调解协议',
} as const;
export type FailureReason = keyof typeof FAILURE_REASONS;
export const FAILURE_REASON_IDS = Object.keys(FAILURE_REASONS) as [FailureReason, ...FailureReason[]];

export const CLOSINGS = {
  performed: '当即履行，以其他方式结案',
  withdrawn: '撤回起诉（申请），以其他方式结案',
  'mediation-document': '出具民事调解书',
  confirmation: '申请司法确认',
} as const;
export type Closing = keyof typeof CLOSINGS;
export const CLOSING_IDS = Object.keys(CLOSINGS) as [Closing, ...Closing[]];

/** Warning tiers of the warnings view. */
export const WARNING_TIERS = { overdue: '已超期', today: '今日到期', soon: '两日内到期' } as const;
export type WarningTier = keyof typeof WARNING_TIERS;

export const LIMIT_KINDS = {
  assign: '分派期限',
  accept: '接受期限',
  contact: '首次联系期限',
  legal: '调解期限',
} as const;
export type LimitKind = keyof typeof LIMIT_KINDS;

/**
 * The old status (or outcome) of a legacy 民诉前调 record on the centre's former system, with the words such
 * systems use for it (core/mediation/importLegacy.ts). Each keeps its state in the register: 调解中 stays open and
 * can be continued; 调解成功 and 撤回 are closed; 调解不成 is failed.
 */
export const LEGACY_OUTCOMES = {
  'in-progress': { label: '调解中', synonyms: ['调解中', '在办', '未结', '正在调解', '进行中', '待调解'] },
  agreement: { label: '调解成功', synonyms: ['调解成功', '达成协议', '已达成协议', '成功', '调解结案'] },
  failed: { label: '调解不成', synonyms: ['调解不成', '调解不成功', '调解失败', '调解未成', '未达成协议', '不成功', '失败'] },
  withdrawn: { label: '撤回', synonyms: ['撤回', '撤回申请', '撤回调解申请', '申请人撤回', '撤回调解', '撤诉'] },
} as const;
export type LegacyOutcome = keyof typeof LEGACY_OUTCOMES;

/**
 * The columns of a legacy 民诉前调 sheet: the 案号 the record keeps, the counter's own fields (shared with the case
 * import, core/cases/listMeta.ts), and the record's old state — status, closing date, how an agreement closed, why
 * a mediation failed, the agreement's terms and signatories, and the organisation and mediator named on it.
 */
export const LEGACY_IMPORT_FIELDS = {
  number: { label: '案号', synonyms: ['案号', '原案号', '诉前调案号', '调解案号', '诉前调解案号'] },
  receivedOn: CASE_IMPORT_FIELDS.receivedOn,
  cause: CASE_IMPORT_FIELDS.cause,
  amount: CASE_IMPORT_FIELDS.amount,
  applicantName: CASE_IMPORT_FIELDS.applicantName,
  applicantId: CASE_IMPORT_FIELDS.applicantId,
  applicantPhone: CASE_IMPORT_FIELDS.applicantPhone,
  applicantAddress: CASE_IMPORT_FIELDS.applicantAddress,
  applicantRepresentative: CASE_IMPORT_FIELDS.applicantRepresentative,
  applicantRepresentativeTitle: CASE_IMPORT_FIELDS.applicantRepresentativeTitle,
  respondentName: CASE_IMPORT_FIELDS.respondentName,
  respondentId: CASE_IMPORT_FIELDS.respondentId,
  respondentPhone: CASE_IMPORT_FIELDS.respondentPhone,
  respondentAddress: CASE_IMPORT_FIELDS.respondentAddress,
  respondentRepresentative: CASE_IMPORT_FIELDS.respondentRepresentative,
  respondentRepresentativeTitle: CASE_IMPORT_FIELDS.respondentRepresentativeTitle,
  claims: CASE_IMPORT_FIELDS.claims,
  facts: CASE_IMPORT_FIELDS.facts,
  status: { label: '调解状态', synonyms: ['调解状态', '案件状态', '状态', '调解结果', '结果'] },
  outcomeOn: { label: '结案日期', synonyms: ['结案日期', '办结日期', '调解结束日期', '结束日期'] },
  closing: { label: '结案方式', synonyms: ['结案方式', '协议履行方式', '处理方式'] },
  failureReason: { label: '调解不成原因', synonyms: ['调解不成原因', '不成原因', '未成原因', '调解失败原因', '失败原因'] },
  terms: { label: '协议内容', synonyms: ['协议内容', '调解协议内容', '协议条款', '调解协议'] },
  signatories: { label: '协议签署人', synonyms: ['协议签署人', '签署人'] },
  orgName: { label: '调解组织', synonyms: ['调解组织', '调解机构', '调解单位', '承办组织'] },
  mediatorName: { label: '调解员', synonyms: ['调解员', '承办调解员', '调解人员', '调解员姓名'] },
} as const;
export type LegacyImportField = keyof typeof LEGACY_IMPORT_FIELDS;
export const LEGACY_IMPORT_FIELD_KEYS = Object.keys(LEGACY_IMPORT_FIELDS) as [LegacyImportField, ...LegacyImportField[]];
