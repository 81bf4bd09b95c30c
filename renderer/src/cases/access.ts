import { inGroup, ROLE_GROUPS, type Role } from '../../../core/api/roles';

/** Who may do what with cases: the role groups of the contract (core/api/roles.ts), not a copy. */
export const COUNTER_ROLES: readonly Role[] = ROLE_GROUPS.counter;
export const CASE_READER_ROLES: readonly Role[] = ROLE_GROUPS.caseReaders;

export function canFile(roles: readonly Role[]): boolean {
  return inGroup(roles, 'counter');
}

export function canReadCases(roles: readonly Role[]): boolean {
  return inGroup(roles, 'caseReaders');
}
