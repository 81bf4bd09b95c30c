import { defineArea } from '../api/area';
import { causeOperations } from './operations';

/** 案由: the catalogue of causes of action (2020 and 2025 revisions) and its search. */
export { causeForFiling, findCause, revisionFor, type CauseInput, type CauseRecord } from './catalogue';
export { findCauseByName, listCauses, type CauseRevisionId } from './catalogue';
export { causesMeta } from './meta';

export const causesArea = defineArea({
  name: 'causes',
  label: '案由',
  operations: causeOperations,
});
