import { defineArea } from '../api/area';
import { calendarOperations } from './operations';
import { calendarSettings } from './settings';

/** 法定期间与节假日: the legal calendar (statutory holidays, make-up workdays) as the court keeps it. */
export { LegalCalendar, addCalendarDays, daysBetween, shippedCalendar, type HolidayData, type Span } from './calendar';
export { courtCalendar, holidayData } from './courtCalendar';
export { calendarMeta } from './meta';

export const calendarArea = defineArea({
  name: 'calendar',
  label: '法定期间与节假日',
  operations: calendarOperations,
  settings: calendarSettings,
  auditSubjects: { calendar: { label: '节假日安排', name: (_db, year) => `${year} 年` } },
});
