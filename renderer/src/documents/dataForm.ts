/**
 * The data a document is filled from, as a form a clerk can use: simple values as inputs, lists of sentences
 * as a textarea with one per line, lists of records (parties, agents) as repeated groups, records as groups.
 *
 * The shape comes from the data itself merged with the template's sample data (so an empty list still knows
 * whether it holds sentences or records). The form holds the same structure as the data except that a list of
 * strings is one text with line breaks; `toFormValues` / `fromFormValues` convert both ways.
 */

export type FieldSchema =
  /** `guess`: nothing in the data said what this is (a null); the sample may know better */
  | { kind: 'text'; multiline: boolean; guess?: boolean }
  | { kind: 'date' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'lines'; guess?: boolean }
  | { kind: 'object'; fields: FieldEntry[] }
  | { kind: 'list'; item: ObjectSchema };

export type ObjectSchema = Extract<FieldSchema, { kind: 'object' }>;
export interface FieldEntry {
  key: string;
  schema: FieldSchema;
}

export type DataObject = Record<string, unknown>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Longer than this (or with a line break), a text gets a textarea. */
const LONG_TEXT = 40;

export function isDate(v: unknown): boolean {
  return typeof v === 'string' && DATE.test(v);
}

function isRecord(v: unknown): v is DataObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The schema of one value, or null when nothing can be said (null, an empty list). */
function schemaOf(v: unknown): FieldSchema | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return { kind: 'boolean' };
  if (typeof v === 'number') return { kind: 'number' };
  if (typeof v === 'string') return isDate(v) ? { kind: 'date' } : { kind: 'text', multiline: v.length > LONG_TEXT || v.includes('\n') };
  if (Array.isArray(v)) {
    if (v.length === 0) return null;
    if (v.every((x) => isRecord(x))) return { kind: 'list', item: objectSchema(v as DataObject[]) };
    return { kind: 'lines' };
  }
  if (isRecord(v)) return objectSchema([v]);
  return { kind: 'text', multiline: false };
}

function objectSchema(values: readonly DataObject[]): ObjectSchema {
  const keys: string[] = [];
  for (const o of values) for (const k of Object.keys(o)) if (!keys.includes(k)) keys.push(k);
  return { kind: 'object', fields: keys.map((key) => ({ key, schema: mergeAll(values.map((o) => o[key]), key) })) };
}

const shortText: FieldSchema = { kind: 'text', multiline: false };
/** Lists of records that may be empty in every example (a party without agents): their item shape. */
const KNOWN_LISTS: Record<string, ObjectSchema> = {
  agents: { kind: 'object', fields: ['role', 'name', 'description'].map((key) => ({ key, schema: shortText })) },
};

function mergeAll(values: readonly unknown[], key: string): FieldSchema {
  let s: FieldSchema | null = null;
  for (const v of values) s = merge(s, schemaOf(v));
  if (s) return s;
  // nothing known: a known list, an empty list of sentences if it is an empty list, else a short text
  if (values.some((v) => Array.isArray(v))) return KNOWN_LISTS[key] ? { kind: 'list', item: KNOWN_LISTS[key] } : { kind: 'lines', guess: true };
  return { kind: 'text', multiline: false, guess: true };
}

const multiline = (s: FieldSchema) => s.kind === 'text' && s.multiline;

function merge(a: FieldSchema | null, b: FieldSchema | null): FieldSchema | null {
  if (!a) return b;
  if (!b) return a;
  if (a.kind === 'object' && b.kind === 'object') return mergeObjects(a, b);
  if (a.kind === 'list' && b.kind === 'list') return { kind: 'list', item: mergeObjects(a.item, b.item) };
  if (a.kind === 'text' && b.kind === 'text') return { kind: 'text', multiline: a.multiline || b.multiline };
  if (a.kind === b.kind) return a;
  // a date beside a text is a text; any other disagreement becomes a text as well
  const bothSimple = (a.kind === 'text' || a.kind === 'date') && (b.kind === 'text' || b.kind === 'date');
  return { kind: 'text', multiline: bothSimple ? multiline(a) || multiline(b) : true };
}

function mergeObjects(a: ObjectSchema, b: ObjectSchema): ObjectSchema {
  const fields = a.fields.map((f) => {
    const other = b.fields.find((x) => x.key === f.key);
    return other ? { key: f.key, schema: merge(f.schema, other.schema) ?? f.schema } : f;
  });
  for (const f of b.fields) if (!fields.some((x) => x.key === f.key)) fields.push(f);
  return { kind: 'object', fields };
}

