import { AccountBookOutlined, AuditOutlined, BarChartOutlined, CalculatorOutlined, FieldTimeOutlined, MoneyCollectOutlined, SolutionOutlined } from '@ant-design/icons';
import type { NavEntry } from '../../components/navigation';
import type { Role } from '../../labels';

/** Who may do what in the fee pages (core/fees/operations.ts). */
export const RELIEF_APPLY_ROLES: readonly Role[] = ['clerk'];
/** the stages of the default chain are clerk and approver; a court may put a judge in it */
export const RELIEF_APPROVE_ROLES: readonly Role[] = ['clerk', 'judge', 'approver'];
export const FOLLOW_UP_ROLES: readonly Role[] = ['clerk', 'mediation', 'judge', 'print', 'approver', 'admin'];
export const FLAG_OVERDUE_ROLES: readonly Role[] = ['clerk', 'judge'];
export const PAYMENT_ROLES: readonly Role[] = ['clerk'];
export const TOTALS_ROLES: readonly Role[] = ['clerk', 'judge', 'approver', 'admin'];

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
export const FEE_SETTINGS_NAVIGATION: NavEntry = { key: '/admin/fees', path: '/admin/fees', label: '诉讼费设置', icon: <MoneyCollectOutlined />, roles: ['admin'] };

