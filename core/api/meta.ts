import type { Access } from './contract';

/**
 * Operation metadata without handlers: name, who may call, Chinese label and summary. Each area keeps its
 * operations' metadata in core/<area>/meta.ts, which imports no database code, so the renderer imports it
 * at run time (menus, buttons, the audit log), and operations.ts declares each operation from it with
 * operationsOf (core/api/contract.ts), adding only the schemas and the handler:
 *
 *     export const feesMeta = defineMeta({ 'fees.quote': { label: '计算诉讼费', summary: '…', access: 'authenticated' } });
 *     const op = operationsOf(feesMeta);
 *     op('fees.quote', { input, output, handler })
 */
export interface OperationMeta<N extends string = string> {
  name: N;
  /** short Chinese name of the action, shown in the audit log and menus (e.g. 登记调解案件) */
  label: string;
  /** one line in Chinese, shown in docs/API.md */
  summary: string;
  access: Access;
}

type MetaInput = Record<string, { label: string; summary: string; access: Access }>;

export function defineMeta<const T extends MetaInput>(entries: T): { readonly [K in keyof T & string]: T[K] & { name: K } } {
  const out: Record<string, OperationMeta> = {};
  for (const [name, m] of Object.entries(entries)) {
    if (!m.label.trim() || !m.summary.trim()) throw new Error(`operation ${name}: label and summary are required`);
    out[name] = { name, ...m };
  }
  return out as never;
}

/** True when a user holding `roles` may call an operation with this access (the dispatcher's rule, for the UI). */
export function mayCall(access: Access, roles: readonly string[] | null): boolean {
  if (access === 'public') return true;
  if (!roles) return false;
  if (access === 'authenticated') return true;
  return access.some((r) => roles.includes(r));
}
