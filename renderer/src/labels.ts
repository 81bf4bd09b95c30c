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
  'audit.seal': '启用审计密钥',
  'backup.setPolicy': '设置数据备份',
};

export function operationLabel(op: string): string {
  return OPERATION_LABELS[op] ?? op;
}

export const ENTITY_LABELS: Record<string, string> = {
  court: '法院',
  session: '会话',
  settings: '本院设置',
  user: '用户',
  audit: '审计日志',
  backup_policy: '备份策略',
};

export function entityLabel(type: string, id: string | null): string {
  const name = ENTITY_LABELS[type] ?? type;
  if (!id || type === 'settings') return name;
  return /^\d+$/.test(id) ? `${name} #${id}` : `${name} ${id}`;
}

/** Chinese names of record fields that appear in audit before/after records. */
export const FIELD_LABELS: Record<string, string> = {
  courtName: '法院全称',
  courtCode: '法院代字',
  registerPattern: '中心登记号格式',
  sessionIdleMinutes: '无操作自动退出',
  sessionMaxHours: '会话最长',
  lockoutThreshold: '密码错误锁定次数',
  lockoutMinutes: '锁定时长',
  username: '用户名',
  displayName: '姓名',
  roles: '角色',
  disabled: '停用',
  mustChangePassword: '须改密码',
  lockedUntil: '锁定至',
  lastLoginAt: '最近登录',
  failedLogins: '密码错误次数',
};

export function fieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? key;
}
