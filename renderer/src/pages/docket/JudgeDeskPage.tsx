import { Alert, Card, Col, Row, Statistic } from 'antd';
import { send } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { PageHeader } from '../../components/PageHeader';
import { DocketTable } from './DocketTable';

/** The fast-track judge's desk: my docket by urgency, with the counts of what is overdue or near its limit. */
export function JudgeDeskPage() {
  const { data, error } = useOperation(() => send('docket.mine'), []);
  return (
    <>
      <PageHeader title="我的速裁案件" />
      <JudgeDeskBody data={data} error={error} />
    </>
  );
}

export function JudgeDeskBody({ data, error }: { data: Awaited<ReturnType<typeof send<'docket.mine'>>> | null; error: string | null }) {
  const rows = data?.rows ?? [];
  const count = (tiers: string[]) => rows.filter((r) => r.tier && tiers.includes(r.tier)).length;
  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col span={6}>
          <Card size="small">
            <Statistic title="在办" value={rows.length} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic
              title="已超审限"
              value={count(['overdue'])}
              styles={{ content: { color: count(['overdue']) ? '#c41d7f' : undefined } }}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="不足五日（督办）" value={count(['five-days'])} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="不足三十日或已过三分之二" value={count(['thirty-days', 'two-thirds'])} />
          </Card>
        </Col>
      </Row>
      <DocketTable rows={rows} loading={!data && !error} />
    </>
  );
}

/** The desk on the 工作台 of a user with the judge role. */
export function JudgeDeskCard() {
  const { data, error } = useOperation(() => send('docket.mine'), []);
  return (
    <Card size="small" title={`我的速裁案件${data ? `（今天 ${data.today}）` : ''}`} style={{ marginBottom: 16 }} data-testid="judge-desk">
      <JudgeDeskBody data={data} error={error} />
    </Card>
  );
}
