import {
  AuditOutlined,
  CalendarOutlined,
  CloudServerOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FormOutlined,
  PrinterOutlined,
  ProfileOutlined,
  SearchOutlined,
  SettingOutlined,
  TeamOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { CASE_READER_ROLES, COUNTER_ROLES } from '../cases/access';
import { FEE_NAVIGATION, FEE_SETTINGS_NAVIGATION } from '../pages/fees/feeNavigation';
import { CONFIRMATION_NAVIGATION } from '../pages/confirmation/confirmationNavigation';
import { DOCKET_NAVIGATION } from '../pages/docket/docketNavigation';
import { MEDIATION_NAVIGATION } from '../pages/mediation/mediationNavigation';
import { LISTS_NAVIGATION } from '../lists/listsNavigation';
import { STATS_NAVIGATION } from '../pages/stats/statsNavigation';
import type { ReactNode } from 'react';
import type { Role } from '../labels';

/**
 * The side menu: only what exists, and only what the user's roles allow. A group is shown when at least
 * one of its entries is. New registers add their entries here.
 */
export interface NavEntry {
  key: string;
  label: string;
  icon?: ReactNode;
  /** route path; absent for a group */
  path?: string;
  /** roles that see the entry; absent = everyone logged in */
  roles?: readonly Role[];
  children?: NavEntry[];
}

export const NAVIGATION: NavEntry[] = [
  { key: '/', path: '/', label: '工作台', icon: <DashboardOutlined /> },
  { key: '/cases/new', path: '/cases/new', label: '立案登记', icon: <FormOutlined />, roles: COUNTER_ROLES },
  { key: '/cases', path: '/cases', label: '案件查询', icon: <SearchOutlined />, roles: CASE_READER_ROLES },
  { key: '/documents', path: '/documents', label: '文书登记', icon: <PrinterOutlined />, roles: CASE_READER_ROLES },
  MEDIATION_NAVIGATION,
  FEE_NAVIGATION,
  CONFIRMATION_NAVIGATION,
  DOCKET_NAVIGATION,
  LISTS_NAVIGATION,
  STATS_NAVIGATION,
  {
    key: 'admin',
    label: '系统管理',
    icon: <ToolOutlined />,
    children: [
      { key: '/admin/users', path: '/admin/users', label: '用户管理', icon: <TeamOutlined />, roles: ['admin'] },
      { key: '/admin/settings', path: '/admin/settings', label: '本院设置', icon: <SettingOutlined />, roles: ['admin'] },
      { key: '/admin/templates', path: '/admin/templates', label: '文书模板', icon: <FileTextOutlined />, roles: ['admin'] },
      FEE_SETTINGS_NAVIGATION,
      { key: '/admin/holidays', path: '/admin/holidays', label: '节假日', icon: <CalendarOutlined />, roles: ['admin'] },
      { key: '/admin/audit', path: '/admin/audit', label: '审计日志', icon: <AuditOutlined />, roles: ['admin'] },
      { key: '/admin/backup', path: '/admin/backup', label: '数据备份', icon: <CloudServerOutlined />, roles: ['admin'] },
      { key: '/admin/log', path: '/admin/log', label: '运行日志', icon: <ProfileOutlined />, roles: ['admin'] },
    ],
  },
];

export function visibleNavigation(entries: readonly NavEntry[], roles: readonly Role[]): NavEntry[] {
  const out: NavEntry[] = [];
  for (const e of entries) {
    if (e.roles && !e.roles.some((r) => roles.includes(r))) continue;
    if (e.children) {
      const children = visibleNavigation(e.children, roles);
      if (children.length) out.push({ ...e, children });
    } else {
      out.push(e);
    }
  }
  return out;
}

/** The menu key to highlight for a location: the longest entry path that prefixes it. */
export function selectedKey(entries: readonly NavEntry[], pathname: string): string | undefined {
  let best: string | undefined;
  const walk = (list: readonly NavEntry[]) => {
    for (const e of list) {
      if (e.path && (pathname === e.path || pathname.startsWith(`${e.path}/`)) && (!best || e.path.length > best.length)) best = e.key;
      if (e.children) walk(e.children);
    }
  };
  walk(entries);
  return best;
}

/** Every path in the entries, groups walked through. */
function pathsOf(entries: readonly NavEntry[]): Set<string> {
  const out = new Set<string>();
  const walk = (list: readonly NavEntry[]) => {
    for (const e of list) {
      if (e.path) out.add(e.path);
      if (e.children) walk(e.children);
    }
  };
  walk(entries);
  return out;
}

/**
 * Whether a user with these roles may open a page the menu lists (a link elsewhere to a page whose entry their menu
 * hides would only lead to the 403 page). A path the menu does not list is not judged here: true.
 */
export function mayOpen(entries: readonly NavEntry[], roles: readonly Role[], path: string): boolean {
  return !pathsOf(entries).has(path) || pathsOf(visibleNavigation(entries, roles)).has(path);
}
