import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { send, type Output } from '../../api/client';
import { useOperation } from '../../api/useOperation';

type Warnings = Output<'mediation.warnings'>;
const TIER_COLOR: Record<string, string> = { overdue: 'red', today: 'orange', soon: 'gold' };

/** 调解预警: due within two days, due today, overdue (escalated) — for the centre, or one mediator / organisation. */
export function WarningsCard({ mediatorId, orgId, title = '调解预警' }: { mediatorId?: number; orgId?: number; title?: string }) {
  const { data, error } = useOperation<Warnings>(() => send('mediation.warnings', { mediatorId, orgId }), [mediatorId, orgId]);
  return (
    <Card
      size="small"
      title={title}
      data-testid="mediation-warnings"
      extra={
        data && (
          <Space size={4}>
            <Tag color="red">已超期 {data.counts.overdue}</Tag>
            <Tag color="orange">今日到期 {data.counts.today}</Tag>
            <Tag color="gold">两日内 {data.counts.soon}</Tag>
            <Typography.Text type="secondary">今天 {data.today}</Typography.Text>
          </Space>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} />}
      {data?.capped && (
        <Typography.Paragraph type="secondary">
          共 {data.total} 条，按到期日先后显示最紧急的 {data.rows.length} 条。
        </Typography.Paragraph>
      )}
      <Table
        size="small"
        rowKey={(r) => `${r.mediationId}-${r.limit}`}
        loading={!data && !error}
        dataSource={data?.rows ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: '没有临近或超过期限的调解' }}
        scroll={{ x: 760 }}
        columns={[
          {
            title: '案号 / 登记号',
            dataIndex: 'caseNumber',
            className: 'no-wrap',
            width: 210,
            render: (v: string, r) => <Link to={`/mediation/${r.mediationId}`}>{v}</Link>,
          },
          { title: '期限', dataIndex: 'limitLabel', className: 'no-wrap', width: 120 },
          { title: '到期日', dataIndex: 'due', className: 'no-wrap', width: 104 },
          {
            title: '预警',
            dataIndex: 'tierLabel',
            width: 110,
            render: (v: string, r) => <Tag color={TIER_COLOR[r.tier]}>{r.escalate ? `${v}·已升级` : v}</Tag>,
          },
          { title: '调解员', dataIndex: 'mediatorName', className: 'no-wrap', width: 76, render: (v: string | null) => v ?? '—' },
          { title: '调解组织', dataIndex: 'orgName', ellipsis: { showTitle: true }, render: (v: string | null) => v ?? '—' },
        ]}
      />
    </Card>
  );
}
