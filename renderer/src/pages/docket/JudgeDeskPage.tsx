import { Alert, Card, Col, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { send } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { PageHeader } from '../../components/PageHeader';
import { DOCKET_PAGE } from '../../../../core/docket/meta';
import { DocketMore, DocketTable } from './DocketTable';

/** The fast-track judge's desk: my docket by urgency, with the counts of what is overdue or near its limit. */
export function JudgeDeskPage() {
  const { data, error, more } = useMyDocket();
  return (
    <>
      <PageHeader title="我的速裁案件" />
      <MyHearings />
      <JudgeDeskBody data={data} error={error} onMore={more} />
    </>
  );
}

/** My docket, the most urgent DOCKET_PAGE first; `more` asks for the next DOCKET_PAGE (the shown rows stay while it loads). */
function useMyDocket() {
  const [limit, setLimit] = useState(DOCKET_PAGE);
  const { data, error } = useOperation(() => send('docket.mine', { limit }), [limit], { keep: true });
  return { data, error, more: () => setLimit((n) => n + DOCKET_PAGE) };
}

export function JudgeDeskBody({
  data,
  error,
  onMore,
}: {
  data: Awaited<ReturnType<typeof send<'docket.mine'>>> | null;
  error: string | null;
  onMore: () => void;
}) {
  const rows = data?.rows ?? [];
  const counts = data?.counts ?? { overdue: 0, fiveDays: 0, thirtyDays: 0, twoThirds: 0 };
  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col span={6}>
          <Card size="small">
            <Statistic title="在办" value={data?.total ?? 0} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="已超审限" value={counts.overdue} styles={{ content: { color: counts.overdue ? '#c41d7f' : undefined } }} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="不足五日（督办）" value={counts.fiveDays} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic title="不足三十日或已过三分之二" value={counts.thirtyDays + counts.twoThirds} />
          </Card>
        </Col>
      </Row>
      <DocketTable rows={rows} loading={!data && !error} />
      {data && <DocketMore total={data.total} shown={rows.length} onMore={onMore} />}
    </>
  );
}

/** The desk on the 工作台 of a user with the judge role. */
export function JudgeDeskCard() {
  const { data, error, more } = useMyDocket();
  return (
    <>
      <MyHearings />
      <Card
        size="small"
        title={`我的速裁案件${data ? `（今天 ${data.today}）` : ''}`}
        style={{ marginBottom: 16 }}
        data-testid="judge-desk"
      >
        <JudgeDeskBody data={data} error={error} onMore={more} />
      </Card>
    </>
  );
}

/** Today's and this week's hearings of the judge (docket.myHearings). */
export function MyHearings() {
  const { data } = useOperation(() => send('docket.myHearings'), []);
  const navigate = useNavigate();
  if (!data) return null;
  const later = data.week.filter((h) => !h.startsAt.startsWith(data.today));
  const item = (h: (typeof data.week)[number]) => (
    <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate(`/docket/cases/${h.caseId}`)}>
      <Space wrap>
        <Typography.Text strong>{h.startsAt.slice(h.startsAt.startsWith(data.today) ? 11 : 5, 16).replace('T', ' ')}</Typography.Text>
        <span>{h.courtroom}</span>
        <span>{h.number}</span>
        <Typography.Text type="secondary">{h.causeName}</Typography.Text>
        {h.status === 'held' && <Tag>已开庭</Tag>}
      </Space>
    </List.Item>
  );
  const laterTotal = data.weekTotal - data.todayTotal;
  // the desk lists the earliest hearings of each; the count in the title is all of them
  const more = (shown: number, total: number) =>
    total > shown ? (
      <Typography.Text type="secondary">
        共 {total} 场，列出最早的 {shown} 场
      </Typography.Text>
    ) : null;
  return (
    <Row gutter={16} style={{ marginBottom: 16 }} data-testid="my-hearings">
      <Col xs={24} lg={12}>
        <Card size="small" title={`今天的庭审（${data.todayTotal}）`}>
          <List size="small" dataSource={data.todays} locale={{ emptyText: '今天没有庭审' }} renderItem={item} />
          {more(data.todays.length, data.todayTotal)}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={`本周其余庭审（至 ${data.weekEnds}，${laterTotal}）`}>
          <List size="small" dataSource={later} locale={{ emptyText: '本周没有其他庭审' }} renderItem={item} />
          {more(later.length, laterTotal)}
        </Card>
      </Col>
    </Row>
  );
}
