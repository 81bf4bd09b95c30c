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
