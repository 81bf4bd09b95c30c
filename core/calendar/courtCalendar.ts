import shipped from './holidays-cn.json';
import type { Db, Tx } from '../context';
import { readSetting } from '../settings';
import { holidayDataSchema, LegalCalendar, type HolidayData } from './calendar';

const SHIPPED: HolidayData = holidayDataSchema.parse(shipped);
let cached: { key: string; calendar: LegalCalendar } | undefined;

/** The shipped holiday years with the admin's entries (from later State Council notices) laid over them. */
export function holidayData(db: Db | Tx): HolidayData {
  const override = readSetting(db, 'calendar.holidayYears') ?? {};
  return { source: SHIPPED.source, years: { ...SHIPPED.years, ...override } };
}

/** The court's calendar; rebuilt only when the admin's holiday entries change. */
export function courtCalendar(db: Db | Tx): LegalCalendar {
  const override = readSetting(db, 'calendar.holidayYears') ?? {};
  // keyed on the admin's entries alone: the shipped years never change, and serialising them on every call
  // cost ~2 ms (lists compute many periods)
  const key = JSON.stringify(override);
  if (cached?.key !== key)
    cached = { key, calendar: new LegalCalendar({ source: SHIPPED.source, years: { ...SHIPPED.years, ...override } }) };
  return cached.calendar;
}
