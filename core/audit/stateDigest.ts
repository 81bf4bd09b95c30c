import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

/**
 * Digests of the state an audited mutation wrote, so `court verify` can tell when a record's content no
 * longer matches its last audit entry (an edit made directly in SQLite). One table entry per kind of record:
 * the canonical row query (columns in a fixed order, child rows folded in as JSON) and how to name the record.
 *
 * What a digest covers is the record's content as filed or decided; bookkeeping that legitimately changes
 * without an audit entry is left out (a case's status and updated_at — other registers move it; a user's
 * failed-login counter and last login; a document's print count).
 */
export interface DigestKind {
  /** Chinese name of the kind, used when the record no longer exists */
  label: string;
  /** [column alias in `sql`, Chinese field label], in digest order */
  columns: readonly (readonly [string, string])[];
  /** one row for the subject id (bound as ?), selecting exactly the aliases of `columns` */
  sql: string;
  /** how verify names the record, from its current row */
  name: (row: Record<string, unknown> | undefined, id: string) => string;
}

const partyPlaces = `(SELECT json_group_array(json_array(party_id, role, seq)) FROM (SELECT party_id, role, seq FROM case_parties WHERE case_id = c.id ORDER BY seq, id))`;
const caseAgents = `(SELECT json_group_array(json_array(kind, name, id_number, phone, organisation, license_no, authority, authority_detail)) FROM (SELECT * FROM case_agents WHERE case_id = c.id ORDER BY id))`;

export const DIGEST_KINDS = {
  case: {
    label: '案件',
    columns: [
      ['number', '案号'],
      ['case_type', '案件类型'],
      ['received_on', '收案日期'],
      ['cause_revision', '案由目录版本'],
      ['cause_no', '案由编号'],
      ['cause_name', '案由'],
      ['amount_fen', '争议金额'],
      ['claims', '诉讼请求'],
      ['facts', '事实与理由'],
      ['materials', '收到的材料'],
      ['code', '案件码'],
      ['places', '当事人及其诉讼地位'],
      ['agents', '委托诉讼代理人'],
    ],
    sql: `SELECT number, case_type, received_on, cause_revision, cause_no, cause_name, amount_fen, claims, facts, materials, code,
            ${partyPlaces} AS places, ${caseAgents} AS agents FROM cases c WHERE id = ?`,
    name: (row, id) => (row ? `案件${String(row.number)}` : `案件（编号 ${id}）`),
  },
  party: {
    label: '当事人',
    columns: [
      ['kind', '类别'],
      ['name', '姓名或名称'],
      ['sex', '性别'],
      ['birth_date', '出生日期'],
      ['ethnicity', '民族'],
      ['id_type', '证件类型'],
      ['id_number', '身份证件号码'],
      ['address', '住所'],
      ['phone', '联系电话'],
      ['representative', '法定代表人或主要负责人'],
      ['representative_title', '职务'],
      ['revision', '更正次数'],
    ],
    sql: `SELECT kind, name, sex, birth_date, ethnicity, id_type, id_number, address, phone, representative, representative_title, revision FROM parties WHERE id = ?`,
    name: (row, id) => (row ? `当事人${String(row.name)}（编号 ${id}）` : `当事人（编号 ${id}）`),
  },
  user: {
    label: '用户',
    columns: [
      ['username', '用户名'],
      ['display_name', '姓名'],
      ['password_hash', '密码'],
      ['disabled', '停用状态'],
      ['must_change_password', '须改密码'],
      ['roles', '角色'],
    ],
    sql: `SELECT username, display_name, password_hash, disabled, must_change_password,
            (SELECT group_concat(role, ',') FROM (SELECT role FROM user_roles WHERE user_id = u.id ORDER BY role)) AS roles FROM users u WHERE id = ?`,
    name: (row, id) => (row ? `用户 ${String(row.username)}` : `用户（编号 ${id}）`),
  },
  relief_application: {
    label: '诉讼费用救助申请',
    columns: [
      ['case_id', '案件'],
      ['case_party_id', '申请人'],
      ['kind', '救助方式'],
      ['ground', '申请理由类别'],
      ['reasons', '申请理由'],
      ['evidence', '证明材料'],
      ['fee_fen', '应交费用'],
      ['requested_percent', '申请减交比例'],
      ['requested_until', '申请缓交期限'],
      ['applied_on', '申请日期'],
      ['status', '状态'],
      ['decided_on', '决定日期'],
      ['granted_percent', '准予比例'],
      ['relief_fen', '救助金额'],
      ['deferred_until', '缓交期限'],
      ['refusal_reasons', '不予准许的理由'],
      ['steps', '审批经过'],
    ],
    sql: `SELECT case_id, case_party_id, kind, ground, reasons, evidence, fee_fen, requested_percent, requested_until, applied_on, status,
            decided_on, granted_percent, relief_fen, deferred_until, refusal_reasons,
            (SELECT json_group_array(json_array(stage, action, opinion, granted_percent, deferred_until, user_id, at))
               FROM (SELECT * FROM relief_steps WHERE application_id = r.id ORDER BY id)) AS steps
          FROM relief_applications r WHERE id = ?`,
    name: (_row, id) => `诉讼费用救助申请（编号 ${id}）`,
  },
  fee_payment: {
    label: '缴费记录',
    columns: [
      ['case_id', '案件'],
      ['application_id', '对应的缓交申请'],
      ['kind', '收退类别'],
      ['amount_fen', '金额'],
      ['paid_on', '交纳日期'],
      ['reference', '票据号'],
      ['note', '备注'],
      ['recorded_by', '登记人'],
    ],
    sql: `SELECT case_id, application_id, kind, amount_fen, paid_on, reference, note, recorded_by FROM fee_payments WHERE id = ?`,
    name: (_row, id) => `缴费记录（编号 ${id}）`,
  },
  document: {
    label: '文书',
    columns: [
      ['case_id', '案件'],
      ['template_id', '模板'],
      ['template_version', '模板版本'],
      ['title', '标题'],
      ['format', '格式'],
      ['data', '填写的数据'],
      ['sha256', '文件摘要'],
      ['page_count', '页数'],
      ['created_by', '制作人'],
      ['created_at', '制作时间'],
    ],
    sql: `SELECT case_id, template_id, template_version, title, format, data, sha256, page_count, created_by, created_at FROM documents WHERE id = ?`,
    name: (row, id) => (row ? `文书「${String(row.title)}」（编号 ${id}）` : `文书（编号 ${id}）`),
  },
  settings: {
    label: '系统设置',
    columns: [['all', '设置项']],
    sql: `SELECT (SELECT json_group_array(json_array(key, value)) FROM (SELECT key, value FROM settings ORDER BY key)) AS "all" WHERE ? IS NOT NULL`,
    name: () => '系统设置',
  },
  backup_policy: {
    label: '备份策略',
    columns: [
      ['folder', '备份文件夹'],
      ['every_hours', '间隔'],
      ['keep', '保留份数'],
      ['enabled', '启用'],
    ],
    sql: `SELECT folder, every_hours, keep, enabled FROM backup_policy WHERE id = ?`,
    name: () => '备份策略',
  },
} as const satisfies Record<string, DigestKind>;