/** The form's shape for `data`, taking what `sample` knows where `data` is silent (null, empty lists, absent keys). */
export function inferSchema(data: DataObject, sample?: DataObject | null): ObjectSchema {
  const fromData = objectSchema([data]);
  if (!sample) return fromData;
  const fromSample = objectSchema([sample]);
  // the data's order first; fields only the sample has come after
  const fields = fromData.fields.map((f) => {
    const s = fromSample.fields.find((x) => x.key === f.key);
    return s ? { key: f.key, schema: prefer(f.schema, s.schema) } : f;
  });
  for (const f of fromSample.fields) if (!fields.some((x) => x.key === f.key)) fields.push(f);
  return { kind: 'object', fields };
}

/** The data's schema, refined by the sample where the data could not tell (a null, an empty list). */
function prefer(fromData: FieldSchema, fromSample: FieldSchema): FieldSchema {
  if (fromData.kind === 'object' && fromSample.kind === 'object') return inferSchemaObjects(fromData, fromSample);
  if (fromData.kind === 'list' && fromSample.kind === 'list') return { kind: 'list', item: inferSchemaObjects(fromData.item, fromSample.item) };
  if ((fromData.kind === 'text' || fromData.kind === 'lines') && fromData.guess) return fromSample;
  if (fromData.kind === 'text' && fromSample.kind === 'text') return { kind: 'text', multiline: fromData.multiline || fromSample.multiline };
  if (fromData.kind === 'text' && fromSample.kind === 'date') return fromData;
  return fromData;
}

function inferSchemaObjects(a: ObjectSchema, b: ObjectSchema): ObjectSchema {
  const fields = a.fields.map((f) => {
    const s = b.fields.find((x) => x.key === f.key);
    return s ? { key: f.key, schema: prefer(f.schema, s.schema) } : f;
  });
  for (const f of b.fields) if (!fields.some((x) => x.key === f.key)) fields.push(f);
  return { kind: 'object', fields };
}

// ---- values ---------------------------------------------------------------------------------------------------

/** Data → the values the form holds. */
export function toFormValues(schema: ObjectSchema, data: DataObject | null | undefined): DataObject {
  const out: DataObject = {};
  for (const f of schema.fields) out[f.key] = toFormValue(f.schema, data?.[f.key]);
  return out;
}

function toFormValue(s: FieldSchema, v: unknown): unknown {
  switch (s.kind) {
    case 'object':
      return toFormValues(s, isRecord(v) ? v : null);
    case 'list':
      return Array.isArray(v) ? v.map((x) => toFormValues(s.item, isRecord(x) ? x : null)) : [];
    case 'lines':
      return Array.isArray(v) ? v.map((x) => (x === null || x === undefined ? '' : String(x))).join('\n') : typeof v === 'string' ? v : '';
    case 'boolean':
      return v === true;
    case 'number':
      return typeof v === 'number' ? v : null;
    default:
      return v === null || v === undefined ? '' : String(v);
  }
}

/** The form's values → data for the API: lines split (blank lines dropped), empty texts null. */
export function fromFormValues(schema: ObjectSchema, values: DataObject | null | undefined): DataObject {
  const out: DataObject = {};
  for (const f of schema.fields) out[f.key] = fromFormValue(f.schema, values?.[f.key]);
  return out;
}

function fromFormValue(s: FieldSchema, v: unknown): unknown {
  switch (s.kind) {
    case 'object':
      return fromFormValues(s, isRecord(v) ? v : null);
    case 'list':
      return Array.isArray(v) ? v.map((x) => fromFormValues(s.item, isRecord(x) ? x : null)) : [];
    case 'lines':
      return typeof v === 'string'
        ? v
            .split(/\r?\n/)
            .map((l) => l.trim())
            .filter((l) => l !== '')
        : [];
    case 'boolean':
      return v === true;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    default: {
      if (v === null || v === undefined) return null;
      const text = String(v);
      return text.trim() === '' ? null : text;
    }
  }
}

// ---- labels ---------------------------------------------------------------------------------------------------

