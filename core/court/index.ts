import { defineArea } from '../api/area';
import { readSetting } from '../settings';
import { courtOperations } from './operations';
import { courtSettings } from './settings';

/** 本院: first-run setup and the court's settings page. Public API: whether the court is set up. */
export { isInitialised } from './settings';
export { courtMeta } from './meta';

export const courtArea = defineArea({
  name: 'court',
  label: '本院',
  operations: courtOperations,
  settings: courtSettings,
  auditSubjects: {
    court: { label: '法院', name: (db, code) => `${readSetting(db, 'court.name') ?? ''}（${code}）` },
    settings: { label: '本院设置' },
  },
});
