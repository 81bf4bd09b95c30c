import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { Spin } from 'antd';
import { RequireRole } from '../../components/RequireRole';
import { STATS_READERS } from '../../../../core/stats/meta';

// the charting library is large: it loads with the first statistics page, not with the desk
const StatsOverviewPage = lazy(() => import('./StatsOverviewPage').then((m) => ({ default: m.StatsOverviewPage })));
const StatsAreaPage = lazy(() => import('./StatsAreaPage').then((m) => ({ default: m.StatsAreaPage })));

const page = (el: React.ReactNode) => (
  <RequireRole role={STATS_READERS}>
    <Suspense fallback={<Spin />}>{el}</Suspense>
  </RequireRole>
);

/** The statistics pages' routes, inside the main layout. */
export const statsRoutes = [
  <Route key="stats" path="stats" element={page(<StatsOverviewPage />)} />,
  <Route key="stats-area" path="stats/:area" element={page(<StatsAreaPage />)} />,
];
