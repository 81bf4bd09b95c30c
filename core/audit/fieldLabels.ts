import type { z } from 'zod';
import { fieldLabelRegistry } from '../api/fields';
import { inputSchemaOf } from '../api/contract';
import type { AnyOp } from '../api/contract';
import type { Core } from '../context';

/**
 * The fields of an audit row's before/after record with Chinese names, for the audit page (issue 9 item 2:
 * "details as readable fields", not raw JSON). The names come from where each field is declared: the input
 * schemas of the operations (core/api/fields.ts registers the label every field builder is given), so a new
 * operation's fields are named without a list to keep. Record columns that no input declares (ids, times,
 * states) are named by RECORD_FIELDS below.
 */

/** Fields of stored records that are not inputs of any operation. */
const RECORD_FIELDS: Readonly<Record<string, string>> = {
  id: '编号',
  caseId: '案件编号',
  number: '案号',
  code: '案件码',
  status: '状态',
  createdAt: '创建时间',
  createdBy: '创建人',
  updatedAt: '更新时间',
  updatedBy: '更新人',
  revision: '版本',
  lockedUntil: '锁定至',
  lastLoginAt: '最近登录',
  failedLogins: '密码错误次数',
  mustChangePassword: '须改密码',
  disabled: '停用',
  roles: '角色',
  passwordChanged: '已修改密码',
  courtName: '法院全称',
  courtCode: '法院代字',
  admin: '管理员',
  causeName: '案由',
  causeNo: '案由编号',
  causeRevision: '案由版本',
  causeNeedsReview: '案由待核对',
  numberYear: '年度',
  numberSerial: '序号',
  documentId: '文书编号',
  templateId: '文书模板',
  templateVersion: '模板版本',
  sha256: '文件摘要（SHA-256）',
  pages: '页数',
  bytes: '大小（字节）',
  kindLabel: '种类',
  decidedOn: '决定日期',
  reasons: '理由',
  outcome: '结果',
  grounds: '依据',
  overdue: '已逾期',
  outstandingFen: '未交金额（分）',
  feeFen: '诉讼费（分）',
  amountFen: '金额（分）',
  note: '备注',
  at: '时间',
  due: '期限',
  late: '逾期',
  username: '用户名',
  displayName: '姓名',
  actorName: '操作人',
  sealedThrough: '已封存至',
  lastHash: '最后的哈希',
  caseType: '案件类型',
  caseTypeLabel: '案件类型名称',
  cause: '案由',
  'cause.name': '名称',
  'cause.no': '编号',
  'cause.revision': '版本',
  'cause.needsReview': '待核对',
  receivedOn: '收案日期',
  links: '关联案件',
  parties: '当事人',
  party: '当事人',
  agents: '代理人',
  timeline: '时间线',
  casePartyId: '案件当事人编号',
  role: '诉讼地位',
  seq: '顺序',
  kind: '种类',
  idType: '证件类型',
  idMasked: '证件号码已遮蔽',
  birthDate: '出生日期',
  sex: '性别',
  summary: '摘要',
  client: '客户端',
  expiresAt: '到期时间',
  userId: '用户编号',
  partyId: '当事人编号',
  reason: '原因',
  changed: '变更的字段',
  data: '数据',
  format: '格式',
  title: '名称',
};

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
};

function collect(schema: z.ZodType, out: Map<string, string>, key: string | null, depth: number): void {
  if (depth > 12) return;
  const label = fieldLabelRegistry.get(schema)?.label;
  if (key && label && !out.has(key)) out.set(key, label);
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  switch (def.type) {
    case 'object':
      for (const [k, s] of Object.entries(def.shape ?? {})) collect(s, out, k, depth + 1);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      if (def.innerType) collect(def.innerType, out, key, depth + 1);
      break;
    case 'pipe':
      if (def.in) collect(def.in, out, key, depth + 1);
      if (def.out) collect(def.out, out, key, depth + 1);
      break;
    case 'array':
      if (def.element) collect(def.element, out, key, depth + 1);
      break;
    case 'union':
      for (const o of def.options ?? []) collect(o, out, key, depth + 1);
      break;
  }
}

/** key → Chinese name for the fields of one schema (nested objects and arrays included). */
export function schemaFieldLabels(schema: z.ZodType): Map<string, string> {
  const out = new Map<string, string>();
  collect(schema, out, null, 0);
  return out;
}

const byOperation = new WeakMap<Core, Map<string, Map<string, string>>>();

/** The field names of one operation's records: its input's fields, then the record fields above. */
export function operationFieldLabels(core: Core, op: AnyOp | undefined): Map<string, string> {
  let cache = byOperation.get(core);
  if (!cache) byOperation.set(core, (cache = new Map()));
  const name = op?.name ?? '';
  let labels = cache.get(name);
  if (!labels) {
    labels = op ? schemaFieldLabels(inputSchemaOf(op, core)) : new Map<string, string>();
    for (const [k, v] of Object.entries(RECORD_FIELDS)) if (!labels.has(k)) labels.set(k, v);
    cache.set(name, labels);
  }
  return labels;
}

export interface AuditField {
  key: string;
  /** the Chinese name, or the key itself when nothing names it */
  label: string;
  before: string | null;
  after: string | null;
  changed: boolean;
}

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A nested field's name: within its parent first (cause.name is the cause's 名称, not a person's 姓名). */
function labelOf(labels: Map<string, string>, key: string, parent: string): string {
  return (parent && RECORD_FIELDS[`${parent}.${key}`]) || labels.get(key) || key;
}

/** A value as a person reads it: 是/否, lists joined with 、, nested records as 名称：值 pairs. */
function display(value: unknown, labels: Map<string, string>, depth = 0, parent = ''): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return value === '' ? '（空）' : value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (depth > 4) return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '（无）';
    const items = value.map((v) => display(v, labels, depth + 1, parent));
    return value.some((v) => typeof v === 'object' && v !== null) ? items.join('\n') : items.join('、');
  }
  if (isRecord(value)) {
    return Object.entries(value)
      .map(([k, v]) => `${labelOf(labels, k, parent)}：${display(v, labels, depth + 1, k)}`)
      .join('；');
  }
  return String(value);
}

/** The before/after records of an audit row as a list of named fields, changed ones marked. */
export function auditFields(labels: Map<string, string>, beforeJson: string | null, afterJson: string | null): AuditField[] {
  const before = parse(beforeJson);
  const after = parse(afterJson);
  if (!isRecord(before) && !isRecord(after)) {
    if (before === null && after === null) return [];
    const b = before === null ? null : display(before, labels);
    const a = after === null ? null : display(after, labels);
    return [{ key: '', label: '内容', before: b, after: a, changed: b !== a }];
  }
  const keys = [...new Set([...Object.keys(isRecord(before) ? before : {}), ...Object.keys(isRecord(after) ? after : {})])];
  return keys.map((key) => {
    const b = isRecord(before) && key in before ? display(before[key], labels, 0, key) : null;
    const a = isRecord(after) && key in after ? display(after[key], labels, 0, key) : null;
    return { key, label: labels.get(key) ?? key, before: b, after: a, changed: isRecord(before) && isRecord(after) && b !== a };
  });
}
