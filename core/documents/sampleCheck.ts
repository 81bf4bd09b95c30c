import { fieldError } from '../api/errors';
import type { Template } from './template';

/**
 * No document leaves the desk with the template's sample content (issue 10 item 1). A template's sample data
 * previews it and declares its fields; its values (张三, 审判员 王五, the sample agreement) are fiction. Before a
 * document is registered, every value of its data is compared — here, on the server, never trusting the
 * client — with the sample: a value equal to the sample's at the same place is refused unless the record holds
 * that same value there (the data builder put it there) or the person typed it (the generate call names the
 * fields the person edited: a real name may happen to equal the sample's).
 */

export type Leaf = string | number;
export type DataPath = string;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every leaf worth comparing (non-empty text, numbers) with its dotted path: `agreement.terms.0`. */
export function leaves(value: unknown, prefix = ''): [DataPath, Leaf][] {
  if (typeof value === 'string') return value.trim() ? [[prefix, value.trim()]] : [];
  if (typeof value === 'number') return [[prefix, value]];
  const out: [DataPath, Leaf][] = [];
  const at = (k: string | number) => (prefix ? `${prefix}.${k}` : String(k));
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...leaves(v, at(i))));
  else if (isRecord(value)) for (const [k, v] of Object.entries(value)) out.push(...leaves(v, at(k)));
  return out;
}

export function valueAt(value: unknown, path: DataPath): unknown {
  let v: unknown = value;
  for (const part of path.split('.')) {
    if (Array.isArray(v)) v = /^\d+$/.test(part) ? v[Number(part)] : undefined;
    else if (isRecord(v)) v = Object.hasOwn(v, part) ? v[part] : undefined;
    else return undefined;
  }
  return v;
}

const same = (a: unknown, b: Leaf) => (typeof a === 'string' ? a.trim() === b : a === b);

/** A path is covered by an edited field when it is that field or lies inside it (`agreement.terms` covers `agreement.terms.2`). */
function covered(path: DataPath, edited: readonly string[]): boolean {
  return edited.some((e) => path === e || path.startsWith(`${e}.`));
}

/**
 * The places where `data` still holds the sample's value and neither the record (`record`: what the data
 * builder put there) nor a person (`edited`) did.
 */
export function sampleValuesIn(
  sample: Record<string, unknown>,
  data: Record<string, unknown>,
  record: Record<string, unknown>,
  edited: readonly string[] = [],
): DataPath[] {
  const out: DataPath[] = [];
  for (const [path, v] of leaves(data)) {
    const s = valueAt(sample, path);
    if (s === undefined || !same(s, v)) continue;
    const r = valueAt(record, path);
    if (r !== undefined && (typeof r === 'string' || typeof r === 'number') && same(r, v)) continue;
    if (covered(path, edited)) continue;
    out.push(path);
  }
  return out;
}

/** Chinese names of the fields a person fills in, for messages (the form shows the same names). */
const NAMES: Record<string, string> = {
  court: '法院',
  'court.name': '法院名称',
  caseNumber: '案号',
  applicants: '申请人',
  applicationDate: '申请日期',
  acceptanceDate: '立案日期',
  judge: '审判员',
  clerk: '书记员',
  dispute: '纠纷',
  agreement: '调解协议',
  'agreement.date': '调解协议达成日期',
  'agreement.organisation': '主持调解的组织',
  'agreement.terms': '调解协议条款',
  decisionDate: '裁定日期',
  reasons: '驳回理由',
  rejectReasons: '驳回理由',
  rejection: '驳回理由',
  addressee: '受送达人',
  paragraphs: '正文',
  items: '编号事项',
  contact: '联系人',
  date: '日期',
  recipient: '收件人',
  case: '案件信息',
  issuedOn: '出具日期',
  caseTitle: '案件名称',
  fee: '费用',
  breakdown: '计算过程',
  account: '交费账户',
  'account.payee': '收款单位',
  'account.bank': '开户银行',
  'account.accountNo': '账号',
  'account.note': '交费说明',
  you: '称谓',
  'fee.name': '费用名称',
  'fee.kindLabel': '费用种类',
  'fee.basis': '计费依据',
  'fee.claimAmount': '计费金额',
  'fee.amount': '应交金额',
  'fee.amountFen': '应交金额',
  payable: '本次应交金额',
  payableFen: '本次应交金额',
  notes: '说明',
  relief: '司法救助',
  ground: '申请理由',
};
const KEY_NAMES: Record<string, string> = {
  name: '姓名或名称',
  role: '称谓',
  sex: '性别',
  birthDate: '出生日期',
  ethnicity: '民族',
  address: '住址',
  idNumber: '证件号码',
  representative: '法定代表人',
  representativeTitle: '代表人职务',
  agents: '委托诉讼代理人',
  description: '代理人身份',
  terms: '协议条款',
  label: '项目',
  formula: '计算',
  amount: '金额',
  number: '编号',
  cause: '案由',
  receivedOn: '收案日期',
  amountFen: '金额',
};

/** `agreement.terms.0` → 调解协议条款第 1 项; `applicants.1.name` → 申请人（第 2 个）姓名或名称 */
export function fieldName(path: DataPath): string {
  const parts = path.split('.');
  const keys = parts.filter((p) => !/^\d+$/.test(p));
  const indices = parts.filter((p) => /^\d+$/.test(p)).map(Number);
  for (let n = keys.length; n > 0; n--) {
    const name = NAMES[keys.slice(0, n).join('.')];
    if (!name) continue;
    const rest = keys.slice(n).map((k) => KEY_NAMES[k] ?? k);
    const first = parts.indexOf(keys[n - 1]!) + 1;
    const itemAfter = /^\d+$/.test(parts[first] ?? '') ? Number(parts[first]) + 1 : null;
    if (rest.length === 0) return itemAfter !== null ? `${name}第 ${itemAfter} 项` : name;
    return `${name}${itemAfter !== null ? `（第 ${itemAfter} 个）` : ''}${rest.join('')}`;
  }
  const last = keys[keys.length - 1] ?? path;
  return `${KEY_NAMES[last] ?? last}${indices.length ? `（第 ${indices[0]! + 1} 项）` : ''}`;
}

/** Refuses data that still holds sample content, naming the fields (each field once). */
export function refuseSampleContent(
  t: Template,
  data: Record<string, unknown>,
  record: Record<string, unknown>,
  edited: readonly string[],
): void {
  const paths = sampleValuesIn(t.sample, data, record, edited);
  if (!paths.length) return;
  const names = [...new Set(paths.map(fieldName))];
  throw fieldError(
    'data',
    `“${t.title}”中以下内容仍是模板样例，不能生成：${names.join('、')}。请按本案实际情况填写（勾选“已核对”不能代替填写）`,
  );
}
