import type { FormInstance } from 'antd';
import { ApiCallError, errorMessage } from './client';

/**
 * Puts an API error where the user looks: every VALIDATION / CONFLICT issue that names a field of the
 * form goes onto that field (form.setFields); whatever is left is returned as one message for an Alert.
 */

/** The top-level field an issue path points to: "roles.0" → "roles". */
function fieldRoot(path: string): string {
  return path.split('.')[0] ?? path;
}

/** Names of the fields currently registered in a form. */
export function registeredFields(form: FormInstance): Set<string> {
  return new Set(form.getFieldsError().map((f) => String(f.name[0])));
}

export interface SplitErrors {
  /** field name → messages */
  byField: Map<string, string[]>;
  /** what could not be placed on a field, or null */
  rest: string | null;
}

export function splitFieldErrors(err: unknown, fields: ReadonlySet<string>): SplitErrors {
  const byField = new Map<string, string[]>();
  if (!(err instanceof ApiCallError) || (err.code !== 'VALIDATION' && err.code !== 'CONFLICT')) {
    return { byField, rest: errorMessage(err) };
  }
  const unplaced: string[] = [];
  for (const issue of err.issues) {
    const name = fieldRoot(issue.field);
    if (fields.has(name)) byField.set(name, [...(byField.get(name) ?? []), issue.message]);
    else unplaced.push(issue.message);
  }
  if (byField.size === 0) return { byField, rest: err.message };
  return { byField, rest: unplaced.length ? [...new Set(unplaced)].join('；') : null };
}

export function setFieldErrors(form: FormInstance, byField: Map<string, string[]>): void {
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  const first = byField.keys().next();
  if (!first.done) form.scrollToField(first.value, { block: 'center' });
  if (!first.done) form.focusField(first.value);
}

/** Shows an error on the form's fields; returns the message left for an Alert (null when all placed). */
export function applyApiError(form: FormInstance, err: unknown): string | null {
  const { byField, rest } = splitFieldErrors(err, registeredFields(form));
  setFieldErrors(form, byField);
  return rest;
}
