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
