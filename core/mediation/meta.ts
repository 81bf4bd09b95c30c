import { defineMeta, mayCall as mayCallAccess } from '../api/meta';
import { ROLE_GROUPS } from '../api/roles';

/**
 * What the renderer may import about the mediation operations: name, Chinese label, summary and who may call
 * them. Db-free (no handlers, no schema imports), so the UI shows labels and hides what a role may not do without
 * repeating a role list. operations.ts declares each operation from this table.
 */
const COORDINATOR = ['mediation'] as const;
const INTAKE = ROLE_GROUPS.counter;
const READERS = ROLE_GROUPS.caseReaders;
const SETTINGS = ['mediation', 'admin'] as const;

export const MEDIATION_OPERATIONS = defineMeta({
  'mediation.listOrgs': { label: '调解组织名册', summary: '调解组织名册（类别、层级、覆盖区域、有效期）；可含已停用的', access: READERS },
  'mediation.saveOrg': {
    label: '登记调解组织',
    summary: '新增或修改调解组织（人民调解委员会按村、乡镇、县层级，行政、行业、商事、律师、法院特邀调解组织）',
    access: COORDINATOR,
  },
  'mediation.listMediators': {
    label: '调解员名册',
    summary: '调解员名册：特邀、专职、律师调解员，所属组织、擅长领域、服务区域、在办件数与承办上限',
    access: READERS,
  },
  'mediation.saveMediator': {
    label: '登记调解员',
    summary: '新增或修改调解员（由调解管理人员录入，调解员不是系统用户）',
    access: COORDINATOR,
  },
  'mediation.deactivate': { label: '停用名册条目', summary: '停用调解组织或调解员（记录最后有效日期，历史记录保留）', access: COORDINATOR },
  'mediation.importRoster': {
    label: '导入调解名册',
    summary: '从 Excel 工作簿导入调解组织和调解员，逐行报告未导入的行及原因',
    access: COORDINATOR,
  },
  'mediation.legacyImportPreview': {
    label: '预览导入旧诉前调案件',
    summary:
      '导入原系统的“民诉前调”旧案表格：按列对应关系逐行校验（案号须为本院 2024 年及以前的民诉前调案号且未登记，当事人、案由、金额、日期按立案登记的规则，状态与结案日期），列出每个未通过的行及原因；不写入任何数据',
    access: COORDINATOR,
  },
  'mediation.legacyImportConfirm': {
    label: '导入旧诉前调案件',
    summary:
      '确认导入预览过的旧案表格：每行保留原案号登记为“诉前调解（旧案）”，保留原状态、结案日期和结果；返回任务号，分批写入（每批一个事务，不占住主机），进度用 mediation.legacyImportStatus 查询；中途停止的，已写入的各批保留，再次确认只导入其余的行（原案号已登记为旧案的行识别为已导入，不重复登记）；导入完成的预览不能再次确认；记入审计日志',
    access: COORDINATOR,
  },
  'mediation.legacyImportStatus': {
    label: '查看旧诉前调案件导入进度',
    summary: '旧诉前调案件导入任务的进度和结果：已导入、已导入过（跳过）、未导入的行数，按原状态的件数，停止时的原因及所在行',
    access: COORDINATOR,
  },
  'mediation.open': {
    label: '登记调解',
    summary: '登记调解：委派调解（调登）、委托调解（民初）、院外调解协议、旧诉前调解案件；逐一记录当事人是否同意调解',
    access: INTAKE,
  },
  'mediation.get': {
    label: '调解案件详情',
    summary: '调解案件详情：当事人意见、指派与答复历史、各项期限及依据、结果、下一步',
    access: READERS,
  },
  'mediation.browse': {
    label: '调解列表',
    summary: '调解列表（可选列、可导出）：按类型、状态、收案日期、案由、调解组织、调解员、超期筛选，按收案日期排序，按位置翻页',
    access: READERS,
  },
  'mediation.list': {
    label: '调解登记簿',
    summary: '调解登记簿：按类型、状态、组织、调解员、超期、收案日期筛选，按姓名、身份证号、电话、案号或案件码查找；按编号翻页',
    access: READERS,
  },
  'mediation.recommend': {
    label: '推荐调解员',
    summary: '按擅长领域、层级与区域、在办件数与上限、近期成功率与用时推荐调解员，列出理由和需要回避的人员',
    access: COORDINATOR,
  },
  'mediation.assign': {
    label: '指派调解员',
    summary: '指派或改派调解员（当事人共同选定、按推荐或中心指定）；需回避的不得指派，超出承办上限须写明理由',
    access: COORDINATOR,
  },
  'mediation.respond': {
    label: '调解员答复',
    summary: '调解员签收材料（调解期限次日起算）或拒绝接受（写明理由，退回重新指派）',
    access: COORDINATOR,
  },
  'mediation.recuse': { label: '调解员回避', summary: '调解员回避，退回重新指派（历史保留）', access: COORDINATOR },
  'mediation.recordContact': { label: '记录首次联系', summary: '记录调解员首次联系当事人的日期', access: COORDINATOR },
  'mediation.recordConsent': {
    label: '记录当事人意见',
    summary: '记录当事人是否同意调解或延长调解期限；不同意或坚持起诉的，委派调解终结并立即立案',
    access: INTAKE,
  },
  'mediation.extend': {
    label: '延长调解期限',
    summary: '经双方当事人同意延长调解期限三十日（延长期间不计入审理期限）',
    access: COORDINATOR,
  },
  'mediation.recordAgreement': {
    label: '记录调解协议',
    summary: '记录调解协议（逐项条款、签署日期、签署人）及结案方式：履行、撤诉、出具调解书或申请司法确认',
    access: COORDINATOR,
  },
  'mediation.recordFailure': {
    label: '记录调解不成',
    summary: '记录调解不成的原因和无争议事实；委派调解转立案（民初），委托调解转入审理并在开庭前送达交费通知',
    access: COORDINATOR,
  },
  'mediation.convert': { label: '转立案', summary: '调解不成的委派调解转为民初案件（关联为转立案，案号连续）', access: INTAKE },
  'mediation.warnings': {
    label: '调解预警',
    summary: '调解预警：今日到期、两日内到期、已超期的分派、接受、首次联系和调解期限；可按调解员或组织查看',
    access: READERS,
  },
  'mediation.settings': {
    label: '调解设置',
    summary: '调解工作设置（分派、接受、首次联系的工作日期限，调解补贴标准）及其生效日期',
    // the admin who may change them (调解设置 page) reads them too
    access: ROLE_GROUPS.caseReadersAndAdmin,
  },
  'mediation.saveSettings': {
    label: '保存调解设置',
    summary: '保存自某日起施行的调解工作设置；此前的案件仍按当时的设置',
    access: SETTINGS,
  },
  'mediation.subsidies': {
    label: '调解补贴月报',
    summary: '某月调解补贴明细：按调解员和组织，依结果与调解员类别及当时施行的标准计算',
    access: COORDINATOR,
  },
  'mediation.subsidiesExport': {
    label: '导出调解补贴月报',
    summary: '某月调解补贴月报导出为 Excel 工作簿（按调解员、按调解组织、案件明细三张表；金额以元计，日期为日期格式）',
    access: COORDINATOR,
  },
  'mediation.lookup': {
    label: '调解进度查询',
    summary: '自助终端凭案件码和当事人手机号后四位查询调解进度（只显示阶段、组织、下一步及日期）；限频并记录每次查询',
    access: 'public',
  },
});
export const mediationMeta = MEDIATION_OPERATIONS;

export type MediationOperationName = keyof typeof MEDIATION_OPERATIONS;

/** Whether a user with these roles may call the operation (for showing or hiding buttons). */
export function mayCall(name: MediationOperationName, roles: readonly string[]): boolean {
  return mayCallAccess(MEDIATION_OPERATIONS[name].access, roles);
}

export {
  CLOSINGS,
  FAILURE_REASONS,
  FLOWS,
  LEVELS,
  MEDIATOR_KINDS,
  ORG_KINDS,
  STATUSES,
  WARNING_TIERS,
  LIMIT_KINDS,
  CONSENT_ANSWERS,
  ASSIGN_HOW,
  LEGACY_IMPORT_FIELDS,
  LEGACY_IMPORT_FIELD_KEYS,
  LEGACY_OUTCOMES,
  type LegacyImportField,
} from './labels';
