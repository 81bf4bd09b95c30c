import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Modal, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { documentHeading } from '../../documents/labels';
import { base64ToBlob, documentFileName, downloadBlob, PDF_MIME } from '../../documents/pdf';
import { PdfFrame } from '../../documents/PdfFrame';
import { useDocumentActions, type DocumentRecord } from '../../documents/useDocumentActions';

export interface Generated {
  document: DocumentRecord;
  base64: string;
}

/**
 * A document just generated (and recorded in the register) from a fee page: shown in a preview with 打印
 * (the documents area's print path, which then asks 已全部打印？) and 下载 PDF.
 */
export function useGeneratedDocument(onChanged?: () => void) {
  const [shown, setShown] = useState<Generated | null>(null);
  const actions = useDocumentActions(useCallback(() => onChanged?.(), [onChanged]));

  const modal = (
    <Modal
      open={shown !== null}
      title={shown ? documentHeading(shown.document) : ''}
      width="min(1000px, 92vw)"
      onCancel={() => setShown(null)}
      destroyOnHidden
      footer={
        shown && (
          <Space>
            <Typography.Text type="secondary">已登记为文书 {shown.document.id} 号</Typography.Text>
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                downloadBlob(base64ToBlob(shown.base64, PDF_MIME), documentFileName(shown.document.caseNumber, shown.document.title, 'pdf'))
              }
            >
              下载 PDF
            </Button>
            <Button
              type="primary"
              icon={<PrinterOutlined />}
              autoFocus
              onClick={() => {
                const { document, base64 } = shown;
                setShown(null);
                void actions.printAndAsk(base64, [document.id], `「${document.title}」`);
              }}
            >
              打印
            </Button>
          </Space>
        )
      }
    >
      <PdfFrame pdfBase64={shown?.base64} title="文书预览" height="70vh" testId="fee-document-frame" />
    </Modal>
  );

  return { show: setShown, modal };
}
