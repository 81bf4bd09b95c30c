import { defineMeta } from '../api/meta';
import { ROLE_GROUPS } from '../api/roles';

/** The calendar area's operations without handlers: name, Chinese label, summary, who may call. Imported by the renderer. */
export const calendarMeta = defineMeta({
  'calendar.info': {
    label: '查看节假日安排',
    summary: '法定节假日与调休上班日（按年）；标明哪些年份尚未录入国务院通知',
    access: 'authenticated',
  },
  'calendar.nextYear': {
    label: '查看明年节假日通知状态',
    summary: '自十一月起，明年的国务院节假日安排通知尚未录入时提示（按系统日期）',
    access: 'authenticated',
  },
  'calendar.updateYear': {
    label: '修改节假日安排',
    summary: '按国务院当年节假日安排通知录入或更正一年的放假日和调休上班日（管理员）',
    access: ROLE_GROUPS.admin,
  },
  'calendar.period': {
    label: '计算期间',
    summary: '期间计算：起算日（不计入）加若干日、月或工作日，末日遇节假日顺延；可扣除中止的期间',
    access: 'authenticated',
  },
});
