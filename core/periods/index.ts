export { LEGAL_PERIODS, PERIOD_KINDS, isPeriodKind, type LegalPeriod, type PeriodKind, type PeriodUnit } from './table';
export { computeDeadline, type Deadline, type DeadlineOptions } from './deadline';
