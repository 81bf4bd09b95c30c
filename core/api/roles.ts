/**
 * Roles and role groups: part of the contract (who may call an operation). This module imports nothing, so the
 * renderer imports it at run time and no role list is written twice.
 */

/** The roles of the centre. One user may hold several. */
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

/**
 * Who may do what, as groups of roles: the one place a role list is written. Operation metadata
 * (core/<area>/meta.ts) uses these for its access, and the renderer imports this module (it imports nothing)
 * for its menus and buttons, so the UI and the host can never disagree.
 */
const group = <const T extends readonly Role[]>(roles: T): T => roles;

const CASE_READERS = group(['clerk', 'mediation', 'judge', 'print', 'approver']);

export const ROLE_GROUPS = {
  /** the filing counter: files cases, corrects parties (立案窗口, 调解管理) */
  counter: group(['clerk', 'mediation']),
  /** everyone who reads case files and their documents */
  caseReaders: CASE_READERS,
  /** the case readers and the administrator (registers, follow-up) */
  caseReadersAndAdmin: group([...CASE_READERS, 'admin']),
  /** who sees a party's full ID number (the others see it masked) */
  unmask: group(['clerk', 'mediation', 'judge', 'approver']),
  /** who reads a party's correction history */
  partyHistory: group(['clerk', 'mediation', 'judge', 'approver']),
  /** the fee counter: registers relief applications and payments (立案窗口) */
  feeCounter: group(['clerk']),
  /**
   * who may be a stage of the relief approval chain: the default chain is clerk then approver, and a court
   * may put a judge in it (the chain is a setting, so relief.act is open to any logged-in user and checks the stage)
   */
  reliefApprovers: group(['clerk', 'judge', 'approver']),
  /** who records that a deferral fell due unpaid on the case */
  overdueFlaggers: group(['clerk', 'judge']),
  /** who reads the relief totals */
  reliefTotals: group(['clerk', 'judge', 'approver', 'admin']),
  admin: group(['admin']),
} as const satisfies Record<string, readonly Role[]>;

export type RoleGroup = keyof typeof ROLE_GROUPS;

/** True when a user holding `roles` is in the group (or in the given role list). */
export function inGroup(roles: readonly Role[], group: RoleGroup | readonly Role[]): boolean {
  const allowed: readonly Role[] = typeof group === 'string' ? ROLE_GROUPS[group] : group;
  return roles.some((r) => allowed.includes(r));
}
