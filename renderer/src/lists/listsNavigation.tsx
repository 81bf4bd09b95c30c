import { ImportOutlined, TableOutlined } from '@ant-design/icons';
import { COUNTER_ROLES } from '../cases/access';
import type { NavEntry } from '../components/navigation';
import { REGISTER_LISTS } from './registers';

/** The side menu's 列表与导出 group: every register's list, and the import of another body's sheet. */
export const LISTS_NAVIGATION: NavEntry = {
  key: 'lists',
  label: '列表与导出',
  icon: <TableOutlined />,
  children: [
    ...REGISTER_LISTS.map((r) => ({ key: r.path, path: r.path, label: `${r.meta.label}列表`, icon: <TableOutlined />, roles: r.roles })),
    { key: '/cases/import', path: '/cases/import', label: '导入移送案件', icon: <ImportOutlined />, roles: COUNTER_ROLES },
  ],
};
