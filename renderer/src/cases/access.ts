import { inGroup, ROLE_GROUPS, type Role } from '../../../core/api/roles';

/** Who may do what with cases: the role groups of the contract (core/api/roles.ts), not a copy. */
export const COUNTER_ROLES: readonly Role[] = ROLE_GROUPS.counter;
export const CASE_READER_ROLES: readonly Role[] = ROLE_GROUPS.caseReaders;
/** the case readers and the administrator, who opens a case read-only to trace an audit entry (issue 15 item 5) */
export const CASE_VIEWER_ROLES: readonly Role[] = ROLE_GROUPS.caseReadersAndAdmin;

export function canFile(roles: readonly Role[]): boolean {
  return inGroup(roles, 'counter');
}

export function canReadCases(roles: readonly Role[]): boolean {
  return inGroup(roles, 'caseReaders');
}

/** May open a case at all (the administrator read-only: no documents, fees or docket, ID numbers masked). */
export function canViewCases(roles: readonly Role[]): boolean {
  return inGroup(roles, 'caseReadersAndAdmin');
}
