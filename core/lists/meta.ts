import { defineMeta } from '../api/meta';

/** The lists area's operations without handlers (imported by the renderer). */
export const listsMeta = defineMeta({
  'lists.export': {
    label: '导出列表',
    summary: '把一个登记簿的列表（同样的筛选、排序和所选列）导出为 Excel 工作簿：中文表头、日期为日期、金额以元计；返回文件内容（base64）',
    access: 'authenticated',
  },
  'lists.choices': {
    label: '列表筛选选项',
    summary: '列表筛选用的选项：法官、调解组织、调解员（编号与名称）',
    access: 'authenticated',
  },
});

/** The registers and their Chinese names, for menus and the command line's help. */
export const REGISTER_LABELS = {
  cases: '案件',
  documents: '文书',
  relief: '减免缓申请',
  mediations: '调解',
  confirmations: '司法确认',
  docket: '速裁案件',
} as const;
