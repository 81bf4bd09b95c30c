import { DownloadOutlined, EyeOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Table, Tag, Tooltip, type TableProps } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../format';
import { VersionTag } from '../pages/documents/templateLabels';
import { formatBytes, FORMAT_LABELS, printedText } from './labels';
import type { DocumentRecord } from './useDocumentActions';

export function PrintedTag({ doc }: { doc: Pick<DocumentRecord, 'printCount' | 'lastPrintedAt'> }) {
  if (doc.printCount <= 0) return <Tag>未打印</Tag>;
  return (
    <Tooltip title={doc.lastPrintedAt ? `最近打印：${formatDateTime(doc.lastPrintedAt)}` : undefined}>
      <Tag color="green">{printedText(doc.printCount)}</Tag>
    </Tooltip>
  );
}

/**
 * A list of recorded documents: title, case, template version, format, pages, who and when, printed state,
 * and the row actions. The register adds selection and pagination through `tableProps`.
 */
export function DocumentTable({
  rows,
  loading,
  showCase,
  compact = false,
  busyId,
  onPreview,
  onDownload,
  onPrint,
  tableProps,
}: {
  rows: DocumentRecord[];
  loading: boolean;
  showCase: boolean;
  /** a narrow panel (the case view): version, format and pages under the title, actions without icons */
  compact?: boolean;
  busyId: number | null;
  onPreview: (d: DocumentRecord) => void;
  onDownload: (d: DocumentRecord) => void;
  onPrint: (d: DocumentRecord) => void;
  tableProps?: Partial<TableProps<DocumentRecord>> & { 'aria-label'?: string };
}) {
  const columns: TableProps<DocumentRecord>['columns'] = [
    ...(compact
      ? []
      : [{ title: '编号', dataIndex: 'id', width: 64, render: (id: number) => <span className="mono-number doc-id">{id}</span> }]),
    ...(showCase
      ? [
          {
            title: '案号',
            className: 'no-wrap',
            dataIndex: 'caseNumber',
            width: 210,
            render: (n: string | null, d: DocumentRecord) =>
              n && d.caseId ? (
                <Link to={`/cases/${d.caseId}`} className="mono-number">
                  {n}
                </Link>
              ) : (
                '—'
              ),
          },
        ]
      : []),
    ...(compact
      ? [
          {
            title: '文书',
            dataIndex: 'title',
            render: (t: string, d: DocumentRecord) => (
              <div>
                <div className="doc-title">{t}</div>
                <div className="doc-sub">
                  <VersionTag version={d.templateVersion} /> · {FORMAT_LABELS[d.format] ?? d.format} · {d.pageCount} 页
                </div>
              </div>
            ),
          },
        ]
      : [
          { title: '文书', dataIndex: 'title', render: (t: string) => <span className="doc-title">{t}</span> },
          { title: '模板版本', dataIndex: 'templateVersion', width: 96, render: (v: string) => <VersionTag version={v} /> },
          {
            title: '格式',
            dataIndex: 'format',
            width: 70,
            render: (f: string, d: DocumentRecord) => (
              <Tooltip title={`${formatBytes(d.byteSize)} · SHA-256 ${d.sha256.slice(0, 16)}…`}>
                <span>{FORMAT_LABELS[f] ?? f}</span>
              </Tooltip>
            ),
          },
          {
            title: '页数',
            dataIndex: 'pageCount',
            width: 60,
            align: 'right' as const,
            render: (n: number) => <span className="mono-number">{n}</span>,
          },
        ]),
    {
      title: '生成',
      dataIndex: 'createdAt',
      width: compact ? 140 : 170,
      render: (at: string, d: DocumentRecord) => (
        <div className="doc-created">
          <div>{d.createdByName}</div>
          <div className="doc-created-at mono-number">{formatDateTime(at)}</div>
        </div>
      ),
    },
    { title: '打印', dataIndex: 'printCount', width: compact ? 90 : 110, render: (_: number, d: DocumentRecord) => <PrintedTag doc={d} /> },
    {
      title: '操作',
      key: 'actions',
      width: compact ? 150 : 220,
      render: (_: unknown, d: DocumentRecord) => (
        <span className="row-actions">
          <Button
            type="link"
            size="small"
            icon={compact ? undefined : <EyeOutlined />}
            onClick={() => onPreview(d)}
            aria-label={`预览${d.title}`}
          >
            预览
          </Button>
          <Button
            type="link"
            size="small"
            icon={compact ? undefined : <DownloadOutlined />}
            onClick={() => onDownload(d)}
            loading={busyId === d.id}
            aria-label={`下载${d.title}`}
          >
            下载
          </Button>
          <Button
            type="link"
            size="small"
            icon={compact ? undefined : <PrinterOutlined />}
            onClick={() => onPrint(d)}
            aria-label={`打印${d.title}`}
          >
            打印
          </Button>
        </span>
      ),
    },
  ];
  return (
    <Table<DocumentRecord>
      rowKey="id"
      size="small"
      className="dense-table document-table"
      loading={loading}
      dataSource={rows}
      columns={columns}
      pagination={false}
      locale={{ emptyText: '暂无文书' }}
      onRow={(d) => ({ 'data-testid': `document-row-${d.id}` }) as React.HTMLAttributes<HTMLElement>}
      {...tableProps}
    />
  );
}
