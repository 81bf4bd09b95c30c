import { FileAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage, send } from '../../api/client';
import { DocumentTable } from '../../documents/DocumentTable';
import { useDocumentActions, type DocumentRecord } from '../../documents/useDocumentActions';

/** 文书 in the case view: the case's documents, newest first, and the way to generate one. */
export function CaseDocuments({ caseId, onChanged }: { caseId: number; onChanged?: () => void }) {
  const navigate = useNavigate();
  const [rows, setRows] = useState<DocumentRecord[] | null>(null);
  const [total, setTotal] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => {
    setTick((n) => n + 1);
    onChanged?.();
  }, [onChanged]);
  const actions = useDocumentActions(reload);

  useEffect(() => {
    let live = true;
    send('documents.list', { caseId, page: 1, pageSize: 200 })
      .then((r) => {
        if (!live) return;
        setRows(r.rows);
        setTotal(r.total);
        setError(null);
      })
      .catch((err) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [caseId, tick]);

  return (
    <Card
      size="small"
      title={`文书${total ? `（${total}）` : ''}`}
      className="case-card case-documents"
      extra={
        <Button type="primary" size="small" icon={<FileAddOutlined />} onClick={() => navigate(`/cases/${caseId}/documents/new`)}>
          生成文书
        </Button>
      }
    >
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      <DocumentTable
        rows={rows ?? []}
        loading={rows === null && !error}
        showCase={false}
        compact
        busyId={actions.busyId}
        onPreview={(d) => void actions.openPreview(d)}
        onDownload={(d) => void actions.download(d)}
        onPrint={(d) => void actions.print(d)}
        tableProps={{ locale: { emptyText: '本案尚未生成文书' }, 'aria-label': '本案文书' }}
      />
      {actions.previewModal}
    </Card>
  );
}
