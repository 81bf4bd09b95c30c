import { casesList } from '../../../core/cases/listMeta';
import { casesMeta } from '../../../core/cases/meta';
import { ACCESS as CONFIRMATION_ACCESS } from '../../../core/confirmation/meta';
import { confirmationsList } from '../../../core/confirmation/listMeta';
import { DOCKET_READERS } from '../../../core/docket/meta';
import { docketList } from '../../../core/docket/listMeta';
import { documentsList } from '../../../core/documents/listMeta';
import { documentsMeta } from '../../../core/documents/meta';
import { reliefList } from '../../../core/fees/listMeta';
import { feesMeta } from '../../../core/fees/meta';
import type { ListMeta } from '../../../core/lists/define';
import { mediationsList } from '../../../core/mediation/listMeta';
import { MEDIATION_OPERATIONS } from '../../../core/mediation/meta';
import type { Access } from '../../../core/api/contract';
import type { Role } from '../labels';

/** The registers' lists, each with who may read it (the list operation's own access, never a copy). */
export interface RegisterList {
  meta: ListMeta;
  path: string;
  roles: readonly Role[];
}

const rolesOf = (a: Access): readonly Role[] => (typeof a === 'string' ? [] : (a as readonly Role[]));

export const REGISTER_LISTS: RegisterList[] = [
  { meta: casesList, path: '/lists/cases', roles: rolesOf(casesMeta['cases.browse'].access) },
  { meta: mediationsList, path: '/lists/mediations', roles: rolesOf(MEDIATION_OPERATIONS['mediation.browse'].access) },
  { meta: confirmationsList, path: '/lists/confirmations', roles: CONFIRMATION_ACCESS.read },
  { meta: docketList, path: '/lists/docket', roles: DOCKET_READERS },
  { meta: reliefList, path: '/lists/relief', roles: rolesOf(feesMeta['relief.browse'].access) },
  { meta: documentsList, path: '/lists/documents', roles: rolesOf(documentsMeta['documents.browse'].access) },
];
