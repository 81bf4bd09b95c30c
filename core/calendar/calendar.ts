import { z } from 'zod';
import shipped from './holidays-cn.json';

/**
 * Legal periods (docs/DOMAIN.md “期间”; 民诉法 art. 85, 民法典 arts. 201–203). Dates are YYYY-MM-DD strings in
 * Asia/Shanghai; arithmetic is done on UTC midnight, which has no daylight-saving surprises.
 *
 * - The starting day is not counted: a 15-day period from 11-01 ends on 11-16.
 * - A period in months ends on the same-numbered day of the last month, or that month's last day.
 * - If the last day is not a working day (weekend or statutory holiday), the period ends on the next working
 *   day; a make-up working Saturday (调休) is a working day.
 * - Spans in which a period is suspended (public notice, appraisal, extended mediation …) are added on.
 */

export const holidayDataSchema = z.object({
  source: z.string(),
  years: z.record(
    z.string().regex(/^\d{4}$/),
    z.object({
      notice: z.string(),
      provisional: z.boolean().optional(),
      holidays: z.array(z.object({ name: z.string(), days: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)) })),
      workdays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)),
    }),
  ),
});
export type HolidayData = z.infer<typeof holidayDataSchema>;

const DAY_MS = 86_400_000;

export function toDayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addCalendarDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

/** Same-numbered day `months` later, or that month's last day (2026-11-30 + 3 months → 2027-02-28). */
export function addCalendarMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month1 = (((m % 12) + 12) % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month1));
  return `${year}-${String(month1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface Span {
  /** first day of the suspension, inclusive */
  from: string;
  /** last day of the suspension, inclusive */
  to: string;
}

export interface PeriodOptions {
  /** roll an end date that is not a working day forward (default true; a policy flag for the court's own periods) */
  rollForward?: boolean;
  /** spans not counted in the period; their days are added to it */
  suspended?: Span[];
}

export class LegalCalendar {
  private readonly holidays = new Map<string, string>();
  private readonly workdays = new Set<string>();
  private readonly provisionalYears = new Set<number>();
  private readonly years: number[];

  constructor(data: HolidayData = holidayDataSchema.parse(shipped)) {
    for (const [year, y] of Object.entries(data.years)) {
      for (const h of y.holidays) for (const d of h.days) this.holidays.set(d, h.name);
      for (const d of y.workdays) this.workdays.add(d);
      if (y.provisional) this.provisionalYears.add(Number(year));
    }
    this.years = Object.keys(data.years).map(Number).sort();
  }

  /** The years the data covers, and those whose State Council notice has not been entered yet. */
  coverage(): { years: number[]; provisional: number[] } {
    return { years: [...this.years], provisional: [...this.provisionalYears].sort() };
  }

  holidayName(date: string): string | undefined {
    return this.holidays.get(date);
  }

  isWorkingDay(date: string): boolean {
    if (this.workdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const weekday = new Date(toDayNumber(date) * DAY_MS).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  nextWorkingDayOnOrAfter(date: string): string {
    let d = date;
    while (!this.isWorkingDay(d)) d = addCalendarDays(d, 1);
    return d;
  }

  /**
   * Lengthens a period by the suspended days that fall inside it, then rolls it forward. Only days after the
   * start count (the start day itself is not part of the period): a span wholly before the start changes
   * nothing, a span across the start counts from the day after it (docs/DOMAIN.md “期间”).
   */
  private finish(start: string, end: string, opts: PeriodOptions): string {
    let result = end;
    const firstCounted = addCalendarDays(start, 1);
    for (const span of mergeSpans(opts.suspended ?? [])) {
      const from = span.from < firstCounted ? firstCounted : span.from;
      if (span.to < from) continue;
      // only suspensions that start within the period (as extended so far) lengthen it
      if (from <= result) result = addCalendarDays(result, daysBetween(from, span.to) + 1);
    }
    return opts.rollForward === false ? result : this.nextWorkingDayOnOrAfter(result);
  }

  /** End of a period of `days` days starting on `start` (the start day not counted). */
  addDays(start: string, days: number, opts: PeriodOptions = {}): string {
    return this.finish(start, addCalendarDays(start, days), opts);
  }

  addMonths(start: string, months: number, opts: PeriodOptions = {}): string {
    return this.finish(start, addCalendarMonths(start, months), opts);
  }

  /** The `n`th working day after `start` (e.g. "assign within 3 working days"). */
  addWorkingDays(start: string, n: number): string {
    let d = start;
    for (let counted = 0; counted < n;) {
      d = addCalendarDays(d, 1);
      if (this.isWorkingDay(d)) counted++;
    }
    return d;
  }

  /** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is earlier. */
  workingDaysBetween(from: string, to: string): number {
    if (to < from) return -this.workingDaysBetween(to, from);
    let n = 0;
    for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (this.isWorkingDay(d)) n++;
    return n;
  }
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.from.localeCompare(b.from));
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.from <= addCalendarDays(last.to, 1)) {
      if (s.to > last.to) last.to = s.to;
    } else out.push({ ...s });
  }
  return out;
}

let defaultCalendar: LegalCalendar | undefined;
/** The calendar built from the shipped holiday file. */
export function shippedCalendar(): LegalCalendar {
  return (defaultCalendar ??= new LegalCalendar());
}
