import { BarChartOutlined, BranchesOutlined, ScheduleOutlined, SettingOutlined, ThunderboltOutlined } from '@ant-design/icons';
import type { NavEntry } from '../../components/navigation';
import { DOCKET_JUDGES, DOCKET_READERS, DOCKET_SETTINGS, DOCKET_TRIAGE } from '../../../../core/docket/meta';

/** The side menu's 速裁 group. */
export const DOCKET_NAVIGATION: NavEntry = {
  key: 'docket',
  label: '速裁',
  icon: <ThunderboltOutlined />,
  children: [
    { key: '/docket/desk', path: '/docket/desk', label: '我的案件', icon: <ScheduleOutlined />, roles: DOCKET_JUDGES },
    { key: '/docket/triage', path: '/docket/triage', label: '程序分流', icon: <BranchesOutlined />, roles: DOCKET_TRIAGE },
    { key: '/docket/centre', path: '/docket/centre', label: '速裁工作量', icon: <BarChartOutlined />, roles: DOCKET_READERS },
    { key: '/docket/settings', path: '/docket/settings', label: '小额诉讼标准', icon: <SettingOutlined />, roles: DOCKET_SETTINGS },
  ],
};
