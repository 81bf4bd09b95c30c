import { Route } from 'react-router';
import { RequireRole } from '../../components/RequireRole';
import { ApplicationPage } from './ApplicationPage';
import { ConfirmationPage } from './ConfirmationPage';
import { CONFIRMATION_COUNTER, CONFIRMATION_PRINTERS, CONFIRMATION_READERS } from './confirmationNavigation';
import { ConfirmationRegisterPage } from './ConfirmationRegisterPage';
import { PrintQueuePage } from './PrintQueuePage';

/** The 司法确认 pages' routes, inside the main layout. */
export const confirmationRoutes = [
  <Route
    key="c-list"
    path="confirmation"
    element={
      <RequireRole role={CONFIRMATION_READERS}>
        <ConfirmationRegisterPage />
      </RequireRole>
    }
  />,
  <Route
    key="c-print"
    path="confirmation/print"
    element={
      <RequireRole role={CONFIRMATION_PRINTERS}>
        <PrintQueuePage />
      </RequireRole>
    }
  />,
  <Route
    key="c-new"
    path="confirmation/new"
    element={
      <RequireRole role={CONFIRMATION_COUNTER}>
        <ApplicationPage />
      </RequireRole>
    }
  />,
  <Route
    key="c-one"
    path="confirmation/:id"
    element={
      <RequireRole role={CONFIRMATION_READERS}>
        <ConfirmationPage />
      </RequireRole>
    }
  />,
];
