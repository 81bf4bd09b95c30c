import { defineArea } from '../api/area';
import { numberingOperations } from './operations';
import { numberingSettings } from './settings';

/** 案号: allocation, parsing and the centre's register numbers. */
export { advanceCaseSeries, allocateCaseNumber, allocateRegisterNumber, type AllocatedNumber, type CaseNumberRequest } from './allocate';
export { formatCaseNumber, normaliseCaseNumber, parseCaseNumber, type CaseNumberParts } from './caseNumber';
export { courtCodeProblem, normaliseCourtCode } from './courtCode';
export { DEFAULT_REGISTER_PATTERN, formatRegisterNumber, registerPatternProblem, registerSeriesKey } from './registerNumber';
export { CASE_TYPE_CODES, findTypeCode } from './typeCodes';
export { numberingMeta } from './meta';

export const numberingArea = defineArea({
  name: 'numbering',
  label: '案号',
  operations: numberingOperations,
  settings: numberingSettings,
});
