import type { OperationMeta } from '../../core/api/meta';

/**
 * The audit page's filter: every operation and audit-only event by its Chinese label, taken from the areas'
 * metadata modules (core/<area>/meta.ts, no database code) as Vite finds them — a new area's meta.ts, or a new
 * operation in an existing one, appears here without a list to keep (renderer/src/auditOperations.test.ts checks
 * that every operation of core/areas.ts is offered). A meta module exports its operations' metadata (defineMeta)
 * and, optionally, `auditEvents`: audit-log names that are not API operations.
 */
const modules = import.meta.glob<Record<string, unknown>>('../../core/*/meta.ts', { eager: true });

const isMeta = (v: unknown): v is OperationMeta =>
  typeof v === 'object' && v !== null && typeof (v as OperationMeta).name === 'string' && typeof (v as OperationMeta).label === 'string';

function labelsOf(mod: Record<string, unknown>): [string, string][] {
  const out: [string, string][] = [];
  for (const [exported, value] of Object.entries(mod)) {
    if (typeof value !== 'object' || value === null) continue;
    if (exported === 'auditEvents') {
      out.push(...Object.entries(value as Record<string, string>));
      continue;
    }
    for (const entry of Object.values(value)) if (isMeta(entry)) out.push([entry.name, entry.label]);
  }
  return out;
}

const labels = new Map<string, string>(Object.values(modules).flatMap(labelsOf));

export const OPERATION_OPTIONS = [...labels].map(([value, label]) => ({ value, label: `${label}（${value}）` }));
