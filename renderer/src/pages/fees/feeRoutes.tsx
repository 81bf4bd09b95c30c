import { Route } from 'react-router';
import { RequireRole } from '../../components/RequireRole';
import { FeeCalculatorPage } from './FeeCalculatorPage';
import { FeeSettingsPage } from './FeeSettingsPage';
import { FOLLOW_UP_ROLES, RELIEF_APPLY_ROLES, RELIEF_APPROVE_ROLES, TOTALS_ROLES } from './feeNavigation';
import { FollowUpPage } from './FollowUpPage';
import { ReliefApplyPage } from './ReliefApplyPage';
import { ReliefApprovalsPage } from './ReliefApprovalsPage';
import { ReliefTotalsPage } from './ReliefTotalsPage';

/** The fee pages' routes, inside the main layout. */
export const feeRoutes = [
  <Route key="calc" path="fees/calculator" element={<FeeCalculatorPage />} />,
  <Route
    key="apply"
    path="fees/relief/new"
    element={
      <RequireRole role={RELIEF_APPLY_ROLES}>
        <ReliefApplyPage />
      </RequireRole>
    }
  />,
  <Route
    key="relief"
    path="fees/relief"
    element={
      <RequireRole role={RELIEF_APPROVE_ROLES}>
        <ReliefApprovalsPage />
      </RequireRole>
    }
  />,
  <Route
    key="follow"
    path="fees/follow-up"
    element={
      <RequireRole role={FOLLOW_UP_ROLES}>
        <FollowUpPage />
      </RequireRole>
    }
  />,
  <Route
    key="totals"
    path="fees/totals"
    element={
      <RequireRole role={TOTALS_ROLES}>
        <ReliefTotalsPage />
      </RequireRole>
    }
  />,
  <Route
    key="settings"
    path="admin/fees"
    element={
      <RequireRole role="admin">
        <FeeSettingsPage />
      </RequireRole>
    }
  />,
];
