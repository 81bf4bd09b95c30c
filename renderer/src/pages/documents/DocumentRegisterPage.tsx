import { ClearOutlined, PrinterOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Grid, Select, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { send, type Input, type Output } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { PageHeader } from '../../components/PageHeader';
import { BatchPrintModal } from '../../documents/BatchPrintModal';
import { DocumentTable } from '../../documents/DocumentTable';
import { PrintSettingsModal } from '../../documents/PrintSettingsModal';
import { useDocumentActions, type DocumentRecord } from '../../documents/useDocumentActions';

type Listing = Output<'documents.templates'>['templates'][number];
type Printed = 'all' | 'unprinted' | 'printed';

const BATCH_MAX = 1000;
const PAGE_SIZES = [20, 50, 100, 200];

/**
 * 文书登记 / 批量打印: every generated document, newest first, filtered by date, template and printed state.
 * Tick documents (a page at once with the header box, a range with Shift+click; the choice is kept across
 * pages) and print them as one batch; after printing, 「已全部打印？」 records them as printed.
 */
export function DocumentRegisterPage() {
  const screens = Grid.useBreakpoint();
  const [templates, setTemplates] = useState<Listing[]>([]);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [templateId, setTemplateId] = useState<string | undefined>();
  const [printed, setPrinted] = useState<Printed>('all');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [selected, setSelected] = useState<number[]>([]);
  const [batchIds, setBatchIds] = useState<number[] | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);

  useEffect(() => {
    send('documents.templates', {})
      .then((r) => setTemplates(r.templates))
      .catch(() => undefined);
  }, []);

  const query = useMemo((): Input<'documents.list'> => {
    const q: Input<'documents.list'> = { page, pageSize };
    if (range?.[0]) q.from = range[0].format('YYYY-MM-DD');
    if (range?.[1]) q.to = range[1].format('YYYY-MM-DD');
    if (templateId) q.templateId = templateId;
    if (printed !== 'all') q.printed = printed === 'printed';
    return q;
  }, [range, templateId, printed, page, pageSize]);

  const { data, error, reload } = useOperation(() => send('documents.list', query), [query], { keep: true });
  const rows: DocumentRecord[] | null = data?.rows ?? null;
  const total = data?.total ?? 0;
  const actions = useDocumentActions(reload);

  // a filter change starts again from the first page
  const filter =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  const printBatch = useCallback(
    (pdfBase64: string, ids: number[]) =>
      actions.printAndAsk(pdfBase64, ids, `这 ${ids.length} 份文书`).then((done) => {
        if (done) setSelected((s) => s.filter((id) => !ids.includes(id)));
        return done;
      }),
    [actions],
  );

  const unprintedOnPage = (rows ?? []).filter((d) => d.printCount === 0).map((d) => d.id);

  return (
    <>
      <PageHeader
        title="文书登记"
        extra={
          <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)}>
            打印设置（本机）
          </Button>
        }
      />
      <div className="register-filters" role="search" aria-label="筛选文书">
        <Space wrap size={12}>
          <span className="filter-item">
            <span className="filter-label">生成日期</span>
            <DatePicker.RangePicker value={range} onChange={filter(setRange)} allowEmpty={[true, true]} aria-label="生成日期" />
          </span>
          <span className="filter-item">
            <span className="filter-label">文书</span>
            <Select
              allowClear
              placeholder="全部文书"
              style={{ width: 260 }}
              value={templateId}
              onChange={filter(setTemplateId)}
              options={templates.map((t) => ({ value: t.id, label: t.title }))}
              aria-label="文书模板"
            />
          </span>
          <span className="filter-item">
            <span className="filter-label">打印</span>
            <Select<Printed>
              style={{ width: 120 }}
              value={printed}
              onChange={filter(setPrinted)}
              options={[
                { value: 'all', label: '全部' },
                { value: 'unprinted', label: '未打印' },
                { value: 'printed', label: '已打印' },
              ]}
              aria-label="打印状态"
            />
          </span>
        </Space>
      </div>

      <div className="register-selection" aria-live="polite">
        <Space wrap>
          <Typography.Text data-testid="selected-count">
            {selected.length ? `已选 ${selected.length} 份` : '勾选文书后可批量打印（Shift+单击可连选）'}
          </Typography.Text>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            disabled={selected.length === 0 || selected.length > BATCH_MAX}
            onClick={() => setBatchIds([...selected])}
          >
            批量打印{selected.length ? `（${selected.length}）` : ''}
          </Button>
          <Button onClick={() => setSelected((s) => [...new Set([...s, ...unprintedOnPage])])} disabled={unprintedOnPage.length === 0}>
            选择本页未打印
          </Button>
          {selected.length > 0 && (
            <Button icon={<ClearOutlined />} onClick={() => setSelected([])}>
              清除选择
            </Button>
          )}
          {selected.length > BATCH_MAX && <Typography.Text type="danger">一次最多批量打印 {BATCH_MAX} 份</Typography.Text>}
        </Space>
      </div>

      {error && <Alert type="error" showIcon title={error} className="page-alert" role="alert" />}
      <DocumentTable
        rows={rows ?? []}
        loading={rows === null && !error}
        showCase
        // below 1200 px the template version, format and pages go under the title instead of squeezing it
        compact={!screens.xl}
        busyId={actions.busyId}
        onPreview={(d) => void actions.openPreview(d)}
        onDownload={(d) => void actions.download(d)}
        onPrint={(d) => void actions.print(d)}
        tableProps={{
          'aria-label': '文书登记',
          locale: { emptyText: '没有符合条件的文书' },
          rowSelection: {
            selectedRowKeys: selected,
            preserveSelectedRowKeys: true,
            onChange: (keys: React.Key[]) => setSelected(keys as number[]),
            getCheckboxProps: (d: DocumentRecord) => ({ 'aria-label': `选择 ${d.caseNumber ?? ''} ${d.title}`.replace(/\s+/g, ' ') }),
            selections: [Table.SELECTION_ALL, Table.SELECTION_INVERT, Table.SELECTION_NONE],
            columnWidth: 48,
          },
          pagination: {
            current: page,
            pageSize,
            total,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES,
            showTotal: (n: number) => `共 ${n} 份`,
            onChange: (p: number, size: number) => {
              setPage(size !== pageSize ? 1 : p);
              setPageSize(size);
            },
          },
        }}
      />

      {batchIds && <BatchPrintModal open ids={batchIds} onClose={() => setBatchIds(null)} onPrint={printBatch} />}
      <PrintSettingsModal open={settingsOpen} onClose={() => setSettingsOpen(false)} />
      {actions.previewModal}
    </>
  );
}
