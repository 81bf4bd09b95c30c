import { Col, Row, Typography } from 'antd';

function pretty(json: string | null): string {
  if (json === null) return '（无）';
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}

/** The before/after record of one audit entry, as stored (JSON), side by side. */
export function AuditDetails({ before, after }: { before: string | null; after: string | null }) {
  return (
    <Row gutter={16} className="audit-details">
      <Col span={12}>
        <Typography.Text strong>变更前</Typography.Text>
        <pre className="json-block">{pretty(before)}</pre>
      </Col>
      <Col span={12}>
        <Typography.Text strong>变更后</Typography.Text>
        <pre className="json-block">{pretty(after)}</pre>
      </Col>
    </Row>
  );
}
