import { z } from 'zod';
import { defineSettings, type SettingValues } from '../api/area';
import type { Db, Tx } from '../context';
import { readSetting } from '../settings';

/**
 * The court's own settings section: its full name and code, recorded at first-run setup (no default: until
 * then the court is not set up). The store itself is core/settings.ts; the other areas declare their sections.
 */
export const courtSettings = defineSettings({
  'court.name': { label: '法院名称', schema: z.string().min(1) },
  'court.code': { label: '法院代字', schema: z.string().min(1) },
});

declare module '../settings' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface CourtSettings extends SettingValues<typeof courtSettings> {}
}

/** True once first-run setup has recorded the court. */
export function isInitialised(db: Db | Tx): boolean {
  return readSetting(db, 'court.code') !== undefined;
}

// The store moved to core/settings.ts; these re-exports keep existing imports working.
export { readSetting, readSettings, writeSetting, type CourtSettings, type SettingKey } from '../settings';
