import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Empty, Spin } from 'antd';
import { useEffect, useMemo } from 'react';
import { base64ToBlob, PDF_MIME } from './pdf';

/**
 * A PDF shown in the page: the bytes become a blob: URL in an <iframe> (the browser's own PDF viewer, with
 * its zoom and page controls). The URL is released when the PDF changes or the frame goes away.
 */
export function PdfFrame({
  pdfBase64,
  title,
  loading = false,
  height = '100%',
  empty = '尚未预览',
  testId,
}: {
  pdfBase64: string | null | undefined;
  title: string;
  loading?: boolean;
  height?: number | string;
  empty?: string;
  testId?: string;
}) {
  const url = useMemo(() => (pdfBase64 ? URL.createObjectURL(base64ToBlob(pdfBase64, PDF_MIME)) : null), [pdfBase64]);
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );

  return (
    <div className="pdf-frame" style={{ height }}>
      {url ? (
        <iframe src={url} title={title} className="pdf-frame-view" data-testid={testId} />
      ) : (
        <div className="pdf-frame-empty">
          <Empty image={<FilePdfOutlined className="pdf-frame-icon" />} description={loading ? '正在生成预览…' : empty} />
        </div>
      )}
      {loading && url && (
        <div className="pdf-frame-busy">
          <Spin description="正在生成预览…" />
        </div>
      )}
    </div>
  );
}

/** The warning over a preview whose text uses characters the document fonts lack (nothing when none). */
export function MissingGlyphsWarning({ glyphs }: { glyphs: string[] | undefined }) {
  if (!glyphs?.length) return null;
  return <Alert type="warning" showIcon className="preview-warning" title={`字体中缺少以下字，打印时会显示为空白：${glyphs.join(' ')}`} />;
}
