import { Table } from 'antd';
import type { Output } from '../../api/client';

type AuditField = Output<'audit.list'>['rows'][number]['fields'][number];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Top-level keys whose value differs between the two records. */
export function changedKeys(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

const cell = (v: string | null) => <span className="audit-value">{v ?? '—'}</span>;

/**
 * The before/after record of one audit entry as named fields: the host names each field in Chinese from the
 * operation's input declarations (core/audit/fieldLabels.ts) and writes the values as a person reads them;
 * changed fields are marked.
 */
export function AuditDetails({ fields }: { fields: readonly AuditField[] }) {
  const hasBefore = fields.some((f) => f.before !== null);
  const changed = fields.filter((f) => f.changed).map((f) => f.label);
  return (
    <div className="audit-details">
      <Table<AuditField>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={[...fields]}
        rowClassName={(f) => (f.changed ? 'json-key-changed' : '')}
        columns={[
          { title: '字段', dataIndex: 'label', width: 180 },
          ...(hasBefore ? [{ title: '变更前', dataIndex: 'before', render: cell }] : []),
          { title: hasBefore ? '变更后' : '内容', dataIndex: 'after', render: cell },
        ]}
      />
      {changed.length > 0 && <div className="changed-keys">变更的字段：{changed.join('、')}</div>}
    </div>
  );
}
