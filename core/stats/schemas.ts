import { z } from 'zod';
import { input, isoDate, oneOf } from '../api/fields';
import { populationEntrySchema } from './settings';
import { STATS_AREAS } from './overview';

const figureRow = z.object({
  key: z.string(),
  label: z.string(),
  received: z.number().nullable(),
  concluded: z.number().nullable(),
  resolved: z.number().nullable(),
  successRate: z.number().nullable(),
  averageDays: z.number().nullable(),
  medianDays: z.number().nullable(),
  overdue: z.number().nullable(),
});

const period = z.object({ from: z.string(), to: z.string() });

export const areaFiguresSchema = z.object({
  area: z.string(),
  label: z.string(),
  period,
  on: z.string(),
  columns: z.object({
    received: z.string(),
    concluded: z.string(),
    resolved: z.string(),
    successRate: z.string(),
    averageDays: z.string(),
    medianDays: z.string(),
    overdue: z.string(),
  }),
  definitions: z.array(z.string()),
  total: figureRow,
  months: z.array(figureRow),
  breakdowns: z.array(z.object({ by: z.string(), label: z.string(), rows: z.array(figureRow) })),
  notes: z.array(z.object({ key: z.string(), label: z.string(), value: z.number().nullable(), unit: z.enum(['count', 'fen', 'rate']) })),
});

export const overviewSchema = z.object({
  period,
  on: z.string(),
  sections: z.array(areaFiguresSchema),
  litigation: z.object({
    civilFirstInstance: z.number(),
    population: populationEntrySchema.nullable(),
    perTenThousand: z.number().nullable(),
    basis: z.string(),
  }),
  shares: z.object({
    preFilingResolved: z.number(),
    entrustedResolved: z.number(),
    civilFirstInstance: z.number(),
    beforeFiling: z.number().nullable(),
    withoutTrial: z.number().nullable(),
    definitions: z.array(z.string()),
  }),
  funnel: z.array(z.object({ key: z.string(), label: z.string(), count: z.number() })),
});

/** A period: both ends given, the end not before the start, at most ten years (a report, not a scan of history). */
export const periodInput = input({ from: isoDate('统计起始日期'), to: isoDate('统计截止日期') }).superRefine((v, ctx) => {
  if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: '统计截止日期不能早于起始日期' });
  else if (Number(v.to.slice(0, 4)) - Number(v.from.slice(0, 4)) > 10)
    ctx.addIssue({ code: 'custom', path: ['to'], message: '统计期间不能超过十年' });
});

export const areaInput = input({
  area: oneOf('登记簿', STATS_AREAS),
  from: isoDate('统计起始日期'),
  to: isoDate('统计截止日期'),
}).superRefine((v, ctx) => {
  if (v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: '统计截止日期不能早于起始日期' });
});

const link = z.object({ key: z.string(), label: z.string(), count: z.number(), to: z.string() });
export const todaySchema = z.object({
  today: z.string(),
  filedToday: z.object({
    all: z.number(),
    mine: z.number(),
    rows: z.array(z.object({ id: z.number(), number: z.string(), caseType: z.string(), causeName: z.string() })),
  }),
  waiting: z.array(link),
  dueSoon: z.array(link),
});

export const populationSchema = z.object({ entries: z.array(populationEntrySchema) });

export const setPopulationInput = input({
  entries: z
    .array(
      z.object(
        {
          year: z
            .number({ error: '年度必须是数字' })
            .int({ error: '年度应为整数' })
            .min(2000, { error: '年度不早于 2000 年' })
            .max(2100, { error: '年度不晚于 2100 年' }),
          population: z
            .number({ error: '辖区人口必须是数字' })
            .int({ error: '辖区人口应为整数（人）' })
            .min(1, { error: '辖区人口须大于 0' })
            .max(100_000_000, { error: '辖区人口不超过一亿人' }),
          source: z
            .string({ error: '请填写数据来源' })
            .trim()
            .min(1, { error: '请填写数据来源（如统计公报名称）' })
            .max(200, { error: '数据来源不超过 200 字' }),
        },
        { error: '每一年度应有年度、人口数与来源' },
      ),
      { error: '请填写辖区人口' },
    )
    .max(100, { error: '最多登记 100 个年度' })
    .superRefine((rows, ctx) => {
      const seen = new Set<number>();
      rows.forEach((r, i) => {
        if (seen.has(r.year)) ctx.addIssue({ code: 'custom', path: [i, 'year'], message: `${r.year} 年度重复登记` });
        seen.add(r.year);
      });
    }),
});

export const monthlyReportInput = input({
  month: z.string({ error: '请选择月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份应为“年-月”，如 2026-11' }),
  format: oneOf('报表格式', ['xlsx', 'pdf'] as const),
});

export const monthlyReportSchema = z.object({ fileName: z.string(), mime: z.string(), base64: z.string(), sheets: z.number() });
