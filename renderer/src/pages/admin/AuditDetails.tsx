import { Col, Row, Typography } from 'antd';
import { fieldLabel } from '../../labels';

function parse(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Top-level keys whose value differs between the two records. */
export function changedKeys(before: unknown, after: unknown): string[] {
  if (!isRecord(before) || !isRecord(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/** A record pretty-printed, with the lines of changed top-level keys highlighted. */
function JsonBlock({ value, changed }: { value: unknown; changed: readonly string[] }) {
  if (value === null) return <pre className="json-block">（无）</pre>;
  if (typeof value === 'string') return <pre className="json-block">{value}</pre>;
  const lines = JSON.stringify(value, null, 2).split('\n');
  return (
    <pre className="json-block">
      {lines.map((line, i) => {
        const key = /^ {2}"([^"]+)":/.exec(line)?.[1];
        return (
          <div key={i} className={key && changed.includes(key) ? 'json-key-changed' : undefined}>
            {line}
          </div>
        );
      })}
    </pre>
  );
}

/** The before/after record of one audit entry, as stored (JSON), side by side. */
export function AuditDetails({ before, after }: { before: string | null; after: string | null }) {
  const b = parse(before);
  const a = parse(after);
  const changed = changedKeys(b, a);
  return (
    <div className="audit-details">
      <Row gutter={16}>
        <Col span={12}>
          <Typography.Text strong>变更前</Typography.Text>
          <JsonBlock value={b} changed={changed} />
        </Col>
        <Col span={12}>
          <Typography.Text strong>变更后</Typography.Text>
          <JsonBlock value={a} changed={changed} />
        </Col>
      </Row>
      {changed.length > 0 && <div className="changed-keys">变更的字段：{changed.map(fieldLabel).join('、')}</div>}
    </div>
  );
}
