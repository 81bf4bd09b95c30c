import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Modal, Space } from 'antd';
import { useCallback, useState } from 'react';
import { errorMessage, send, type Output } from '../api/client';
import { documentHeading } from './labels';
import { documentFileName, DOCX_MIME, downloadBlob, base64ToBlob, PDF_MIME } from './pdf';
import { PdfFrame } from './PdfFrame';
import { printPdf } from './print';

export type DocumentRecord = Output<'documents.list'>['rows'][number];

interface PreviewState {
  doc: DocumentRecord;
  pdfBase64: string | null;
  identical: boolean | null;
  /** why the reprint differs from the registered file (documents.reprint) */
  reason: string | null;
  error: string | null;
}

/**
 * What can be done with a recorded document, the same wherever it is listed: preview (the recorded template
 * version re-rendered with the recorded data), download in its format, print — and after printing, the
 * question 「已全部打印？」 whose answer records the printed state.
 */
export function useDocumentActions(onChanged: () => void) {
  const { message, modal } = AntApp.useApp();
  const [preview, setPreview] = useState<PreviewState | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  /** Asks whether the documents came out of the printer; yes records them as printed. */
  const askPrinted = useCallback(
    (ids: number[], what: string) =>
      new Promise<boolean>((resolve) => {
        modal.confirm({
          title: '已全部打印？',
          content: `${what}是否已经全部打印出来？确认后记为已打印；打印机卡纸或缺页时请选「未打印完」，稍后重新打印。`,
          okText: '已全部打印',
          cancelText: '未打印完',
          autoFocusButton: 'ok',
          onOk: async () => {
            try {
              const r = await send('documents.markPrinted', { ids });
              message.success(`已记录打印 ${r.count} 份`);
              onChanged();
              resolve(true);
            } catch (err) {
              message.error(errorMessage(err));
              resolve(false);
            }
          },
          onCancel: () => resolve(false),
        });
      }),
    [modal, message, onChanged],
  );

  /** Prints a PDF (given as base64) for the documents `ids`, then asks whether all came out. */
  const printAndAsk = useCallback(
    async (pdfBase64: string, ids: number[], what: string) => {
      try {
        const outcome = await printPdf(pdfBase64);
        if (outcome.warning) message.warning(outcome.warning);
        if (outcome.cancelled) {
          message.info('已取消打印');
          return false;
        }
        if (outcome.route === 'tab') message.info('已在新标签页中打开文书，请在那里打印');
      } catch (err) {
        message.error(errorMessage(err));
        return false;
      }
      return askPrinted(ids, what);
    },
    [askPrinted, message],
  );

  const openPreview = useCallback(async (doc: DocumentRecord) => {
    setPreview({ doc, pdfBase64: null, identical: null, reason: null, error: null });
    try {
      const r = await send('documents.reprint', { id: doc.id, format: 'pdf' });
      setPreview((p) =>
        p?.doc.id === doc.id
          ? {
              ...p,
              pdfBase64: r.base64,
              identical: doc.format === 'pdf' ? r.identical : null,
              reason: doc.format === 'pdf' ? r.reason : null,
            }
          : p,
      );
    } catch (err) {
      setPreview((p) => (p?.doc.id === doc.id ? { ...p, error: errorMessage(err) } : p));
    }
  }, []);

  const download = useCallback(
    async (doc: DocumentRecord) => {
      setBusyId(doc.id);
      try {
        const r = await send('documents.reprint', { id: doc.id, format: doc.format });
        downloadBlob(
          base64ToBlob(r.base64, doc.format === 'pdf' ? PDF_MIME : DOCX_MIME),
          documentFileName(doc.caseNumber, doc.title, doc.format),
        );
        if (!r.identical) message.warning(`重新生成的文件与登记时的摘要不一致：${r.reason ?? '请核对'}`);
      } catch (err) {
        message.error(errorMessage(err));
      } finally {
        setBusyId(null);
      }
    },
    [message],
  );

  const print = useCallback(
    async (doc: DocumentRecord, pdfBase64?: string) => {
      setBusyId(doc.id);
      try {
        const base64 = pdfBase64 ?? (await send('documents.reprint', { id: doc.id, format: 'pdf' })).base64;
        await printAndAsk(base64, [doc.id], `「${doc.title}」`);
      } catch (err) {
        message.error(errorMessage(err));
      } finally {
        setBusyId(null);
      }
    },
    [printAndAsk, message],
  );

  const previewModal = (
    <Modal
      open={preview !== null}
      title={preview ? documentHeading(preview.doc) : ''}
      width="min(1000px, 92vw)"
      onCancel={() => setPreview(null)}
      destroyOnHidden
      footer={
        preview && (
          <Space>
            <Button icon={<DownloadOutlined />} onClick={() => void download(preview.doc)}>
              下载 {preview.doc.format === 'pdf' ? 'PDF' : 'DOCX'}
            </Button>
            <Button
              type="primary"
              icon={<PrinterOutlined />}
              disabled={!preview.pdfBase64}
              onClick={() => {
                const { doc, pdfBase64 } = preview;
                setPreview(null);
                void print(doc, pdfBase64 ?? undefined);
              }}
            >
              打印
            </Button>
          </Space>
        )
      }
    >
      {preview?.error && <Alert type="error" showIcon title={preview.error} role="alert" />}
      {preview?.identical === false && (
        <Alert
          type="warning"
          showIcon
          className="preview-warning"
          title="重新生成的文书与登记时的摘要（SHA-256）不一致"
          description={preview.reason}
        />
      )}
      {!preview?.error && (
        <PdfFrame
          pdfBase64={preview?.pdfBase64}
          title="文书预览"
          loading={!preview?.pdfBase64}
          height="72vh"
          testId="document-preview-frame"
        />
      )}
    </Modal>
  );

  return { openPreview, download, print, printAndAsk, askPrinted, busyId, previewModal };
}
