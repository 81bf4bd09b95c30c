import { defineSettings, type SettingValues } from '../api/area';
import { holidayDataSchema } from './calendar';

/** The calendar area's settings: years of holiday data entered by an admin from the State Council notice. */
export const calendarSettings = defineSettings({
  /** override the shipped file (core/calendar/holidays-cn.json) year by year */
  'calendar.holidayYears': { label: '法定节假日安排', schema: holidayDataSchema.shape.years, default: {} },
});

declare module '../settings' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface CourtSettings extends SettingValues<typeof calendarSettings> {}
}
