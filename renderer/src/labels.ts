import { ROLE_KEYS, ROLES, type Role } from '../../core/auth/roles';

/**
 * Chinese names shown in the UI. Role names come from core/auth/roles.ts, a plain data module with no
 * imports, so the UI and the host can never disagree on them.
 */
export { ROLE_KEYS, ROLES, type Role };

export function roleLabel(role: Role): string {
  return ROLES[role];
}

/** Calm, distinguishable tag colours per role. */
export const ROLE_COLORS: Record<Role, string> = {
  clerk: 'blue',
  mediation: 'cyan',
  judge: 'geekblue',
  print: 'default',
  approver: 'purple',
  admin: 'gold',
};

export const OPERATION_LABELS: Record<string, string> = {
  'setup.initialise': '首次设置',
  'auth.login': '登录',
  'auth.loginFailed': '登录失败',
  'auth.logout': '退出登录',
  'auth.changePassword': '修改密码',
  'users.create': '新建用户',
  'users.update': '修改用户',
  'users.setDisabled': '停用/启用用户',
  'users.resetPassword': '重置密码',
  'settings.update': '修改本院设置',
};

export function operationLabel(op: string): string {
  return OPERATION_LABELS[op] ?? op;
}

export const ENTITY_LABELS: Record<string, string> = {
  court: '法院',
  session: '会话',
  settings: '本院设置',
  user: '用户',
};

export function entityLabel(type: string, id: string | null): string {
  const name = ENTITY_LABELS[type] ?? type;
  return id ? `${name} ${id}` : name;
}
