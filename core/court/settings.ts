import { eq } from 'drizzle-orm';
import { settings } from '../../db/schema';
import type { Db, Tx } from '../context';
import { isoShanghai, type Clock } from '../time/clock';
import { DEFAULT_REGISTER_PATTERN } from '../numbering/registerNumber';
import type { HolidayData } from '../calendar/calendar';
import { FEE_SETTING_DEFAULTS, type FeeSettings } from '../fees/settings';
import type { FontConfig } from '../documents/fonts';
import { CONFIRMATION_SETTING_DEFAULTS, type ConfirmationSettings } from '../confirmation/settings';

/**
 * The court's settings with their defaults. Each key is stored as JSON in the settings table; every change
 * goes through an audited operation, so the audit log also tells which value was in force when.
 */
export interface CourtSettings extends FeeSettings, ConfirmationSettings {
  'court.name': string;
  'court.code': string;
  'numbering.registerPattern': string;
  /** a session ends after this many minutes without a request */
  'auth.sessionIdleMinutes': number;
  /** and in any case this many hours after login */
  'auth.sessionMaxHours': number;
  /** consecutive wrong passwords before the account is locked */
  'auth.lockoutThreshold': number;
  'auth.lockoutMinutes': number;
  /** years of holiday data entered by an admin from the State Council notice; override the shipped file */
  'calendar.holidayYears': HolidayData['years'];
  /** the court's own font files for documents (licensed 仿宋_GB2312, 方正小标宋); empty: the shipped Noto Serif SC */
  'documents.fonts': FontConfig;
}

export type SettingKey = keyof CourtSettings;

export const SETTING_DEFAULTS: Omit<CourtSettings, 'court.name' | 'court.code'> = {
  'numbering.registerPattern': DEFAULT_REGISTER_PATTERN,
  'auth.sessionIdleMinutes': 120,
  'auth.sessionMaxHours': 12,
  'auth.lockoutThreshold': 5,
  'auth.lockoutMinutes': 15,
  'calendar.holidayYears': {},
  ...FEE_SETTING_DEFAULTS,
  ...CONFIRMATION_SETTING_DEFAULTS,
  'documents.fonts': {},
};

export function readSetting<K extends SettingKey>(db: Db | Tx, key: K): CourtSettings[K] | undefined {
  const row = db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get();
  if (row) return JSON.parse(row.value) as CourtSettings[K];
  return (SETTING_DEFAULTS as Partial<CourtSettings>)[key];
}

export function readSettings(db: Db | Tx): Partial<CourtSettings> {
  const out: Record<string, unknown> = { ...SETTING_DEFAULTS };
  for (const row of db.select().from(settings).all()) out[row.key] = JSON.parse(row.value);
  return out as Partial<CourtSettings>;
}

export function writeSetting<K extends SettingKey>(
  tx: Tx,
  clock: Clock,
  key: K,
  value: CourtSettings[K],
  userId: number | null,
): void {
  const row = { key, value: JSON.stringify(value), updatedAt: isoShanghai(clock.now()), updatedBy: userId };
  tx.insert(settings).values(row).onConflictDoUpdate({ target: settings.key, set: row }).run();
}

/** True once first-run setup has recorded the court. */
export function isInitialised(db: Db | Tx): boolean {
  return readSetting(db, 'court.code') !== undefined;
}
