import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Empty, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { base64ToBlob, PDF_MIME } from './pdf';

/**
 * A PDF shown in the page: the bytes become a blob: URL in an <iframe> (the browser's own PDF viewer, with
 * its zoom and page controls). The URL is released when the PDF changes or the frame goes away. While the
 * document is generated, and again while the viewer loads it, a spinner says so (issue 15 item 5: a blank
 * frame read as a failure).
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
  const [shown, setShown] = useState<string | null>(null);
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  // a browser without a PDF viewer may never fire load: the spinner gives way after a few seconds regardless
  useEffect(() => {
    if (!url) return;
    const t = setTimeout(() => setShown(url), 8000);
    return () => clearTimeout(t);
  }, [url]);
  const viewerLoading = url !== null && shown !== url;

  return (
    <div className="pdf-frame" style={{ height }}>
      {url ? (
        <iframe src={url} title={title} className="pdf-frame-view" data-testid={testId} onLoad={() => setShown(url)} />
      ) : loading ? (
        <div className="pdf-frame-empty" role="status" aria-live="polite">
          <Spin size="large" description="正在生成预览…" />
        </div>
      ) : (
        <div className="pdf-frame-empty">
          <Empty image={<FilePdfOutlined className="pdf-frame-icon" />} description={empty} />
        </div>
      )}
      {url && (loading || viewerLoading) && (
        <div className="pdf-frame-busy" role="status" aria-live="polite" style={loading ? undefined : { pointerEvents: 'none' }}>
          <Spin description={loading ? '正在生成预览…' : '正在载入 PDF…'} />
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
