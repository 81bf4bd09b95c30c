import { MEDIATION_OPERATIONS, type MediationOperationName } from '../../../../core/mediation/meta';
import type { Role } from '../../labels';

/** Who may call a mediation operation, from the area's db-free metadata (one role list, never repeated here). */
export function rolesFor(name: MediationOperationName): readonly Role[] {
  const a = MEDIATION_OPERATIONS[name].access;
  return a === 'public' ? [] : (a as readonly Role[]);
}

export function may(name: MediationOperationName, roles: readonly Role[]): boolean {
  return rolesFor(name).some((r) => roles.includes(r));
}

export const MEDIATION_READERS = rolesFor('mediation.list');
export const COORDINATOR = rolesFor('mediation.assign');
export const INTAKE = rolesFor('mediation.open');
export const SUBSIDY_READERS = rolesFor('mediation.subsidies');
export const SETTINGS_EDITORS = rolesFor('mediation.saveSettings');
export const LEGACY_IMPORTERS = rolesFor('mediation.legacyImportConfirm');
