import { eq } from 'drizzle-orm';
import { cases } from '../../db/schema';
import { defineArea } from '../api/area';
import type { Tx } from '../context';
import { docketSettings } from './settings';
import { DOCKET_DATA_BUILDERS } from './documentData';
import type { Clock } from '../time/clock';
import { enterDocketAt } from './entry';
import { onHolidaysChanged } from '../calendar/hooks';
import { recomputeOpenDueDates } from './dueDate';
import { docketOperations } from './operations';
import type { DocketSource } from './schemas';

/**
 * The docket (速裁) area: triage of 民初 cases, assignment to the fast-track judges, trial periods with
 * suspensions, extensions and conversion, closing, the judge's desk and the centre's figures.
 *
 * Public API for other areas: `enterDocket` (the mediation area hands over a 民初 case after a failed 委托
 * mediation, inside its own transaction), `docketJudgeOf` (the judge named on a case, for documents).
 */
export const docketArea = defineArea({
  name: 'docket',
  label: '速裁',
  operations: docketOperations,
  settings: docketSettings,
  dataBuilders: DOCKET_DATA_BUILDERS,
  auditSubjects: {
    docket_case: {
      label: '速裁案件',
      name: (db, id) =>
        db
          .select({ number: cases.number })
          .from(cases)
          .where(eq(cases.id, Number(id)))
          .get()?.number ?? null,
    },
    docket_suspension: { label: '扣除审限' },
    docket_extension: { label: '延长审限申请' },
    docket_wage_figure: { label: '本省年平均工资' },
    docket_hearing: { label: '庭审' },
  },
});
export { docketOperations };

// stored due dates follow the court's holiday calendar: an edit of a year recomputes the open cases it can move
onHolidaysChanged((tx, years) => {
  recomputeOpenDueDates(tx, years);
});

/**
 * Puts a 民初 case on the docket's triage queue. Call it inside your write transaction; idempotent (false when
 * the case was already on the docket). `source`: 'filing' | 'mediation-failed'. Without a clock the entry time
 * is the time of the case's latest timeline event (the caller's own event of the hand-over).
 */
export function enterDocket(tx: Tx, caseId: number, source: DocketSource, clock?: Clock): boolean {
  return enterDocketAt(tx, clock ?? null, caseId, source);
}

export { docketJudgeOf } from './judgeOf';
export type { DocketSource } from './schemas';
export type { Procedure } from './triage';
export { docketBrowse } from './browse';
export { docketStats } from './stats';
