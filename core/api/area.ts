import type { z } from 'zod';
import type { Db, Tx } from '../context';
import type { AnyOp } from './contract';

/**
 * An area of the court's work (cases, fees, documents, mediation …) as one descriptor. Each area exports
 * exactly one from its index.ts (`export const feesArea = defineArea({...})`), and core/areas.ts combines
 * them: the operations both shells serve, the settings the court can change, the document data builders
 * and the names of what the area writes to the audit log. Combining refuses duplicates, so two areas can
 * never silently shadow each other.
 */
export interface AreaDescriptor<Ops extends readonly AnyOp[] = readonly AnyOp[]> {
  /** the area's key, as in operation names: `fees` */
  name: string;
  /** its Chinese name: 诉讼费用 */
  label: string;
  operations: Ops;
  /** setting sections: keys owned by this area, with their schema and default */
  settings?: SettingsSection;
  /** template id → the builder of that template's data from the record (core/documents/dataBuilders.ts) */
  dataBuilders?: Readonly<Record<string, AreaDataBuilder>>;
  /** what the area writes to the audit log as entity_type, with a Chinese label and a namer */
  auditSubjects?: Readonly<Record<string, AuditSubject>>;
  /** audit-log operation names that are not API operations (e.g. auth.loginFailed), with their Chinese label */
  auditEvents?: Readonly<Record<string, string>>;
}

export type AnyArea = AreaDescriptor<readonly AnyOp[]>;

/** Declares an area. The `const` parameter keeps the operations tuple exact, so the typed client sees every name. */
export function defineArea<const Ops extends readonly AnyOp[]>(area: AreaDescriptor<Ops>): AreaDescriptor<Ops> {
  if (!/^[a-z][a-zA-Z]*$/.test(area.name)) throw new Error(`area name must be a plain word: ${area.name}`);
  return area;
}

// ---------------------------------------------------------------------------------------------------------
// Settings sections

/** One setting: its zod schema (checked on every read and write) and the value used until an admin sets one. */
export interface SettingSpec<S extends z.ZodType = z.ZodType> {
  /** Chinese name, used in the error when a stored value is refused: 本省诉讼费标准 */
  label: string;
  schema: S;
  /** absent: the setting has no default (court.name before setup) */
  default?: z.output<S>;
}

export type SettingsSection = Readonly<Record<string, SettingSpec>>;

/** Declares a settings section; the keys should start with the area's name (`fees.rounding`). */
export function defineSettings<const T extends Record<string, SettingSpec>>(section: T): T {
  return section;
}

/** The value types of a section: `{ 'fees.rounding': RoundingRule, … }`. */
export type SettingValues<T extends SettingsSection> = { -readonly [K in keyof T]: z.output<T[K]['schema']> };

// ---------------------------------------------------------------------------------------------------------
// Document data and audit subjects

/**
 * A document data builder as an area declares it. The context is the documents area's DataBuilderContext
 * (core/documents/dataBuilders.ts); it is typed loosely here so that core/api does not depend on an area.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AreaDataBuilder = (c: any) => Record<string, unknown>;

/** What an audit row's entity is, as a person recognises it. */
export interface AuditSubject {
  /** Chinese name of the kind: 案件 */
  label: string;
  /**
   * The object as a person recognises it (案号, 文书名称, 用户名) from the entity id, or null when it no longer
   * exists. Runs one small query per row shown.
   */
  name?: (db: Db | Tx, entityId: string) => string | null;
}
