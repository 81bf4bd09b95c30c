import { FileAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card } from 'antd';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { send } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { DocumentTable } from '../../documents/DocumentTable';
import { useDocumentActions, type DocumentRecord } from '../../documents/useDocumentActions';

/** 文书 in the case view: the case's documents, newest first, and the way to generate one. */
export function CaseDocuments({ caseId, onChanged }: { caseId: number; onChanged?: () => void }) {
  const navigate = useNavigate();
  const {
    data,
    error,
    reload: reloadList,
  } = useOperation(() => send('documents.list', { caseId, page: 1, pageSize: 200 }), [caseId], { keep: true });
  const rows: DocumentRecord[] | null = data?.rows ?? null;
  const total = data?.total ?? 0;
  const reload = useCallback(() => {
    reloadList();
    onChanged?.();
  }, [reloadList, onChanged]);
  const actions = useDocumentActions(reload);

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
