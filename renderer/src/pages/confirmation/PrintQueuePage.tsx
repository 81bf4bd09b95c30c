import { PrinterOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Checkbox, Table } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage, send, type Output } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { PageHeader } from '../../components/PageHeader';
import { BatchPrintModal } from '../../documents/BatchPrintModal';
import { useDocumentActions } from '../../documents/useDocumentActions';
import { formatDateTime } from '../../format';

type Row = Output<'confirmation.printQueue'>['rows'][number];

/**
 * 裁定书打印: signed rulings waiting for print staff. A batch prints, for each ruling, the original and one copy per
 * applicant (each carries 本件与原本核对无异) in one PDF; after printing, 「已全部打印？」 records the printed state. With
 * 含已打印 the printed ones show too, for a reprint (counted again on the document).
 */
export function PrintQueuePage() {
  const { message } = AntApp.useApp();
  const [includePrinted, setIncludePrinted] = useState(false);
  const [selected, setSelected] = useState<number[]>([]);
  const [batchIds, setBatchIds] = useState<number[] | null>(null);
  const queue = useOperation(() => send('confirmation.printQueue', { includePrinted }), [includePrinted], { keep: true });
  const actions = useDocumentActions(queue.reload);

  const start = async () => {
    try {
      const plan = await send('confirmation.printBatch', { confirmationIds: selected });
      setBatchIds(plan.documentIds);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const printBatch = useCallback(
    (pdfBase64: string, ids: number[]) =>
      actions.printAndAsk(pdfBase64, [...new Set(ids)], `这 ${selected.length} 件裁定书（原本及副本）`).then((done) => {
        if (done) setSelected([]);
        queue.reload();
        return done;
      }),
    [actions, selected.length, queue],
  );

  return (
    <>
      <PageHeader
        title="裁定书打印"
        extra={
          <>
            <Checkbox checked={includePrinted} onChange={(e) => setIncludePrinted(e.target.checked)}>
              含已打印（重印）
            </Checkbox>
            <Button type="primary" icon={<PrinterOutlined />} disabled={!selected.length} onClick={() => void start()}>
              批量打印（{selected.length} 件）
            </Button>
          </>
        }
      />
      {queue.error && <Alert type="error" showIcon title={queue.error} />}
      <Table<Row>
        size="small"
        rowKey="confirmationId"
        loading={!queue.data}
        dataSource={queue.data?.rows ?? []}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) }}
        pagination={false}
        columns={[
          { title: '案号', dataIndex: 'caseNumber', render: (v: string, r) => <Link to={`/confirmation/${r.confirmationId}`}>{v}</Link> },
          { title: '裁定', dataIndex: 'outcomeLabel' },
          { title: '申请人', dataIndex: 'applicants' },
          { title: '审判员', dataIndex: 'judgeName', width: 100 },
          { title: '签发时间', dataIndex: 'signedAt', width: 160, render: (t: string) => formatDateTime(t) },
          { title: '份数', key: 'copies', width: 150, render: (_, r) => `原本 1 份 + 副本 ${r.copies} 份` },
          { title: '已打印', dataIndex: 'printCount', width: 80, render: (n: number) => (n ? `${n} 次` : '未打印') },
        ]}
      />
      {batchIds && <BatchPrintModal open ids={batchIds} onClose={() => setBatchIds(null)} onPrint={printBatch} />}
      {actions.previewModal}
    </>
  );
}
