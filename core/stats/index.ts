/**
 * 统计 (the centre's figures, issue 15 item 2): the overview of every register for a period, the clerk's work of
 * the day, the district population (万人成讼率) and the monthly report. Each register computes its own figures
 * (core/<area>/stats.ts, exported from its index.ts); this area combines them.
 */
import { defineArea } from '../api/area';
import { statsOperations } from './operations';
import { statsSettings } from './settings';

export { centreOverview, areaStats, STATS_AREAS, type StatsArea, type CentreOverview } from './overview';
export { monthlyReport, monthPeriod } from './report';
export { statsMeta } from './meta';

export const statsArea = defineArea({ name: 'stats', label: '统计', operations: statsOperations, settings: statsSettings });
