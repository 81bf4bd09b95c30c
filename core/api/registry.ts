import type { AnyArea, AreaDataBuilder, AuditSubject, SettingSpec } from './area';

/**
 * What the areas declared, looked up at run time by the parts that serve every area: the settings store
 * (core/settings.ts), the document data builders (core/documents/dataBuilders.ts) and the audit log's names
 * (core/audit/operations.ts). Filled once by core/areas.ts when it is loaded — every entry point (the
 * dispatcher, createCore) loads it — so no area has to import another to use its settings or builders.
 */
export const registry = {
  areas: [] as AnyArea[],
  settings: new Map<string, SettingSpec & { area: string }>(),
  dataBuilders: new Map<string, AreaDataBuilder>(),
  auditSubjects: new Map<string, AuditSubject>(),
  /** operation name (API or audit-only) → Chinese label */
  labels: new Map<string, string>(),
};

/**
 * Registers the areas, refusing a second area with the same name, operation, setting key, data builder or
 * audit subject. Registering the same descriptor twice is a no-op (a module loaded twice in a test).
 */
export function registerAreas(areas: readonly AnyArea[]): void {
  const seen = (kind: string, key: string, area: string, owner: string | undefined) => {
    if (owner !== undefined) throw new Error(`duplicate ${kind} "${key}": declared by areas ${owner} and ${area}`);
  };
  const owners = new Map<string, string>();
  const claim = (kind: string, key: string, area: string) => {
    seen(kind, key, area, owners.get(`${kind}:${key}`));
    owners.set(`${kind}:${key}`, area);
  };
  const fresh = areas.filter((a, i) => !registry.areas.includes(a) && areas.indexOf(a) === i);
  for (const a of [...registry.areas, ...fresh]) {
    claim('area', a.name, a.name);
    for (const op of a.operations) claim('operation', op.name, a.name);
    for (const key of Object.keys(a.settings ?? {})) claim('setting', key, a.name);
    for (const id of Object.keys(a.dataBuilders ?? {})) claim('data builder', id, a.name);
    for (const kind of Object.keys(a.auditSubjects ?? {})) claim('audit subject', kind, a.name);
    for (const name of Object.keys(a.auditEvents ?? {})) claim('operation', name, a.name);
  }
  for (const a of fresh) {
    registry.areas.push(a);
    for (const op of a.operations) registry.labels.set(op.name, op.label);
    for (const [name, label] of Object.entries(a.auditEvents ?? {})) registry.labels.set(name, label);
    for (const [key, spec] of Object.entries(a.settings ?? {})) registry.settings.set(key, { ...spec, area: a.name });
    for (const [id, build] of Object.entries(a.dataBuilders ?? {})) registry.dataBuilders.set(id, build);
    for (const [kind, subject] of Object.entries(a.auditSubjects ?? {})) registry.auditSubjects.set(kind, subject);
  }
}
