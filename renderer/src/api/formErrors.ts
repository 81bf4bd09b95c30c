import type { FormInstance } from 'antd';
import { ApiCallError, errorMessage } from './client';

/**
 * Puts an API error where the user looks: every VALIDATION / CONFLICT issue that names a field of the
 * form goes onto that field (form.setFields); whatever is left is returned as one message for an Alert.
 *
 * Issue paths are dotted (`parties.0.party.idNumber`); form fields are name paths
 * (`['parties', 0, 'party', 'idNumber']`, Form.List items included). An issue goes to the deepest
 * registered field its path starts with: `roles.1` → `roles`, `parties.0.agents.0.licenseNo` → that agent's
 * field, `parties` (a rule on the whole list) → the Form.List. `aliases` maps an API path prefix to the
 * form's own name where they differ (`amountFen` → `amount`, when the form holds yuan as text).
 */

export type FieldAliases = Readonly<Record<string, string>>;

/** Dotted paths of the fields currently registered in a form (Form.List containers included). */
export function registeredFields(form: FormInstance): Set<string> {
  return new Set(form.getFieldsError().map((f) => f.name.map(String).join('.')));
}

/** `parties.0.party.idNumber` → `['parties', 0, 'party', 'idNumber']` */
export function toNamePath(dotted: string): (string | number)[] {
  return dotted.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function applyAlias(path: string, aliases: FieldAliases | undefined): string {
  if (!aliases) return path;
  for (const [from, to] of Object.entries(aliases)) {
    if (path === from) return to;
    if (path.startsWith(`${from}.`)) return to + path.slice(from.length);
  }
  return path;
}

/** The deepest registered field that `path` is, or lies under; undefined when none. */
export function placeIssue(path: string, fields: ReadonlySet<string>): string | undefined {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.');
    if (candidate && fields.has(candidate)) return candidate;
  }
  return undefined;
}

export interface SplitErrors {
  /** dotted field path → messages */
  byField: Map<string, string[]>;
  /** what could not be placed on a field, or null */
  rest: string | null;
}

export function splitFieldErrors(err: unknown, fields: ReadonlySet<string>, aliases?: FieldAliases): SplitErrors {
  const byField = new Map<string, string[]>();
  if (!(err instanceof ApiCallError) || (err.code !== 'VALIDATION' && err.code !== 'CONFLICT')) {
    return { byField, rest: errorMessage(err) };
  }
  const unplaced: string[] = [];
  for (const issue of err.issues) {
    const name = placeIssue(applyAlias(issue.field, aliases), fields);
    if (name) {
      const list = byField.get(name) ?? [];
      if (!list.includes(issue.message)) list.push(issue.message);
      byField.set(name, list);
    } else unplaced.push(issue.message);
  }
  if (byField.size === 0) return { byField, rest: err.message };
  return { byField, rest: unplaced.length ? [...new Set(unplaced)].join('；') : null };
}

export function setFieldErrors(form: FormInstance, byField: Map<string, string[]>): void {
  form.setFields([...byField].map(([name, errors]) => ({ name: toNamePath(name), errors })));
  const first = byField.keys().next();
  if (first.done) return;
  const path = toNamePath(first.value);
  form.scrollToField(path, { block: 'center' });
  form.focusField(path);
}

/** Shows an error on the form's fields; returns the message left for an Alert (null when all placed). */
export function applyApiError(form: FormInstance, err: unknown, aliases?: FieldAliases): string | null {
  const { byField, rest } = splitFieldErrors(err, registeredFields(form), aliases);
  setFieldErrors(form, byField);
  return rest;
}
