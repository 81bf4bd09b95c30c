import { ROLE_KEYS, ROLES, type Role } from '../../core/api/roles';

/**
 * Chinese names shown in the UI. Role names come from core/api/roles.ts, a plain data module with no
 * imports, so the UI and the host can never disagree on them. Operation labels come with the audit rows
 * (the host names them from the areas' metadata).
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
