import { Alert, Card, Table } from 'antd';
import { useState } from 'react';
import { send, type Output } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { PageHeader } from '../../components/PageHeader';
import { DOCKET_PAGE } from '../../../../core/docket/meta';
import { DocketMore, DocketTable } from './DocketTable';

type JudgeRow = Output<'docket.centre'>['judges'][number];

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** 速裁工作量: per judge and for the team, and every open case by urgency. */
export function CentrePage() {
  const centre = useOperation(() => send('docket.centre', {}), []);
  const [limit, setLimit] = useState(DOCKET_PAGE);
  const open = useOperation(() => send('docket.open', { limit }), [limit], { keep: true });
  const rows: (JudgeRow & { key: string })[] = centre.data
    ? [
        ...centre.data.judges.map((j) => ({ ...j, key: String(j.judge.id) })),
        { ...centre.data.team, judge: { id: 0, name: '速裁团队合计' }, key: 'team' },
      ]
    : [];
  return (
    <>
      <PageHeader title="速裁工作量" />
      {centre.error && <Alert type="error" showIcon title={centre.error} />}
      <Card size="small" title={centre.data ? `截至 ${centre.data.on}` : '工作量'} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="key"
          loading={!centre.data && !centre.error}
          dataSource={rows}
          pagination={false}
          columns={[
            { title: '法官', key: 'judge', render: (_, r) => r.judge.name },
            { title: '在办', dataIndex: 'open', align: 'right' },
            { title: '本月结案', dataIndex: 'closedThisMonth', align: 'right' },
            { title: '本年结案', dataIndex: 'closedThisYear', align: 'right' },
            { title: '平均审理天数', dataIndex: 'averageDaysToClose', align: 'right', render: (v: number | null) => v ?? '—' },
            { title: '调撤率', dataIndex: 'mediatedOrWithdrawnRate', align: 'right', render: pct },
            { title: '超审限', dataIndex: 'overdue', align: 'right' },
            { title: '不足五日', dataIndex: 'nearLimit', align: 'right' },
          ]}
        />
      </Card>
      <Card size="small" title="在办案件（按紧急程度）">
        {open.error && <Alert type="error" showIcon title={open.error} />}
        <DocketTable rows={open.data?.rows ?? []} loading={!open.data && !open.error} showJudge />
        {open.data && <DocketMore total={open.data.total} shown={open.data.rows.length} onMore={() => setLimit((n) => n + DOCKET_PAGE)} />}
      </Card>
    </>
  );
}
