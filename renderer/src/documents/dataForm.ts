import type { FieldDecl } from '../../../core/documents/template/fields';

/**
 * The data a document is filled from, as a form a clerk can use. Its shape, names and kinds come from the
 * template's declared fields (`fields:` in the template's header): Chinese names only, money in 元 with two
 * decimals (the data keeps fen), amounts in 元 that a template prints derived from their fen field and not
 * asked for, lists of sentences as one line each, lists of records (parties, agents) as repeated groups.
 * `toFormValues` / `fromFormValues` convert between the data and the form's values.
 */

export type FieldSchema =
  | { kind: 'text'; multiline: boolean; variant?: 'caseNumber' | 'idNumber' }
  | { kind: 'date' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  /** an amount kept in fen, entered in 元 */
  | { kind: 'money' }
  /** an amount written in 元 as text ("3,300.00"), entered in 元 */
  | { kind: 'moneyText' }
  /** the 元 text of a sibling money field: not shown, computed when the form is read */
  | { kind: 'derived'; from: string }
  | { kind: 'choice'; choices: { value: string; label: string }[] }
  | { kind: 'lines' }
  | { kind: 'object'; fields: FieldEntry[] }
  | { kind: 'list'; item: ObjectSchema };

export type ObjectSchema = Extract<FieldSchema, { kind: 'object' }>;
export interface FieldEntry {
  key: string;
  /** the Chinese name the template declares; an undeclared group (法院 → 名称) has none and shows its fields */
  label?: string;
  schema: FieldSchema;
}

/** The declared fields of a template as they travel over the API. */
export type DeclaredField = Pick<FieldDecl, 'path' | 'label' | 'type' | 'choices' | 'from'>;

export type DataObject = Record<string, unknown>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isDate(v: unknown): boolean {
  return typeof v === 'string' && DATE.test(v);
}

function isRecord(v: unknown): v is DataObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function leafSchema(d: DeclaredField): FieldSchema {
  switch (d.type) {
    case 'longText':
      return { kind: 'text', multiline: true };
    case 'caseNumber':
    case 'idNumber':
      return { kind: 'text', multiline: false, variant: d.type };
    case 'date':
      return { kind: 'date' };
    case 'number':
      return { kind: 'number' };
    case 'boolean':
      return { kind: 'boolean' };
    case 'money':
      return { kind: 'money' };
    case 'moneyText':
      return d.from ? { kind: 'derived', from: d.from.split('.').pop()! } : { kind: 'moneyText' };
    case 'choice':
      return { kind: 'choice', choices: d.choices ?? [] };
    case 'lines':
      return { kind: 'lines' };
    case 'list':
      return { kind: 'list', item: { kind: 'object', fields: [] } };
    case 'group':
      return { kind: 'object', fields: [] };
    default:
      return { kind: 'text', multiline: false };
  }
}

/** The form's shape from a template's declared fields, in the order the template writes them. */
export function formSchema(fields: readonly DeclaredField[]): ObjectSchema {
  const root: ObjectSchema = { kind: 'object', fields: [] };
  const container = (s: FieldSchema): ObjectSchema | null => (s.kind === 'object' ? s : s.kind === 'list' ? s.item : null);
  for (const d of fields) {
    const parts = d.path.split('.');
    let at = root;
    parts.slice(0, -1).forEach((key) => {
      let e = at.fields.find((x) => x.key === key);
      if (!e) {
        e = { key, schema: { kind: 'object', fields: [] } };
        at.fields.push(e);
      }
      at = container(e.schema) ?? at;
    });
    const key = parts[parts.length - 1]!;
    const existing = at.fields.find((x) => x.key === key);
    const schema = leafSchema(d);
    if (existing) {
      // declared after its own fields (or as a group first seen through them): keep the fields, take name and kind
      existing.label = d.label;
      const kept = container(existing.schema)?.fields ?? [];
      existing.schema =
        schema.kind === 'list'
          ? { kind: 'list', item: { kind: 'object', fields: kept } }
          : schema.kind === 'object'
            ? { kind: 'object', fields: kept }
            : schema;
    } else at.fields.push({ key, label: d.label, schema });
  }
  return root;
}

/** The Chinese name of a top-level field of the form (for summaries such as “本案尚未记录：…”). */
export function topLabel(schema: ObjectSchema, key: string): string {
  const e = schema.fields.find((f) => f.key === key);
  if (!e) return key;
  if (e.label) return e.label.replace(/（.*$/, '');
  const only = e.schema.kind === 'object' ? e.schema.fields.map((f) => f.label).filter(Boolean) : [];
  return only.length ? only.map((l) => l!.replace(/（.*$/, '')).join('、') : key;
}

/** 3300 → "3,300.00": the way documents write an amount in 元. */
export function yuanText(yuan: number): string {
  const fen = Math.round(yuan * 100);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

/** "3,300.00" (or "3300") → 3300; null when it is not an amount. */
export function parseYuanText(text: string): number | null {
  const t = text.replace(/[,，\s元￥¥]/g, '');
  return /^-?\d+(\.\d{1,2})?$/.test(t) ? Number(t) : null;
}

// ---- values ---------------------------------------------------------------------------------------------------

/** Data → the values the form holds. */
export function toFormValues(schema: ObjectSchema, data: DataObject | null | undefined): DataObject {
  const out: DataObject = {};
  for (const f of schema.fields) if (f.schema.kind !== 'derived') out[f.key] = toFormValue(f.schema, data?.[f.key]);
  return out;
}

function toFormValue(s: FieldSchema, v: unknown): unknown {
  switch (s.kind) {
    case 'object':
      return toFormValues(s, isRecord(v) ? v : null);
    case 'list':
      return Array.isArray(v) ? v.map((x) => toFormValues(s.item, isRecord(x) ? x : null)) : [];
    case 'lines':
      return Array.isArray(v) ? v.map((x) => (x === null || x === undefined ? '' : String(x))).join('\n') : typeof v === 'string' ? v : '';
    case 'boolean':
      return v === true;
    case 'number':
      return typeof v === 'number' ? v : null;
    case 'money':
      return typeof v === 'number' ? v / 100 : null;
    case 'moneyText':
      return typeof v === 'string' ? parseYuanText(v) : typeof v === 'number' ? v : null;
    case 'derived':
      return undefined;
    default:
      return v === null || v === undefined ? '' : String(v);
  }
}

/** The form's values → data for the API: lines split (blank lines dropped), empty texts null. */
export function fromFormValues(schema: ObjectSchema, values: DataObject | null | undefined): DataObject {
  const out: DataObject = {};
  for (const f of schema.fields) if (f.schema.kind !== 'derived') out[f.key] = fromFormValue(f.schema, values?.[f.key]);
  // amounts in 元 a template prints are always those of their fen field: never typed twice, never out of step
  for (const f of schema.fields) {
    if (f.schema.kind !== 'derived') continue;
    const fen = out[f.schema.from];
    out[f.key] = typeof fen === 'number' ? yuanText(fen / 100) : null;
  }
  return out;
}

function fromFormValue(s: FieldSchema, v: unknown): unknown {
  switch (s.kind) {
    case 'object':
      return fromFormValues(s, isRecord(v) ? v : null);
    case 'list':
      return Array.isArray(v) ? v.map((x) => fromFormValues(s.item, isRecord(x) ? x : null)) : [];
    case 'lines':
      return typeof v === 'string'
        ? v
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter((l) => l !== '')
        : [];
    case 'boolean':
      return v === true;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    case 'money':
      return typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 100) : null;
    case 'moneyText':
      return typeof v === 'number' && Number.isFinite(v) ? yuanText(v) : null;
    case 'derived':
      return null;
    default: {
      if (v === null || v === undefined) return null;
      const text = String(v);
      return text.trim() === '' ? null : text;
    }
  }
}

// ---- labels ---------------------------------------------------------------------------------------------------

/** Items of a list are named by their role and name when they have them: "申请人 张三". */
export function itemLabel(listLabel: string, index: number, value: unknown): string {
  if (isRecord(value)) {
    const role = typeof value.role === 'string' && value.role.trim() ? value.role.trim() : '';
    const name = typeof value.name === 'string' && value.name.trim() ? value.name.trim() : '';
    if (role || name) return `${index + 1}. ${[role, name].filter(Boolean).join(' ')}`;
  }
  return `${listLabel.replace(/（.*$/, '')} ${index + 1}`;
}

/** An empty item for a list, in the item's shape. */
export function emptyItem(item: ObjectSchema): DataObject {
  return toFormValues(item, null);
}

/** True when the value of a field (in form shape) equals the sample's (in data shape): still the sample text. */
export function sameAsSample(schema: FieldSchema, formValue: unknown, sampleValue: unknown): boolean {
  const asData = fromFormValue(schema, formValue);
  return JSON.stringify(asData) === JSON.stringify(normaliseSample(schema, sampleValue));
}

function normaliseSample(schema: FieldSchema, v: unknown): unknown {
  return fromFormValue(schema, toFormValue(schema, v));
}
