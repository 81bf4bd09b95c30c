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
 * Returns a copy with NFC strings (the raw input is not modified).
 */
export function hygienicInput(raw: unknown): unknown {
  return walk(raw, [], 0);
}

function walk(v: unknown, path: PropertyKey[], depth: number): unknown {
  if (typeof v === 'string') {
    const name = fieldName(path);
    if (v.length > MAX_STRING) throw fieldError(path.join('.') || '请求内容', `${name}过长（超过 ${MAX_STRING} 个字符）`);
    const problem = textProblem(v, true);
    if (problem) throw fieldError(path.join('.') || '请求内容', `${name}${problem}`);
    const key = path[path.length - 1];
    return typeof key === 'string' && /password/i.test(key) ? v : v.normalize('NFC');
  }
  if (v === null || typeof v !== 'object') return v;
  if (depth > MAX_DEPTH) throw fieldError(path.join('.') || '请求内容', `${fieldName(path)}嵌套层次过深`);
  if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i], depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = walk(x, [...path, k], depth + 1);
  return out;
}
