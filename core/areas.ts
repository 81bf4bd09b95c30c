import type { AnyArea } from './api/area';
import type { OperationMapOf } from './api/contract';
import { combineOperations } from './api/contract';
import { registerAreas } from './api/registry';
import { auditArea } from './audit';
import { backupArea } from './backup';
import { systemArea } from './system';
import { authArea } from './auth';
import { calendarArea } from './calendar';
import { casesArea } from './cases';
import { causesArea } from './causes';
import { courtArea } from './court';
import { confirmationArea } from './confirmation';
import { docketArea } from './docket';
import { documentsArea } from './documents';
import { feesArea } from './fees';
import { listsArea } from './lists';
import { mediationArea } from './mediation';
import { numberingArea } from './numbering';
import { partiesArea } from './parties';
import { statsArea } from './stats';

/**
 * Every area of the court's work, combined. Adding an area = one line here (its descriptor, exported from its
 * own core/<area>/index.ts); nothing else of core/ changes. Combining refuses a duplicate area, operation name,
 * setting key, document data builder or audit subject (core/api/registry.ts), and the typed operation map the
 * shells serve and the renderer's client is typed from (core/api/operations.ts) is derived from this list.
 */
export const areas = [
  courtArea,
  authArea,
  numberingArea,
  auditArea,
  casesArea,
  partiesArea,
  causesArea,
  calendarArea,
  feesArea,
  documentsArea,
  backupArea,
  systemArea,
  docketArea,
  confirmationArea,
  mediationArea,
  listsArea,
  statsArea,
] as const satisfies readonly AnyArea[];

registerAreas(areas);

export type Areas = typeof areas;

/** name → operation, for every operation of every area. */
export const operations = combineOperations(...areas.flatMap((a) => [...a.operations])) as unknown as OperationMapOf<
  Areas[number]['operations'][number]
>;
