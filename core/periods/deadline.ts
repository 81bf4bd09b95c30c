import type { LegalCalendar, Span } from '../calendar/calendar';
import { LEGAL_PERIODS, type PeriodKind } from './table';

export interface Deadline {
  kind: PeriodKind;
  label: string;
  /** the start (the day the trigger happened; not counted) */
  from: string;
  /** the last day of the period, after suspensions and roll-forward */
  due: string;
  /** the last day before it rolled forward over a weekend or holiday, or null when it did not move */
  rolledFrom: string | null;
  basis: string;
}

export interface DeadlineOptions {
  /** spans not counted in the period (suspensions); only their days after the start lengthen it */
  suspended?: Span[];
  /** additional length in the period's unit (an approved extension), added before roll-forward */
  extendBy?: number;
}

/**
 * The due date of a legal period from the one table. Registers call this, never the calendar directly, so
 * every deadline names its basis.
 */
export function computeDeadline(calendar: LegalCalendar, kind: PeriodKind, from: string, opts: DeadlineOptions = {}): Deadline {
  const p = LEGAL_PERIODS[kind];
  const length = p.length + (opts.extendBy ?? 0);
  const suspended = opts.suspended ?? [];
  const raw = endOf(calendar, p.unit, from, length, suspended, false);
  const due = p.rollForward ? endOf(calendar, p.unit, from, length, suspended, true) : raw;
  return { kind, label: p.label, from, due, rolledFrom: due === raw ? null : raw, basis: p.basis };
}

function endOf(calendar: LegalCalendar, unit: string, from: string, length: number, suspended: Span[], rollForward: boolean): string {
  switch (unit) {
    case 'day':
      return calendar.addDays(from, length, { suspended, rollForward });
    case 'month':
      return calendar.addMonths(from, length, { suspended, rollForward });
    case 'year':
      return calendar.addMonths(from, length * 12, { suspended, rollForward });
    case 'working-day':
      return calendar.addWorkingDays(from, length);
    default:
      throw new Error(`unknown period unit ${unit}`);
  }
}
