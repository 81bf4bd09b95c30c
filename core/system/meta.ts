import { defineMeta } from '../api/meta';
import { ROLE_GROUPS } from '../api/roles';

/** The system area's operations without handlers: name, Chinese label, summary, who may call. Imported by the renderer. */
export const systemMeta = defineMeta({
  'system.log': {
    label: '查看运行日志',
    summary: '主机运行日志的最近记录（请求、错误、数据库繁忙或磁盘已满），最新在前；不含令牌、密码和身份证号（管理员）',
    access: ROLE_GROUPS.admin,
  },
});
