import { z } from 'zod';
import { defineSettings, type SettingValues } from '../api/area';

/**
 * The population of the court's district, year by year (a dated setting: a period is measured against the figure
 * of its year, or the latest year recorded before it). 万人成讼率 divides by it (core/stats/litigationRate.ts).
 * The figure is the one the local statistics bureau publishes — 常住人口, plus the registered floating population
 * where the 平安建设 assessment counts it — with its source written down beside it.
 */
export const populationEntrySchema = z.object({
  year: z.number().int().min(2000).max(2100),
  population: z.number().int().min(1).max(100_000_000),
  source: z.string().min(1).max(200),
});
export type PopulationEntry = z.infer<typeof populationEntrySchema>;

export const statsSettings = defineSettings({
  'stats.population': { label: '辖区人口（按年）', schema: z.array(populationEntrySchema), default: [] as PopulationEntry[] },
});

export type StatsSettings = SettingValues<typeof statsSettings>;

declare module '../settings' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface CourtSettings extends StatsSettings {}
}
