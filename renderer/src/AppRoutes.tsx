import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { FullPageStatus } from './components/FullPageStatus';
import { MainLayout } from './components/MainLayout';
import { RequireRole } from './components/RequireRole';
import { AuditPage } from './pages/admin/AuditPage';
import { BackupPage } from './pages/admin/backup/BackupPage';
import { HolidaysPage } from './pages/admin/holidays/HolidaysPage';
import { HostLogPage } from './pages/admin/system/HostLogPage';
import { SettingsPage } from './pages/admin/SettingsPage';
import { UsersPage } from './pages/admin/UsersPage';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { DashboardPage } from './pages/DashboardPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SetupPage } from './pages/SetupPage';
import { useSession } from './session/SessionProvider';
import { CASE_READER_ROLES, CASE_VIEWER_ROLES, COUNTER_ROLES } from './cases/access';
import { CaseSearchPage } from './pages/cases/CaseSearchPage';
import { CaseViewPage } from './pages/cases/CaseViewPage';
import { FilingPage } from './pages/cases/FilingPage';
import { ReceiptPage } from './pages/cases/ReceiptPage';
import { GenerateDocumentPage } from './pages/cases/GenerateDocumentPage';
import { DocumentRegisterPage } from './pages/documents/DocumentRegisterPage';
import { TemplateEditPage } from './pages/documents/TemplateEditPage';
import { TemplatesPage } from './pages/documents/TemplatesPage';
import { feeRoutes } from './pages/fees/feeRoutes';
import { confirmationRoutes } from './pages/confirmation/confirmationRoutes';
import { docketRoutes } from './pages/docket/docketRoutes';
import { mediationRoutes } from './pages/mediation/mediationRoutes';
import { statsRoutes } from './pages/stats/statsRoutes';
import { ProgressLookupPage } from './pages/mediation/ProgressLookupPage';
import { listRoutes } from './lists/listRoutes';

/**
 * Where a visitor may be: not set up → the wizard; not logged in → login; a password reset by an admin →
 * the password change page before anything else; otherwise the main layout with what the roles allow.
 */
export function AppRoutes() {
  const session = useSession();
  if (session.status === 'loading') return <FullPageStatus loading />;
  if (session.status === 'failed') return <FullPageStatus error={session.loadError} onRetry={session.retry} />;
  return (
    <Routes>
      <Route path="/setup" element={<SetupRoute />} />
      <Route path="/login" element={<LoginRoute />} />
      <Route path="/progress" element={<ProgressLookupPage />} />
      <Route
        path="/change-password"
        element={
          <RequireLogin allowPendingPassword>
            <ChangePasswordPage />
          </RequireLogin>
        }
      />
      <Route
        element={
          <RequireLogin>
            <MainLayout />
          </RequireLogin>
        }
      >
        <Route index element={<DashboardPage />} />
        {listRoutes}
        <Route
          path="cases"
          element={
            <RequireRole role={CASE_READER_ROLES}>
              <CaseSearchPage />
            </RequireRole>
          }
        />
        <Route
          path="cases/new"
          element={
            <RequireRole role={COUNTER_ROLES}>
              <FilingPage />
            </RequireRole>
          }
        />
        <Route
          path="cases/:id"
          element={
            <RequireRole role={CASE_VIEWER_ROLES}>
              <CaseViewPage />
            </RequireRole>
          }
        />
        <Route
          path="cases/:id/receipt"
          element={
            <RequireRole role={CASE_READER_ROLES}>
              <ReceiptPage />
            </RequireRole>
          }
        />
        <Route
          path="cases/:id/documents/new"
          element={
            <RequireRole role={CASE_READER_ROLES}>
              <GenerateDocumentPage />
            </RequireRole>
          }
        />
        <Route
          path="documents"
          element={
            <RequireRole role={CASE_READER_ROLES}>
              <DocumentRegisterPage />
            </RequireRole>
          }
        />
        <Route
          path="admin/templates"
          element={
            <RequireRole role="admin">
              <TemplatesPage />
            </RequireRole>
          }
        />
        <Route
          path="admin/templates/:id"
          element={
            <RequireRole role="admin">
              <TemplateEditPage />
            </RequireRole>
          }
        />
        <Route
          path="admin/users"
          element={
            <RequireRole role="admin">
              <UsersPage />
            </RequireRole>
          }
        />
        <Route
          path="admin/settings"
          element={
            <RequireRole role="admin">
              <SettingsPage />
            </RequireRole>
          }
        />
        <Route
          path="admin/audit"
          element={
            <RequireRole role="admin">
              <AuditPage />
            </RequireRole>
          }
        />
        <Route
          path="admin/backup"
          element={
            <RequireRole role="admin">
              <BackupPage />
            </RequireRole>
          }
        />
        <Route
          path="admin/holidays"
          element={
            <RequireRole role="admin">
              <HolidaysPage />
            </RequireRole>
          }
        />
        <Route
          path="admin/log"
          element={
            <RequireRole role="admin">
              <HostLogPage />
            </RequireRole>
          }
        />
        {feeRoutes}
        {confirmationRoutes}
        {docketRoutes}
        {statsRoutes}
        {mediationRoutes}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function SetupRoute() {
  const { setup, me } = useSession();
  // The wizard keeps showing its last step after it has logged the admin in; it navigates on its own.
  if (setup?.initialised && !me) return <Navigate to="/login" replace />;
  if (setup?.initialised && me) return <Navigate to="/" replace />;
  return <SetupPage />;
}

function LoginRoute() {
  const { setup, me } = useSession();
  const location = useLocation();
  if (!setup?.initialised) return <Navigate to="/setup" replace />;
  if (me) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={me.user.mustChangePassword ? '/change-password' : (from ?? '/')} replace />;
  }
  return <LoginPage />;
}

function RequireLogin({ children, allowPendingPassword = false }: { children: ReactNode; allowPendingPassword?: boolean }) {
  const { setup, me, loggedOut } = useSession();
  const location = useLocation();
  if (!setup?.initialised) return <Navigate to="/setup" replace />;
  if (!me) return <Navigate to="/login" replace state={loggedOut ? null : { from: location.pathname }} />;
  if (me.user.mustChangePassword && !allowPendingPassword) return <Navigate to="/change-password" replace />;
  return <>{children}</>;
}
