import { defineMeta } from '../api/meta';
import { ROLE_GROUPS } from '../api/roles';

/** The auth area's operations without handlers: name, Chinese label, summary, who may call. Imported by the renderer. */
export const authMeta = defineMeta({
  'auth.login': {
    label: '登录',
    summary:
      '登录：用户名和密码换取会话令牌。密码错误或用户不存在均返回 401；同一地址连续错误后须等待（1 秒起倍增，至多 5 分钟），返回 429，不锁定账户',
    access: 'public',
  },
  'auth.logout': {
    label: '退出登录',
    summary: '退出登录，使当前会话令牌失效',
    access: 'authenticated',
  },
  'auth.me': {
    label: '查看本人账户',
    summary: '当前登录用户及本院名称、代字',
    access: 'authenticated',
  },
  'auth.changePassword': {
    label: '修改密码',
    summary: '修改本人密码（须提供当前密码）',
    access: 'authenticated',
  },
  'users.list': {
    label: '查看用户',
    summary: '用户列表（含角色、停用和锁定状态）',
    access: ROLE_GROUPS.admin,
  },
  'users.create': {
    label: '新建用户',
    summary: '新建用户并分配角色',
    access: ROLE_GROUPS.admin,
  },
  'users.update': {
    label: '修改用户',
    summary: '修改用户姓名和角色',
    access: ROLE_GROUPS.admin,
  },
  'users.setDisabled': {
    label: '停用或启用用户',
    summary: '停用或启用用户；停用立即结束其所有会话',
    access: ROLE_GROUPS.admin,
  },
  'users.resetPassword': {
    label: '重置密码',
    summary: '重置用户密码并解除该用户名的登录限速；用户下次登录须修改密码',
    access: ROLE_GROUPS.admin,
  },
});

/** Audit-log operations of this area that are not API operations, with their Chinese label (the audit page's filter). */
export const auditEvents = { 'auth.loginFailed': '登录失败' } as const;
