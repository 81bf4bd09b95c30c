import { Route } from 'react-router';
import { RequireRole } from '../../components/RequireRole';
import { COORDINATOR, INTAKE, MEDIATION_READERS } from './access';
import { MediationHomePage } from './MediationHomePage';
import { MediationPage } from './MediationPage';
import { OpenMediationPage } from './OpenMediationPage';
import { RosterPage } from './RosterPage';

/** The mediation pages' routes inside the main layout (the public progress page is outside it: ProgressLookupPage). */
export const mediationRoutes = [
  <Route
    key="m-home"
    path="mediation"
    element={
      <RequireRole role={MEDIATION_READERS}>
        <MediationHomePage />
      </RequireRole>
    }
  />,
  <Route
    key="m-new"
    path="mediation/new"
    element={
      <RequireRole role={INTAKE}>
        <OpenMediationPage />
      </RequireRole>
    }
  />,
  <Route
    key="m-roster"
    path="mediation/roster"
    element={
      <RequireRole role={COORDINATOR}>
        <RosterPage />
      </RequireRole>
    }
  />,
  <Route
    key="m-one"
    path="mediation/:id"
    element={
      <RequireRole role={MEDIATION_READERS}>
        <MediationPage />
      </RequireRole>
    }
  />,
];
