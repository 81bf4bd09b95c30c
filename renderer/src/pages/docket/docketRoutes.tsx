import { Route } from 'react-router';
import { RequireRole } from '../../components/RequireRole';
import { DOCKET_JUDGES, DOCKET_READERS, DOCKET_SETTINGS, DOCKET_TRIAGE } from '../../../../core/docket/meta';
import { WageFiguresPage } from './WageFiguresPage';
import { CentrePage } from './CentrePage';
import { DocketCasePage } from './DocketCasePage';
import { JudgeDeskPage } from './JudgeDeskPage';
import { TriagePage } from './TriagePage';

/** The docket pages' routes, inside the main layout. */
export const docketRoutes = [
  <Route
    key="desk"
    path="docket/desk"
    element={
      <RequireRole role={DOCKET_JUDGES}>
        <JudgeDeskPage />
      </RequireRole>
    }
  />,
  <Route
    key="triage"
    path="docket/triage"
    element={
      <RequireRole role={DOCKET_TRIAGE}>
        <TriagePage />
      </RequireRole>
    }
  />,
  <Route
    key="centre"
    path="docket/centre"
    element={
      <RequireRole role={DOCKET_READERS}>
        <CentrePage />
      </RequireRole>
    }
  />,
  <Route
    key="case"
    path="docket/cases/:id"
    element={
      <RequireRole role={DOCKET_READERS}>
        <DocketCasePage />
      </RequireRole>
    }
  />,
  <Route
    key="wages"
    path="docket/settings"
    element={
      <RequireRole role={DOCKET_SETTINGS}>
        <WageFiguresPage />
      </RequireRole>
    }
  />,
];
