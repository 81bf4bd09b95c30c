import { ApartmentOutlined, ImportOutlined, MoneyCollectOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import type { NavEntry } from '../../components/navigation';
import { COORDINATOR, LEGACY_IMPORTERS, MEDIATION_READERS, SETTINGS_EDITORS, SUBSIDY_READERS } from './access';

/** The side menu's 诉调对接 group. */
export const MEDIATION_NAVIGATION: NavEntry = {
  key: 'mediation',
  label: '诉调对接',
  icon: <ApartmentOutlined />,
  children: [
    { key: '/mediation', path: '/mediation', label: '调解登记簿', icon: <ApartmentOutlined />, roles: MEDIATION_READERS },
    { key: '/mediation/roster', path: '/mediation/roster', label: '调解名册', icon: <TeamOutlined />, roles: COORDINATOR },
    {
      key: '/mediation/import-legacy',
      path: '/mediation/import-legacy',
      label: '导入旧诉前调案件',
      icon: <ImportOutlined />,
      roles: LEGACY_IMPORTERS,
    },
    {
      key: '/mediation/subsidies',
      path: '/mediation/subsidies',
      label: '调解补贴月报',
      icon: <MoneyCollectOutlined />,
      roles: SUBSIDY_READERS,
    },
    { key: '/mediation/settings', path: '/mediation/settings', label: '调解设置', icon: <SettingOutlined />, roles: SETTINGS_EDITORS },
  ],
};
