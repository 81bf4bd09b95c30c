import { Route } from 'react-router';
import { RequireRole } from '../components/RequireRole';
import { COUNTER_ROLES } from '../cases/access';
import { ImportPage } from './ImportPage';
import { ListPage } from './ListPage';
import { REGISTER_LISTS } from './registers';

/** The registers' lists (/lists/<register>) and the import of another body's sheet (/cases/import). */
export const listRoutes = (
  <>
    {REGISTER_LISTS.map((r) => (
      <Route
        key={r.path}
        path={r.path.slice(1)}
        element={
          <RequireRole role={r.roles}>
            <ListPage meta={r.meta} />
          </RequireRole>
        }
      />
    ))}
    <Route
      path="cases/import"
      element={
        <RequireRole role={COUNTER_ROLES}>
          <ImportPage />
        </RequireRole>
      }
    />
  </>
);
