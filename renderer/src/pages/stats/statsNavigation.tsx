import { AreaChartOutlined, FundOutlined } from '@ant-design/icons';
import type { NavEntry } from '../../components/navigation';
import { STATS_AREA_LABELS, STATS_READERS } from '../../../../core/stats/meta';

/** The side menu's 统计 group: the centre overview and one page per register. */
export const STATS_NAVIGATION: NavEntry = {
  key: 'stats',
  label: '统计',
  icon: <AreaChartOutlined />,
  children: [
    { key: '/stats', path: '/stats', label: '中心统计', icon: <FundOutlined />, roles: STATS_READERS },
    ...Object.entries(STATS_AREA_LABELS).map(([area, label]) => ({
      key: `/stats/${area}`,
      path: `/stats/${area}`,
      label,
      roles: STATS_READERS,
    })),
  ],
};