/** Chinese names by path (indices left out: `applicants.agents.name`); the most specific path wins. */
const PATH_LABELS: Record<string, string> = {
  court: '法院',
  'court.name': '法院名称',
  caseNumber: '案号',
  applicants: '申请人',
  'applicants.role': '称谓',
  'applicants.kind': '类别',
  'applicants.name': '姓名或名称',
  'applicants.agents': '委托诉讼代理人',
  'applicants.agents.role': '称谓',
  'applicants.agents.name': '姓名',
  'applicants.agents.description': '身份（如 某律师事务所律师）',
  applicationDate: '申请日期',
  acceptanceDate: '立案日期',
  judge: '审判员',
  clerk: '书记员',
  dispute: '纠纷（如 买卖合同纠纷）',
  agreement: '调解协议',
  'agreement.date': '达成日期',
  'agreement.organisation': '主持调解的组织',
  'agreement.terms': '协议条款（每行一条）',
  decisionDate: '裁定日期',
  reasons: '驳回理由（每行一段）',
  rejectReasons: '驳回理由（每行一段）',
  addressee: '受送达人',
  paragraphs: '正文（每行一段）',
  items: '编号事项（每行一项）',
  contact: '联系人',
  'contact.name': '联系人姓名',
  'contact.phone': '联系电话',
  date: '日期',
  recipient: '收件人',
  case: '案件',
  'case.number': '案号',
  'case.code': '案件码',
  'case.codeDisplay': '案件码（显示）',
  'case.typeLabel': '案件类型',
  'case.cause': '案由',
  'case.receivedOn': '收案日期',
  'case.amountFen': '争议金额（分）',
  'case.parties': '当事人',
  'case.parties.role': '诉讼地位',
  'case.parties.name': '姓名或名称',
  'case.parties.address': '住址',
  'case.materials': '收到材料（每行一项）',
  issuedOn: '出具日期',
  rejection: '驳回',
  'rejection.reason': '驳回理由（一句，不带句号）',
};

/** Names of keys wherever they appear, when the path is not listed. */
const KEY_LABELS: Record<string, string> = {
  name: '姓名或名称',
  role: '称谓',
  kind: '类别',
  sex: '性别',
  birthDate: '出生日期',
  ethnicity: '民族',
  address: '住址',
  idNumber: '证件号码',
  phone: '联系电话',
  representative: '法定代表人（负责人）',
  representativeRole: '代表人称谓（如 法定代表人）',
  representativeTitle: '代表人职务（如 该公司总经理）',
  agents: '委托诉讼代理人',
  description: '说明',
  date: '日期',
  terms: '条款（每行一条）',
  amountFen: '金额（分）',
  note: '备注',
  title: '标题',
  number: '编号',
};

/** `applicants.0.agents.1.name` → `applicants.agents.name` */
export function normalisePath(path: readonly (string | number)[]): string {
  return path.filter((p) => typeof p === 'string' && !/^\d+$/.test(p)).join('.');
}

export function fieldLabel(path: readonly (string | number)[]): string {
  const norm = normalisePath(path);
  if (PATH_LABELS[norm]) return PATH_LABELS[norm];
  const key = norm.split('.').pop() ?? norm;
  return KEY_LABELS[key] ?? key;
}

/** Items of a list are named by their role and name when they have them: "申请人 张三". */
export function itemLabel(listLabel: string, index: number, value: unknown): string {
  if (isRecord(value)) {
    const role = typeof value.role === 'string' && value.role.trim() ? value.role.trim() : '';
    const name = typeof value.name === 'string' && value.name.trim() ? value.name.trim() : '';
    if (role || name) return `${index + 1}. ${[role, name].filter(Boolean).join(' ')}`;
  }
  return `${listLabel.replace(/（.*$/, '')} ${index + 1}`;
}

/** An empty item for a list, in the item's shape. */
export function emptyItem(item: ObjectSchema): DataObject {
  return toFormValues(item, null);
}

/** True when the value of a field (in form shape) equals the sample's (in data shape): still the sample text. */
export function sameAsSample(schema: FieldSchema, formValue: unknown, sampleValue: unknown): boolean {
  const asData = fromFormValue(schema, formValue);
  return JSON.stringify(asData) === JSON.stringify(normaliseSample(schema, sampleValue));
}

function normaliseSample(schema: FieldSchema, v: unknown): unknown {
  return fromFormValue(schema, toFormValue(schema, v));
}
