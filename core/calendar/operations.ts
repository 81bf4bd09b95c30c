import { z } from 'zod';
import { defineOperation } from '../api/contract';
import { calendarMeta } from './meta';
import { fieldError } from '../api/errors';
import { input, integerIn, isoDate, requiredText } from '../api/fields';
import { audit, writeTransaction } from '../audit';
import { emitHolidaysChanged } from './hooks';
import { readSetting, writeSetting } from '../settings';
import { dateShanghai } from '../time/clock';
import { toDayNumber } from './calendar';
import { courtCalendar, holidayData } from './courtCalendar';
import { nextYearNotice } from './nextYear';

const yearSchema = z.object({
  year: z.number(),
  notice: z.string(),
  provisional: z.boolean(),
  holidays: z.array(z.object({ name: z.string(), days: z.array(z.string()) })),
  workdays: z.array(z.string()),
});

export const calendarInfoOperation = defineOperation({
  ...calendarMeta['calendar.info'],
  input: z.object({}).optional(),
  output: z.array(yearSchema),
  handler: (ctx) =>
    Object.entries(holidayData(ctx.core.db).years)
      .map(([year, y]) => ({
        year: Number(year),
        notice: y.notice,
        provisional: Boolean(y.provisional),
        holidays: y.holidays,
        workdays: y.workdays,
      }))
      .sort((a, b) => a.year - b.year),
});

export const calendarNextYearOperation = defineOperation({
  ...calendarMeta['calendar.nextYear'],
  input: z.object({}).optional(),
  output: z.object({ today: z.string(), notice: z.object({ year: z.number(), state: z.enum(['missing', 'provisional']) }).nullable() }),
  handler: (ctx) => {
    const today = dateShanghai(ctx.core.clock.now());
    const years = Object.entries(holidayData(ctx.core.db).years).map(([year, y]) => ({
      year: Number(year),
      provisional: Boolean(y.provisional),
    }));
    return { today, notice: nextYearNotice(today, years) };
  },
});

export const updateCalendarYearOperation = defineOperation({
  ...calendarMeta['calendar.updateYear'],
  input: input({
    year: integerIn('年份', 2000, 2100),
    notice: requiredText('通知名称', { max: 100 }),
    holidays: z
      .array(
        z.object({ name: requiredText('节日名称', { max: 20 }), days: z.array(isoDate('放假日期')).min(1, { error: '每个节日至少一天' }) }),
      )
      .min(1, { error: '请至少录入一个节日' }),
    workdays: z.array(isoDate('调休上班日期')),
  }),
  output: yearSchema,
  handler: (ctx, i) => {
    const inYear = (d: string) => d.startsWith(`${i.year}-`) || (d.startsWith(`${i.year - 1}-12-`) && Number(d.slice(8)) >= 25);
    i.holidays.forEach((h, hi) =>
      h.days.forEach((d, di) => {
        if (!inYear(d)) throw fieldError(`holidays.${hi}.days.${di}`, `${h.name}的放假日期 ${d} 不在 ${i.year} 年`);
      }),
    );
    const holidayDays = new Set(i.holidays.flatMap((h) => h.days));
    i.workdays.forEach((d, di) => {
      if (!inYear(d) && !d.startsWith(`${i.year + 1}-01-`)) throw fieldError(`workdays.${di}`, `调休上班日期 ${d} 不在 ${i.year} 年`);
      if (holidayDays.has(d)) throw fieldError(`workdays.${di}`, `${d} 不能既是放假日又是调休上班日`);
      const weekday = new Date(toDayNumber(d) * 86_400_000).getUTCDay();
      if (weekday !== 0 && weekday !== 6) throw fieldError(`workdays.${di}`, `调休上班日 ${d} 不是周六或周日`);
    });
    return writeTransaction(ctx.core, (tx) => {
      const before = readSetting(tx, 'calendar.holidayYears') ?? {};
      const entry = { notice: i.notice, holidays: i.holidays, workdays: i.workdays };
      writeSetting(tx, ctx.core.clock, 'calendar.holidayYears', { ...before, [String(i.year)]: entry }, ctx.actor?.userId ?? null);
      emitHolidaysChanged(tx, [i.year]);
      audit(tx, ctx, {
        operation: 'calendar.updateYear',
        entityType: 'calendar',
        entityId: i.year,
        before: before[String(i.year)] ?? null,
        after: entry,
      });
      return { year: i.year, provisional: false, ...entry };
    });
  },
});

export const computePeriodOperation = defineOperation({
  ...calendarMeta['calendar.period'],
  input: input({
    start: isoDate('起算日'),
    amount: integerIn('期间长度', 1, 3650),
    unit: z.enum(['days', 'months', 'workingDays'], { error: '期间单位须为日、月或工作日' }),
    suspended: z.array(z.object({ from: isoDate('中止开始日'), to: isoDate('中止结束日') })).default([]),
  }),
  output: z.object({ end: z.string(), rolledFrom: z.string().nullable(), holiday: z.string().nullable(), provisionalYear: z.boolean() }),
  handler: (ctx, i) => {
    const cal = courtCalendar(ctx.core.db);
    i.suspended.forEach((s, si) => {
      if (s.to < s.from) throw fieldError(`suspended.${si}.to`, '中止结束日不能早于开始日');
    });
    const end =
      i.unit === 'days'
        ? cal.addDays(i.start, i.amount, { suspended: i.suspended })
        : i.unit === 'months'
          ? cal.addMonths(i.start, i.amount, { suspended: i.suspended })
          : cal.addWorkingDays(i.start, i.amount);
    const raw =
      i.unit === 'days'
        ? cal.addDays(i.start, i.amount, { suspended: i.suspended, rollForward: false })
        : i.unit === 'months'
          ? cal.addMonths(i.start, i.amount, { suspended: i.suspended, rollForward: false })
          : end;
    const rolled = raw !== end;
    const holiday = rolled ? (cal.holidayName(raw) ?? '休息日') : null;
    return {
      end,
      rolledFrom: rolled ? raw : null,
      holiday,
      provisionalYear:
        cal.coverage().provisional.includes(Number(end.slice(0, 4))) || !cal.coverage().years.includes(Number(end.slice(0, 4))),
    };
  },
});

export const calendarOperations = [
  calendarInfoOperation,
  calendarNextYearOperation,
  updateCalendarYearOperation,
  computePeriodOperation,
] as const;
