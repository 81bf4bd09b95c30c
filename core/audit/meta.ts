import { defineMeta } from '../api/meta';
import { ROLE_GROUPS } from '../api/roles';

/** The audit area's operations without handlers: name, Chinese label, summary, who may call. Imported by the renderer. */
export const auditMeta = defineMeta({
  'audit.list': {
    label: '查看审计日志',
    summary: '审计日志（最新在前，按编号向前翻页；可按操作筛选）',
    access: ROLE_GROUPS.admin,
  },
  'audit.verify': {
    label: '校验审计哈希链',
    summary: '检查数据库完整性、审计链（密钥校验和链头）和每条受审计记录的内容，指出被改动的审计记录和数据',
    access: ROLE_GROUPS.admin,
  },
  'audit.verifyProgress': {
    label: '查看校验进度',
    summary: '正在进行的校验的阶段（数据库完整性、审计链、受审计记录）和已完成的数量；校验在后台线程中进行，不影响其他操作',
    access: ROLE_GROUPS.admin,
  },
});

/** Audit-log operations of this area that are not API operations, with their Chinese label (the audit page's filter). */
export const auditEvents = { 'audit.seal': '启用审计密钥' } as const;
