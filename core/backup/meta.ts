import { defineMeta } from '../api/meta';
import { ROLE_GROUPS } from '../api/roles';

/** The backup area's operations without handlers: name, Chinese label, summary, who may call. Imported by the renderer. */
export const backupMeta = defineMeta({
  'backup.status': {
    label: '查看数据备份',
    summary: '数据备份：备份策略、最近的备份及其校验结果，超过备份间隔时给出提醒',
    access: ROLE_GROUPS.admin,
  },
  'backup.setPolicy': {
    label: '设置数据备份',
    summary: '设置定时备份：备份文件夹（如移动硬盘或网络共享）、间隔小时数、保留份数',
    access: ROLE_GROUPS.admin,
  },
  'backup.start': {
    label: '立即备份',
    summary: '立即备份：在后台复制数据库（不影响他人使用），返回进度编号',
    access: ROLE_GROUPS.admin,
  },
  'backup.progress': {
    label: '查看备份进度',
    summary: '备份进度：已复制的页数、结果和备份文件',
    access: ROLE_GROUPS.admin,
  },
});
