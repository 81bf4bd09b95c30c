import { defineMeta } from '../api/meta';
import { ROLE_GROUPS } from '../api/roles';

/** The fees area's operations without handlers: name, Chinese label, summary, who may call. Imported by the renderer. */
export const feesMeta = defineMeta({
  'fees.schedule': {
    label: '查看诉讼费标准',
    summary: '诉讼费用的种类、程序和结案方式、本院适用的本省标准与取整规则（计算器用）',
    access: 'authenticated',
  },
  'fees.quote': {
    label: '计算诉讼费',
    summary: '按《诉讼费用交纳办法》计算诉讼费用：金额、大写、每一步的计算和依据',
    access: 'authenticated',
  },
  'fees.noticeData': {
    label: '准备交费通知书数据',
    summary:
      '交纳诉讼费用通知书的数据（按给出的计费方式计算；有案件时写明案号、案件名称和受通知人，并扣除已准予的免交、减交、缓交），交 documents.generate 的 fee-notice 模板使用',
    access: ROLE_GROUPS.caseReaders,
  },
  'fees.generateNotice': {
    label: '生成交费通知书',
    summary:
      '生成并登记交纳诉讼费用通知书：数据由服务器按计费方式和案件计算（不接受客户端数据）；与已登记的通知书完全相同时须 confirmDuplicate 确认',
    access: ROLE_GROUPS.caseReaders,
  },
  'fees.settings': {
    label: '查看诉讼费设置',
    summary: '诉讼费用与司法救助的设置：本省标准（按施行日期）、取整规则、收款账户、审批流程、缓交期限与提醒',
    access: 'authenticated',
  },
  'fees.updateSettings': {
    label: '修改诉讼费设置',
    summary: '修改诉讼费用与司法救助的设置（管理员）。本省标准须在《办法》规定的幅度内',
    access: ROLE_GROUPS.admin,
  },
  'fees.case': {
    label: '查看案件诉讼费',
    summary: '案件的诉讼费用：建议的计费方式、司法救助申请与决定、交费与退费、缓交跟踪',
    access: ROLE_GROUPS.caseReaders,
  },
  'relief.grounds': {
    label: '查看司法救助事由',
    summary: '司法救助的种类、法定事由（《办法》第四十五至四十七条）、证明材料种类和审批流程',
    access: 'authenticated',
  },
  'relief.apply': {
    label: '登记司法救助申请',
    summary: '登记司法救助申请（免交、减交、缓交）：申请人、法定事由、证明材料、应交费用、申请减交比例或缓交期限',
    access: ROLE_GROUPS.feeCounter,
  },
  'relief.act': {
    label: '审批司法救助申请',
    summary: '审查或审批司法救助申请：同意、部分准予、不予批准（须书面说明理由）、退回。最后一个阶段的意见即为决定',
    access: 'authenticated',
  },
  'relief.withdraw': {
    label: '撤回司法救助申请',
    summary: '申请人撤回尚未决定的司法救助申请',
    access: ROLE_GROUPS.feeCounter,
  },
  'relief.get': {
    label: '查看司法救助申请',
    summary: '司法救助申请详情：申请、证明材料、各阶段意见、决定',
    access: ROLE_GROUPS.caseReadersAndAdmin,
  },
  'relief.browse': {
    label: '减免缓申请列表',
    summary: '诉讼费减免缓申请列表：按类型、状态、申请日期、决定日期、缓交期满筛选，按申请日期排序，按位置翻页',
    access: ROLE_GROUPS.caseReadersAndAdmin,
  },
  'relief.list': {
    label: '查看司法救助登记簿',
    summary: '司法救助登记簿：按状态、种类、申请日期筛选；“open”为待审批',
    access: ROLE_GROUPS.caseReadersAndAdmin,
  },
  'relief.followUp': {
    label: '查看缓交跟踪',
    summary: '缓交跟踪：到期日、应交、已交、状态（未到期、即将到期、逾期未交、已交清）',
    access: ROLE_GROUPS.caseReadersAndAdmin,
  },
  'relief.reminders': {
    label: '查看工作台提醒',
    summary: '工作台提醒：等待本人所在审批阶段的司法救助申请数，即将到期、逾期未交（及其中尚未记入案件）的缓交数',
    access: 'authenticated',
  },
  'relief.flagOverdue': {
    label: '记录缓交逾期未交',
    summary: '把缓交到期未交纳的案件记入案件时间线（可依法按撤诉处理）；每笔缓交只记一次',
    access: ROLE_GROUPS.overdueFlaggers,
  },
  'fees.recordPayment': {
    label: '登记交费或退费',
    summary: '登记交费或退费；交费可对应一笔已准予的缓交',
    access: ROLE_GROUPS.feeCounter,
  },
  'relief.totals': {
    label: '查看司法救助统计',
    summary: '司法救助统计：按月份和种类的申请数、准予、部分准予、不予批准，免交、减交、缓交金额',
    access: ROLE_GROUPS.reliefTotals,
  },
});
