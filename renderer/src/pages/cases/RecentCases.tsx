import { Alert, Card, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage, send, type Output } from '../../api/client';
import { STATUS_COLORS } from '../../cases/labels';

type Row = Output<'cases.recent'>[number];

/** 最近登记: the last cases filed at the centre, newest first. */
export function RecentCases({ limit = 10 }: { limit?: number }) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    send('cases.recent', { limit })
      .then((r) => live && setRows(r))
      .catch((err) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [limit]);

  return (
    <Card title="最近登记" size="small" extra={<Link to="/cases">案件查询</Link>} data-testid="recent-cases">
      {error ? (
        <Alert type="error" showIcon title={error} />
      ) : (
        <Table<Row>
          size="small"
          rowKey="id"
          loading={rows === null}
          dataSource={rows ?? []}
          pagination={false}
          locale={{ emptyText: '尚无登记的案件' }}
          columns={[
            {
              title: '案号',
              className: 'no-wrap',
              dataIndex: 'number',
              width: 230,
              render: (v: string, r) => (
                <Link to={`/cases/${r.id}`} className="mono-number">
                  {v}
                </Link>
              ),
            },
            { title: '当事人', dataIndex: 'partiesText', ellipsis: true },
            { title: '案由', dataIndex: 'causeName', ellipsis: true },
            { title: '收案日期', className: 'no-wrap', dataIndex: 'receivedOn', width: 104 },
            { title: '状态', dataIndex: 'status', width: 80, render: (v: string) => <Tag color={STATUS_COLORS[v] ?? 'default'}>{v}</Tag> },
          ]}
        />
      )}
    </Card>
  );
}
