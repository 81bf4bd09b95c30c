import { Card, Table } from 'antd';
import { Link } from 'react-router';
import { send, type Output } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { useSession } from '../../session/SessionProvider';
import { UrgencyTag } from './urgency';

type Row = Output<'confirmation.myQueue'>['rows'][number];

/** 工作台 cards: a judge's confirmations waiting for them, most urgent first; print staff's rulings waiting to print. */
export function ConfirmationHome() {
  const session = useSession();
  const judge = session.hasRole('judge');
  const printer = session.hasRole('print');
  const mine = useOperation(judge ? () => send('confirmation.myQueue', {}) : null, [judge]);
  const queue = useOperation(printer ? () => send('confirmation.printQueue', {}) : null, [printer]);
  return (
    <>
      {judge && (
        <Card size="small" title="待我审查的司法确认" style={{ marginBottom: 16 }} data-testid="confirmation-queue">
          <Table<Row>
            size="small"
            rowKey="id"
            pagination={false}
            loading={!mine.data && !mine.error}
            dataSource={mine.data?.rows ?? []}
            locale={{ emptyText: '没有待审查的司法确认' }}
            columns={[
              { title: '案号', dataIndex: 'caseNumber', render: (v: string, r) => <Link to={`/confirmation/${r.id}`}>{v}</Link> },
              { title: '申请人', dataIndex: 'applicants' },
              { title: '阶段', dataIndex: 'stageLabel' },
              { title: '期限', key: 'due', render: (_, r) => <UrgencyTag state={r.urgency} due={r.due} /> },
            ]}
          />
        </Card>
      )}
      {printer && (
        <Card size="small" title="待打印的裁定书" style={{ marginBottom: 16 }} extra={<Link to="/confirmation/print">去打印</Link>}>
          {queue.data ? `${queue.data.rows.length} 件已签发、尚未打印` : (queue.error ?? '…')}
        </Card>
      )}
    </>
  );
}
