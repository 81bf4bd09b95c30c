/** The roles of the centre (issue 2). One user may hold several. */
export const ROLES = {
  clerk: '立案窗口',
  mediation: '调解管理',
  judge: '速裁法官',
  print: '文书打印',
  approver: '审批',
  admin: '管理员',
} as const;

export type Role = keyof typeof ROLES;
export const ROLE_KEYS = Object.keys(ROLES) as Role[];

export function roleLabel(role: Role): string {
  return ROLES[role];
}
