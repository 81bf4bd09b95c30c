import { z } from 'zod';
import { fieldError } from './errors';
import { textProblem } from './fields';

/**
 * The dispatcher's net under the field builders (issue 11 item 7). Builders (requiredText …) refuse bad
 * text with the field's own label; this walks the whole raw input so that a field declared with a bare
 * z.string() is held to the same rules — control characters, bidi overrides, lone surrogates, invisible-
 * only values, an upper length — and NFC-normalises every string (passwords excepted: they are compared
 * as typed). zod's own messages are Chinese (its zh-CN locale) and name the field.
 */

/** No text field of the contract is longer than this (a template's text is the longest). */
export const MAX_STRING = 100_000;
const MAX_DEPTH = 12;

const KEY_LABELS: Record<string, string> = {
  name: '名称',
  username: '用户名',
  displayName: '姓名',
  password: '密码',
  idNumber: '证件号码',
  idType: '证件类型',
  phone: '电话',
  address: '地址',
  reason: '理由',
  note: '备注',
  parties: '当事人',
  agents: '代理人',
  party: '当事人',
  roles: '角色',
  role: '角色',
  amountFen: '金额',
  caseType: '案件类型',
  receivedOn: '收案日期',
  cause: '案由',
  no: '编号',
  revision: '版本',
  claims: '诉讼请求',
  facts: '事实与理由',
  materials: '材料',
  id: '编号',
  caseId: '案件编号',
  q: '检索词',
  limit: '条数',
  requestId: '请求编号',
};

/** A Chinese name for a field path: “证件号码（parties.0.party.idNumber）”, or “字段“x.y””. */
export function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '请求内容';
  const where = path.map(String).join('.');
  const last = [...path].reverse().find((p) => typeof p === 'string') as string | undefined;
  const label = last ? KEY_LABELS[last] : undefined;
  return label ? `${label}（${where}）` : `字段“${where}”`;
}

const zhCN = z.locales.zhCN().localeError;

/** zod's defaults in Chinese, prefixed with the field: “金额（amountFen）：无效输入：期望 数字，实际接收 string”. */
z.config({
  customError: (iss) => {
    const base = typeof zhCN === 'function' ? zhCN(iss) : undefined;
    const text = typeof base === 'string' ? base : (base?.message ?? '格式不正确');
    return `${fieldName((iss as { path?: PropertyKey[] }).path ?? [])}：${text}`;
  },
});

/**
 * Checks and normalises every string in a raw input; throws a field error for the first bad one.
 * Returns a copy with NFC strings (the raw input is not modified). A string longer than MAX_STRING passes
 * only where the operation's schema declares a larger maximum for it (a font upload's base64): the cap is
 * for fields that declare none, an explicit schema max wins.
 */
export function hygienicInput(raw: unknown, schema?: z.ZodType): unknown {
  return walk(raw, [], 0, schema);
}

function walk(v: unknown, path: PropertyKey[], depth: number, schema: z.ZodType | undefined): unknown {
  if (typeof v === 'string') {
    const name = fieldName(path);
    if (v.length > MAX_STRING) {
      const declared = schema ? declaredMaxLength(schema, path) : null;
      if (declared === null || v.length > declared)
        throw fieldError(path.join('.') || '请求内容', `${name}过长（超过 ${declared ?? MAX_STRING} 个字符）`);
    }
    const problem = textProblem(v, true);
    if (problem) throw fieldError(path.join('.') || '请求内容', `${name}${problem}`);
    const key = path[path.length - 1];
    return typeof key === 'string' && /password/i.test(key) ? v : v.normalize('NFC');
  }
  if (v === null || typeof v !== 'object') return v;
  if (depth > MAX_DEPTH) throw fieldError(path.join('.') || '请求内容', `${fieldName(path)}嵌套层次过深`);
  if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i], depth + 1, schema));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = walk(x, [...path, k], depth + 1, schema);
  return out;
}

/** zod 4's definition of a schema, as far as this walk reads it. */
interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  getter?: () => z.ZodType;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch', 'success']);

/**
 * The largest string length the schema declares at a path (zod's .max on that string), or null where it
 * declares none. Unions answer the largest of their options; wrappers, pipes (z.preprocess) and lazy
 * schemas are looked through.
 */
export function declaredMaxLength(schema: z.ZodType, path: readonly PropertyKey[], depth = 0): number | null {
  if (depth > 64) return null;
  const def = defOf(schema);
  const next = (s: z.ZodType | null | undefined, rest: readonly PropertyKey[]) => (s ? declaredMaxLength(s, rest, depth + 1) : null);
  const largest = (xs: (number | null)[]) => xs.reduce<number | null>((m, x) => (x === null ? m : m === null ? x : Math.max(m, x)), null);
  if (WRAPPERS.has(def.type)) return next(def.innerType, path);
  if (def.type === 'pipe') return next(defOf(def.out!).type === 'transform' ? def.in : def.out, path);
  if (def.type === 'lazy') return next(def.getter?.(), path);
  if (def.type === 'union') return largest((def.options ?? []).map((o) => next(o, path)));
  if (def.type === 'intersection') return largest([next(def.left, path), next(def.right, path)]);
  if (path.length === 0) return def.type === 'string' ? ((schema as z.ZodString).maxLength ?? null) : null;
  const [key, ...rest] = path;
  switch (def.type) {
    case 'object':
      return next(def.shape?.[String(key)] ?? def.catchall, rest);
    case 'record':
      return next(def.valueType, rest);
    case 'array':
      return next(def.element, rest);
    case 'tuple':
      return next(def.items?.[Number(key)] ?? def.rest, rest);
    default:
      return null;
  }
}
