import {
  AccountBookOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalculatorOutlined,
  FieldTimeOutlined,
  MoneyCollectOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import type { NavEntry } from '../../components/navigation';
import { ROLE_GROUPS, type Role } from '../../../../core/api/roles';
import { feesMeta } from '../../../../core/fees/meta';

/** Who may do what in the fee pages: the access of the operations themselves (core/fees/meta.ts). */
const rolesOf = (access: (typeof feesMeta)[keyof typeof feesMeta]['access']): readonly Role[] => (Array.isArray(access) ? access : []);
export const RELIEF_APPLY_ROLES = rolesOf(feesMeta['relief.apply'].access);
/** relief.act is open to any logged-in user and checks the stage; the menu shows it to the roles a chain may use */
export const RELIEF_APPROVE_ROLES: readonly Role[] = ROLE_GROUPS.reliefApprovers;
export const FOLLOW_UP_ROLES = rolesOf(feesMeta['relief.followUp'].access);
export const FLAG_OVERDUE_ROLES = rolesOf(feesMeta['relief.flagOverdue'].access);
export const PAYMENT_ROLES = rolesOf(feesMeta['fees.recordPayment'].access);
export const TOTALS_ROLES = rolesOf(feesMeta['relief.totals'].access);

/** The side menu's 诉讼费用 group (everyone sees the calculator). */
export const FEE_NAVIGATION: NavEntry = {
  key: 'fees',
  label: '诉讼费用',
  icon: <AccountBookOutlined />,
  children: [
    { key: '/fees/calculator', path: '/fees/calculator', label: '诉讼费计算', icon: <CalculatorOutlined /> },
    { key: '/fees/relief/new', path: '/fees/relief/new', label: '司法救助登记', icon: <SolutionOutlined />, roles: RELIEF_APPLY_ROLES },
    { key: '/fees/relief', path: '/fees/relief', label: '司法救助审批', icon: <AuditOutlined />, roles: RELIEF_APPROVE_ROLES },
    { key: '/fees/follow-up', path: '/fees/follow-up', label: '缓交跟踪', icon: <FieldTimeOutlined />, roles: FOLLOW_UP_ROLES },
    { key: '/fees/totals', path: '/fees/totals', label: '救助统计', icon: <BarChartOutlined />, roles: TOTALS_ROLES },
  ],
};

/** 系统管理 → 诉讼费设置 */
export const FEE_SETTINGS_NAVIGATION: NavEntry = {
  key: '/admin/fees',
  path: '/admin/fees',
  label: '诉讼费设置',
  icon: <MoneyCollectOutlined />,
  roles: ['admin'],
};
