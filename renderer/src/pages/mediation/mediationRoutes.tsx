import { Route } from 'react-router';
import { RequireRole } from '../../components/RequireRole';
import { COORDINATOR, INTAKE, LEGACY_IMPORTERS, MEDIATION_READERS, SETTINGS_EDITORS, SUBSIDY_READERS } from './access';
import { LegacyImportPage } from './LegacyImportPage';
import { MediationHomePage } from './MediationHomePage';
import { MediationPage } from './MediationPage';
import { OpenMediationPage } from './OpenMediationPage';
import { MediationSettingsPage } from './MediationSettingsPage';
import { RosterPage } from './RosterPage';
import { SubsidiesPage } from './SubsidiesPage';

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
    key="m-subsidies"
    path="mediation/subsidies"
    element={
      <RequireRole role={SUBSIDY_READERS}>
        <SubsidiesPage />
      </RequireRole>
    }
  />,
  <Route
    key="m-settings"
    path="mediation/settings"
    element={
      <RequireRole role={SETTINGS_EDITORS}>
        <MediationSettingsPage />
      </RequireRole>
    }
  />,
  <Route
    key="m-legacy-import"
    path="mediation/import-legacy"
    element={
      <RequireRole role={LEGACY_IMPORTERS}>
        <LegacyImportPage />
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
