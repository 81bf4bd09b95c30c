import { defineOperation } from '../api/contract';
import { noInput } from '../api/fields';
import { audit, writeTransaction } from '../audit/transaction';
import { readSetting, writeSetting } from '../settings';
import { requireActor } from '../context';
import { dateShanghai } from '../time/clock';
import { statsMeta } from './meta';
import { areaStats, centreOverview } from './overview';
import { monthlyReport } from './report';
import {
  areaFiguresSchema,
  areaInput,
  monthlyReportInput,
  monthlyReportSchema,
  overviewSchema,
  periodInput,
  populationSchema,
  setPopulationInput,
  todaySchema,
} from './schemas';
import { todaysWork } from './today';

const today = (ctx: { core: { clock: { now(): Date } } }) => dateShanghai(ctx.core.clock.now());

export const statsOperations = [
  defineOperation({
    ...statsMeta['stats.overview'],
    input: periodInput,
    output: overviewSchema,
    handler: (ctx, i) => centreOverview(ctx.core, { from: i.from, to: i.to }, today(ctx)),
  }),
  defineOperation({
    ...statsMeta['stats.area'],
    input: areaInput,
    output: areaFiguresSchema,
    handler: (ctx, i) => areaStats(ctx.core, i.area, { from: i.from, to: i.to }, today(ctx)),
  }),
  defineOperation({
    ...statsMeta['stats.today'],
    input: noInput,
    output: todaySchema,
    handler: (ctx) => todaysWork(ctx.core, today(ctx), requireActor(ctx).userId),
  }),
  defineOperation({
    ...statsMeta['stats.population'],
    input: noInput,
    output: populationSchema,
    handler: (ctx) => ({ entries: [...(readSetting(ctx.core.db, 'stats.population') ?? [])].sort((a, b) => a.year - b.year) }),
  }),
  defineOperation({
    ...statsMeta['stats.setPopulation'],
    input: setPopulationInput,
    output: populationSchema,
    handler: (ctx, i) =>
      writeTransaction(ctx.core, (tx) => {
        const before = readSetting(tx, 'stats.population') ?? [];
        const entries = [...i.entries].sort((a, b) => a.year - b.year);
        writeSetting(tx, ctx.core.clock, 'stats.population', entries, ctx.actor?.userId ?? null);
        audit(tx, ctx, {
          operation: 'stats.setPopulation',
          entityType: 'setting',
          entityId: null,
          before: { population: before },
          after: { population: entries },
        });
        return { entries };
      }),
  }),
  defineOperation({
    ...statsMeta['stats.monthlyReport'],
    input: monthlyReportInput,
    output: monthlyReportSchema,
    handler: async (ctx, i) => {
      const r = await monthlyReport(ctx.core, i.month, i.format, today(ctx));
      return { fileName: r.fileName, mime: r.mime, base64: r.bytes.toString('base64'), sheets: r.sheets };
    },
  }),
] as const;
