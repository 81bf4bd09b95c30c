import type { z } from 'zod';
import type { CallContext, Core } from '../context';
import { ROLE_KEYS, type Role } from './roles';
import { dateShanghai } from '../time/clock';

/**
 * The API contract: every operation the UI may call is declared once, with its name, input schema,
 * result schema and the roles allowed. Both shells (electron/ over IPC, server/ over HTTP) dispatch
 * through core/api/dispatcher.ts, so they serve exactly the same operations with the same checks.
 */

/** Who may call an operation: nobody logged in, any logged-in user, or users holding one of the roles. */
export type Access = 'public' | 'authenticated' | readonly Role[];

export interface Operation<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, N extends string = string> {
  name: N;
  /** one line in Chinese, shown in docs/API.md */
  summary: string;
  /** short Chinese name of the action, shown in the audit log and menus (e.g. 登记调解案件) */
  label: string;
  access: Access;
  /**
   * The input schema, or a function of the core that builds it — for checks that depend on today's date
   * (a birth date or receipt date may not lie in the future), read from the core's clock.
   */
  input: I | ((core: Core) => I);
  output: O;
  handler: (ctx: CallContext, input: z.output<I>) => z.output<O> | Promise<z.output<O>>;
}

export function defineOperation<const N extends string, I extends z.ZodType, O extends z.ZodType>(
  op: Operation<I, O, N>,
): Operation<I, O, N> {
  if (Array.isArray(op.access)) {
    for (const role of op.access) {
      if (!ROLE_KEYS.includes(role)) throw new Error(`operation ${op.name}: unknown role ${role}`);
    }
  }
  return op;
}

type AnyOperation = Operation<any, any, string>;

/** Turns a union of operations into a name → operation map type. */
export type OperationMapOf<U extends AnyOperation> = { [K in U as K['name']]: K };

/** Turns a tuple of operations into a name → operation map type. */
export type OperationMap<T extends readonly AnyOperation[]> = {
  [K in T[number] as K['name']]: K;
};

/**
 * Combines the operations declared by each domain area. Refuses duplicate names, so two areas can never
 * silently shadow each other's operation.
 */
export function combineOperations<const T extends readonly AnyOperation[]>(...ops: T): OperationMap<T> {
  const map: Record<string, AnyOperation> = {};
  for (const op of ops) {
    if (map[op.name]) throw new Error(`duplicate API operation name: ${op.name}`);
    if (!/^[a-z][a-zA-Z]*\.[a-z][a-zA-Z]*$/.test(op.name)) {
      throw new Error(`API operation name must look like area.verb: ${op.name}`);
    }
    map[op.name] = op;
  }
  return map as OperationMap<T>;
}

export type AnyOp = AnyOperation;

/**
 * The input schema of an operation for a given core. A schema built from the core (today's date bounds a filing
 * date) is built once per core and court day, not on every call: building a zod object costs more than validating.
 */
export function inputSchemaOf(op: AnyOperation, core: Core): z.ZodType {
  if (typeof op.input !== 'function') return op.input;
  const day = dateShanghai(core.clock.now());
  let perCore = builtSchemas.get(core);
  if (!perCore) builtSchemas.set(core, (perCore = new Map()));
  const hit = perCore.get(op);
  if (hit && hit.day === day) return hit.schema;
  const schema = (op.input as (core: Core) => z.ZodType)(core);
  perCore.set(op, { day, schema });
  return schema;
}
const builtSchemas = new WeakMap<Core, Map<AnyOperation, { day: string; schema: z.ZodType }>>();
/** Input type as the caller writes it (before defaults and transforms). */
export type InputOf<Op> = Op extends Operation<infer I, any, any> ? z.input<I> : never;
/** Result type as the caller receives it. */
export type OutputOf<Op> = Op extends Operation<any, infer O, any> ? z.output<O> : never;

/** What an operation adds to its metadata (core/<area>/meta.ts): its schemas and its one service call. */
export type OperationBody<I extends z.ZodType, O extends z.ZodType> = Pick<Operation<I, O>, 'input' | 'output' | 'handler'>;

/**
 * Declares an area's operations from its metadata: the name, label, summary and access are written once, in the
 * area's meta.ts (which the renderer imports), and each declaration adds only its schemas and its service call —
 * instead of repeating the four metadata lines in every declaration of operations.ts.
 *
 *     const op = operationsOf(docketMeta);
 *     export const docketAssignOperation = op('docket.assign', { input: assignInput, output: docketCaseSchema, handler: assignCase });
 */
export function operationsOf<M extends { readonly [K in keyof M]: { label: string; summary: string; access: Access } }>(meta: M) {
  return <const N extends keyof M & string, I extends z.ZodType, O extends z.ZodType>(
    name: N,
    body: OperationBody<I, O>,
  ): Operation<I, O, N> =>
    defineOperation<N, I, O>({ name, label: meta[name].label, summary: meta[name].summary, access: meta[name].access, ...body });
}
