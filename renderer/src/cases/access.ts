import type { Role } from '../labels';

/** Who may do what with cases (core/cases/operations.ts: COUNTER and CASE_READERS). */
export const COUNTER_ROLES: readonly Role[] = ['clerk', 'mediation'];
export const CASE_READER_ROLES: readonly Role[] = ['clerk', 'mediation', 'judge', 'print', 'approver'];

export function canFile(roles: readonly Role[]): boolean {
  return roles.some((r) => COUNTER_ROLES.includes(r));
}

export function canReadCases(roles: readonly Role[]): boolean {
  return roles.some((r) => CASE_READER_ROLES.includes(r));
}
