import { Button, Card, Col, List, Row, Space, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { send } from '../api/client';
import { useOperation } from '../api/useOperation';
import { mayOpen, NAVIGATION } from '../components/navigation';
import { useSession } from '../session/SessionProvider';

/**
 * 今日工作 — the counter's home (issue 15 item 5): what came in today, what waits for the counter, what falls due
 * soon, each count a link to the page that lists it. Replaces the next-number table and the 案号 parser, which told
 * the clerk nothing to act on.
 */
export function TodayWork() {
  const { data: t, error } = useOperation(() => send('stats.today'), []);
  if (error) return null;
  return (
    <Card
      title={t ? `今日工作（${t.today}）` : '今日工作'}
      size="small"
      loading={!t}
      style={{ marginBottom: 16 }}
      data-testid="today-work"
      extra={
        <Space>
          <Link to="/cases/new">
            <Button type="primary" size="small">
              立案登记
            </Button>
          </Link>
          <Link to="/fees/calculator">
            <Button size="small">计算诉讼费</Button>
          </Link>
        </Space>
      }
    >
      {t && (
        <Row gutter={[24, 16]}>
          <Col xs={24} lg={8}>
            <Space size={32}>
              <Statistic title="今日收案（全中心）" value={t.filedToday.all} />
              <Statistic title="其中我登记的" value={t.filedToday.mine} />
            </Space>
            <List
              size="small"
              style={{ marginTop: 8 }}
              locale={{ emptyText: '今天我还没有登记案件' }}
              dataSource={t.filedToday.rows}
              renderItem={(r) => (
                <List.Item>
                  <Link to={`/cases/${r.id}`} className="mono-number">
                    {r.number}
                  </Link>
                  <Typography.Text type="secondary">{r.causeName}</Typography.Text>
                </List.Item>
              )}
            />
          </Col>
          <Col xs={24} lg={8}>
            <Typography.Title level={5}>等待处理</Typography.Title>
            <CountLinks items={t.waiting} />
          </Col>
          <Col xs={24} lg={8}>
            <Typography.Title level={5}>即将到期</Typography.Title>
            <CountLinks items={t.dueSoon} danger />
          </Col>
        </Row>
      )}
    </Card>
  );
}

function CountLinks({ items, danger = false }: { items: { key: string; label: string; count: number; to: string }[]; danger?: boolean }) {
  const roles = useSession().me?.user.roles ?? [];
  return (
    <List
      size="small"
      dataSource={items}
      renderItem={(i) => (
        <List.Item
          extra={
            <Typography.Text strong type={danger && i.count > 0 ? 'danger' : undefined}>
              {i.count} 件
            </Typography.Text>
          }
        >
          {mayOpen(NAVIGATION, roles, i.to) ? (
            <Link to={i.to} aria-label={`${i.label} ${i.count} 件`}>
              {i.label}
            </Link>
          ) : (
            // a page the user's roles do not open (程序分流 for the mediation staff): the count, no link to a 403
            <span>{i.label}</span>
          )}
        </List.Item>
      )}
    />
  );
}
