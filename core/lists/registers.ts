import { casesBrowse } from '../cases';
import { confirmationsBrowse } from '../confirmation';
import { docketBrowse } from '../docket';
import { documentsBrowse } from '../documents';
import { reliefBrowse } from '../fees';
import { mediationsBrowse } from '../mediation';
import type { AnyListBinding } from './query';

/** Every register's list, by the name the export and the command line use (`court export --what …`). */
export const REGISTERS = {
  cases: casesBrowse,
  documents: documentsBrowse,
  relief: reliefBrowse,
  mediations: mediationsBrowse,
  confirmations: confirmationsBrowse,
  docket: docketBrowse,
} as const satisfies Record<string, AnyListBinding>;

export type RegisterName = keyof typeof REGISTERS;
export const REGISTER_NAMES = Object.keys(REGISTERS) as [RegisterName, ...RegisterName[]];
