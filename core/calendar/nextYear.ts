/**
 * Whether next year's holidays still wait for the State Council's notice.
 *
 * The General Office of the State Council publishes each year's 部分节假日安排的通知 late in the year before,
 * usually in November (2025's, 国办发明电〔2024〕12号, on 2024-11-12). Until an admin enters it, next year holds only the statutory
 * holiday dates of 《全国年节及纪念日放假办法》 without the days moved (调休), so a period ending in it may be
 * wrong by a day or more (民诉法 2023 art. 85: a period whose last day is a holiday ends on the next working
 * day). From November the admin is told so on the dashboard.
 */
export interface NextYearNotice {
  year: number;
  /** missing: no data at all for the year; provisional: only the statutory dates, the notice not entered */
  state: 'missing' | 'provisional';
}

/** From this month (1–12) on, next year's notice is expected and its absence is shown. */
export const NOTICE_DUE_MONTH = 11;

export function nextYearNotice(today: string, years: readonly { year: number; provisional: boolean }[]): NextYearNotice | null {
  const month = Number(today.slice(5, 7));
  if (month < NOTICE_DUE_MONTH) return null;
  const year = Number(today.slice(0, 4)) + 1;
  const entry = years.find((y) => y.year === year);
  if (!entry) return { year, state: 'missing' };
  return entry.provisional ? { year, state: 'provisional' } : null;
}
