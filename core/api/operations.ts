import { auditOperations } from '../audit/operations';
import { authOperations } from '../auth/operations';
import { userOperations } from '../auth/userOperations';
import { courtOperations } from '../court/operations';
import { numberingOperations } from '../numbering/operations';
import { caseOperations } from '../cases/operations';
import { causeOperations } from '../causes/operations';
import { partyOperations } from '../parties/operations';
import { calendarOperations } from '../calendar/operations';
import { documentOperations } from '../documents/operations';
import { feeOperations } from '../fees/operations';
import { confirmationArea } from '../confirmation';
import { combineOperations } from './contract';

/**
 * Every operation of the API, combined from the domain areas. The one map both shells serve and the
 * renderer's client is typed from. Adding an area = adding its array here.
 */
export const operations = combineOperations(
  ...courtOperations,
  ...authOperations,
  ...userOperations,
  ...numberingOperations,
  ...auditOperations,
  ...caseOperations,
  ...partyOperations,
  ...causeOperations,
  ...calendarOperations,
  ...feeOperations,
  ...documentOperations,
  ...confirmationArea.operations,
);

export type Operations = typeof operations;
export type OperationName = keyof Operations;
