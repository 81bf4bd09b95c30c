import { sql } from 'drizzle-orm';
import { settings } from '../db/schema';
import { ApiError } from './api/errors';
import { registry } from './api/registry';
import type { Db, Tx } from './context';
import { isoShanghai, type Clock } from './time/clock';

/**
 * The court's settings store. Each key belongs to one area, which declares it in the settings section of its
 * descriptor (schema, default, Chinese name) and adds its value type to `CourtSettings` by declaration merging:
 *
 *     declare module '../settings' { interface CourtSettings extends SettingValues<typeof feeSettings> {} }
 *
 * Values are stored as JSON in the settings table; every read and write is checked against the key's schema,
 * so a value damaged in the file is refused with an error naming the setting instead of reaching a rule.
 * Every change goes through an audited operation, so the audit log also tells which value was in force when.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CourtSettings {}

export type SettingKey = keyof CourtSettings;

function specOf(key: string) {
  const spec = registry.settings.get(key);
  if (!spec) throw new Error(`setting ${key} is not declared by any area (is core/areas.ts loaded?)`);
  return spec;
}

/** The stored value checked against its schema; a bad one is refused naming the setting. */
function parseStored(key: string, raw: string): unknown {
  const spec = specOf(key);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw badSetting(key, spec.label, '不是有效的 JSON');
  }
  const parsed = spec.schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badSetting(key, spec.label, issue.path.length ? `${issue.path.join('.')} 不符合要求` : '值不符合要求');
  }
  return parsed.data;
}

function badSetting(key: string, label: string, problem: string): ApiError {
  return new ApiError(
    'BAD_SETTING',
    `本院设置“${label}”（${key}）的存储值无效${problem ? `：${problem}` : ''}。请管理员在设置页面重新保存该项。`,
  );
}

/** The value of one setting, its default when never set, undefined when it has none (court.name before setup). */
export function readSetting<K extends SettingKey>(db: Db | Tx, key: K): CourtSettings[K] | undefined {
  const spec = specOf(key);
  // plain SQL: read on nearly every call (session idle time, court code …), and the query builder cost more than the read
  const row = db.get<{ value: string } | undefined>(sql`SELECT value FROM settings WHERE key = ${key}`);
  if (row) return parseStored(key, row.value) as CourtSettings[K];
  return structuredClone(spec.default) as CourtSettings[K] | undefined;
}

/** Every declared setting: stored values (checked) over defaults. Stored keys no area declares are ignored. */
export function readSettings(db: Db | Tx): Partial<CourtSettings> {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of registry.settings) if (spec.default !== undefined) out[key] = structuredClone(spec.default);
  for (const row of db.select().from(settings).all()) {
    if (registry.settings.has(row.key)) out[row.key] = parseStored(row.key, row.value);
  }
  return out as Partial<CourtSettings>;
}

/** Stores a setting after checking it against its schema (a rule's bug never writes a value reads would refuse). */
export function writeSetting<K extends SettingKey>(tx: Tx, clock: Clock, key: K, value: CourtSettings[K], userId: number | null): void {
  const spec = specOf(key);
  const parsed = spec.schema.safeParse(value);
  if (!parsed.success) throw new Error(`setting ${key}: refused value (${parsed.error.issues[0]?.message})`);
  const row = { key, value: JSON.stringify(value), updatedAt: isoShanghai(clock.now()), updatedBy: userId };
  tx.insert(settings).values(row).onConflictDoUpdate({ target: settings.key, set: row }).run();
}
