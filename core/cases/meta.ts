import { defineMeta } from '../api/meta';
import { ROLE_GROUPS } from '../api/roles';

/**
 * The cases area's operations without handlers: name, Chinese label, summary, who may call. Imported by the renderer. */
export const casesMeta = defineMeta({
  'cases.file': {
    label: '立案登记',
    summary: '立案登记：当事人、代理人、案由、金额、诉讼请求、收到材料；分配案号（或中心登记号）和案件码',
    access: ROLE_GROUPS.counter,
  },
  'cases.get': {
    label: '查看案件',
    summary: '案件详情：当事人、代理人、案由、金额、关联案件、时间线。身份证号仅对需要的角色完整显示；管理员只读查看（追溯审计记录）',
    access: ROLE_GROUPS.caseReadersAndAdmin,
  },
  'cases.search': {
    label: '查询案件',
    summary: '查找案件：案号（全部或部分）、当事人姓名（含两字姓名）、身份证号、统一社会信用代码、电话、案件码；新案在前',
    access: ROLE_GROUPS.caseReadersAndAdmin,
  },
  'cases.browse': {
    label: '案件列表',
    summary:
      '案件列表：按类型、状态、收案日期、案由、承办法官、超审限筛选，按收案日期或登记顺序排序，按位置翻页（不用偏移量）；查询框同案件查询',
    access: ROLE_GROUPS.caseReaders,
  },
  'cases.importPreview': {
    label: '预览导入案件',
    summary:
      '导入其他单位（综治中心、人民调解委员会等）移送的案件表格：按列对应关系逐行用立案登记的规则校验，列出每个未通过的行及原因；不写入任何数据',
    access: ROLE_GROUPS.counter,
  },
  'cases.importConfirm': {
    label: '导入案件',
    summary:
      '确认导入预览过的表格：逐行按立案登记办理（分配编号、当事人、时间线），整批在一个事务中写入，任何一行失败则全部不写入；记入审计日志',
    access: ROLE_GROUPS.counter,
  },
  'cases.recent': {
    label: '最近登记的案件',
    summary: '最近登记的案件（新案在前）',
    access: ROLE_GROUPS.caseReaders,
  },
  'cases.link': {
    label: '关联案件',
    summary: '关联两个案件：转立案（由 → 至）、关联案件、同一当事人；两案时间线均记录',
    access: ROLE_GROUPS.counter,
  },
  'parties.correct': {
    label: '更正当事人信息',
    summary: '更正当事人信息（须写明理由）；原信息保留在更正记录中，相关案件的时间线和检索同步更新',
    access: ROLE_GROUPS.counter,
  },
});

/** Audit-log operations of this area that are not API operations, with their Chinese label (the audit page's filter). */
export const auditEvents = { 'seed.cases': '生成演示案件' } as const;
