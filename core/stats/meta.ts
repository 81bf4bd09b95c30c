import { defineMeta } from '../api/meta';

/**
 * 统计 (the centre's figures, issue 15) — what the renderer may import: the operations' names and who may call them.
 * Figures are read by everyone who works the registers and by the administrator (the monthly report); the
 * population figure is the administrator's.
 */
export const STATS_READERS = ['clerk', 'mediation', 'judge', 'approver', 'admin'] as const;

/** The registers of the overview, with their Chinese names and the page of each one's figures. */
export const STATS_AREA_LABELS = {
  cases: '立案登记',
  mediation: '诉调对接（调解）',
  confirmation: '司法确认',
  docket: '速裁',
  relief: '司法救助（诉讼费用）',
} as const;

export const statsMeta = defineMeta({
  'stats.overview': {
    label: '查看中心统计',
    summary:
      '统计期间内各登记簿的收案、结案、成功率、平均与中位用时、超期，分月、分组织、分调解员、分法官、分案由；万人成讼率、诉前化解率与从收案到化解的漏斗',
    access: STATS_READERS,
  },
  'stats.area': { label: '查看登记簿统计', summary: '一个登记簿在统计期间内的各项数字（与中心统计同一计算）', access: STATS_READERS },
  'stats.today': {
    label: '今日工作',
    summary: '今日收案、等待立案窗口处理的事项、即将到期的期限（数量及对应页面）',
    access: 'authenticated',
  },
  'stats.population': { label: '查看辖区人口', summary: '按年的辖区人口数及其来源（万人成讼率的分母）', access: STATS_READERS },
  'stats.setPopulation': { label: '修改辖区人口', summary: '登记或修改各年度辖区人口数及其来源', access: ['admin'] },
  'stats.monthlyReport': {
    label: '导出月度报表',
    summary: '中心月度报表：Excel 工作簿（每个登记簿一张工作表）或 PDF',
    access: STATS_READERS,
  },
});