export type DigestKindKey = keyof typeof DIGEST_KINDS;

export interface Subject {
  kind: DigestKindKey;
  id: string;
}

export interface StateDigest extends Subject {
  /** SHA-256 of the canonical row (or of its absence) */
  digest: string;
  /** 4 hex digits per column, in column order: tells which field changed */
  fields: string;
}

const ABSENT = '\u0000absent';

function short(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(value ?? null))
    .digest('hex')
    .slice(0, 4);
}

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function statement(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = statementCache.get(sqlite);
  if (!cache) statementCache.set(sqlite, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) cache.set(sql, (st = sqlite.prepare(sql)));
  return st;
}

export function currentRow(sqlite: Database.Database, subject: Subject): Record<string, unknown> | undefined {
  const kind: DigestKind = DIGEST_KINDS[subject.kind];
  return statement(sqlite, kind.sql).get(subject.id) as Record<string, unknown> | undefined;
}

/** The digest of a record's current content (as seen by this connection, inside or outside a transaction). */
export function stateDigest(sqlite: Database.Database, subject: Subject): StateDigest {
  const kind: DigestKind = DIGEST_KINDS[subject.kind];
  const row = currentRow(sqlite, subject);
  const values = row ? kind.columns.map(([c]) => row[c] ?? null) : null;
  const canonical = values ? JSON.stringify(values) : ABSENT;
  const digest = createHash('sha256')
    .update(subject.kind)
    .update('\u001f')
    .update(subject.id)
    .update('\u001f')
    .update(canonical)
    .digest('hex');
  const fields = values ? values.map(short).join('') : '';
  return { ...subject, digest, fields };
}

/** The Chinese labels of the fields whose short hashes differ (all fields when one side is absent). */
export function changedFields(kind: DigestKindKey, recorded: string, current: string): string[] {
  const cols: DigestKind['columns'] = DIGEST_KINDS[kind].columns;
  return cols.filter((_, i) => recorded.slice(i * 4, i * 4 + 4) !== current.slice(i * 4, i * 4 + 4)).map(([, label]) => label);
}

/**
 * Which records an audit entry wrote: the entity it names, plus what the same mutation wrote along with it
 * (a filing saves its parties; a payment may settle a deferral).
 */
export function subjectsOf(sqlite: Database.Database, entityType: string, entityId: string | null): Subject[] {
  if (entityId === null) return [];
  switch (entityType) {
    case 'case': {
      if (!/^\d+$/.test(entityId)) return [];
      const parties = statement(sqlite, 'SELECT DISTINCT party_id AS id FROM case_parties WHERE case_id = ? ORDER BY party_id').all(
        entityId,
      ) as { id: number }[];
      return [{ kind: 'case', id: entityId }, ...parties.map((p) => ({ kind: 'party' as const, id: String(p.id) }))];
    }
    case 'party':
    case 'user':
    case 'relief_application':
    case 'document':
    case 'backup_policy':
      return [{ kind: entityType, id: entityId }];
    case 'court': {
      // first-run setup creates the court's settings and its administrator account
      const users = statement(sqlite, 'SELECT id FROM users ORDER BY id').all() as { id: number }[];
      return users.map((u) => ({ kind: 'user' as const, id: String(u.id) }));
    }
    case 'fee_payment': {
      const app = statement(sqlite, 'SELECT application_id AS id FROM fee_payments WHERE id = ?').get(entityId) as
        { id: number | null } | undefined;
      return [{ kind: 'fee_payment', id: entityId }, ...(app?.id ? [{ kind: 'relief_application' as const, id: String(app.id) }] : [])];
    }
    default:
      return [];
  }
}

/** The settings are one record ('settings', '*'): every key and value. */
export const SETTINGS_SUBJECT: Subject = { kind: 'settings', id: '*' };

/** SHA-256 over a row's digests in a fixed order: this is what the row's (keyed) hash covers. */
export function digestListHash(digests: readonly StateDigest[]): string {
  const sorted = [...digests].sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  const h = createHash('sha256');
  for (const d of sorted) h.update(`${d.kind}\u001f${d.id}\u001f${d.digest}\u001f${d.fields}\u001e`);
  return h.digest('hex');
}
