import { CopyOutlined, DownloadOutlined, LeftOutlined, RightOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, DatePicker, Flex, Input, Popover, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SortOrder } from 'antd/es/table/interface';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { columnText, type ListColumnMeta, type ListFilterMeta, type ListMeta } from '../../../core/lists/define';
import { errorMessage, send, type Output } from '../api/client';
import { useOperation } from '../api/useOperation';
import { formatYuan } from '../cases/money';
import { PageHeader } from '../components/PageHeader';
import { base64ToBlob, downloadBlob } from '../documents/pdf';
import { formatDateTime } from '../format';

type Row = Record<string, string | number | null>;
type FilterValue = string | number | boolean | { from?: string; to?: string } | undefined;
type Choices = Output<'lists.choices'>;
type ListOperation = 'cases.browse' | 'documents.browse' | 'relief.browse' | 'mediation.browse' | 'confirmation.browse' | 'docket.browse';

const PAGE_SIZE = 50;

/** The columns a user chose for a list, kept on this desk. */
function useChosenColumns(meta: ListMeta): [string[], (keys: string[]) => void] {
  const storageKey = `court.list.columns.${meta.what}`;
  const initial = useMemo(() => {
    try {
      const saved = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as unknown;
      if (Array.isArray(saved)) return saved.filter((k): k is string => meta.columns.some((c) => c.key === k));
    } catch {
      // a damaged entry: the defaults
    }
    return meta.columns.filter((c) => c.visible !== false).map((c) => c.key);
  }, [meta, storageKey]);
  const [keys, setKeys] = useState(initial);
  useEffect(() => setKeys(initial), [initial]);
  return [
    keys,
    (next) => {
      setKeys(next);
      localStorage.setItem(storageKey, JSON.stringify(next));
    },
  ];
}

function cellText(col: ListColumnMeta, value: string | number | null): string {
  if (value === null || value === '') return '';
  switch (col.kind) {
    case 'money':
      return `${formatYuan(Number(value))} 元`;
    case 'datetime':
      return formatDateTime(String(value));
    case 'date':
      return String(value).slice(0, 10);
    default:
      return String(columnText(col, value));
  }
}

/**
 * One page for every register's list (issue 15): the filter bar, the columns and the order come from the list's
 * declaration (core/<area>/listMeta.ts). Paging is by position (keyset): 下一页 carries the cursor the host
 * returned, 上一页 the one before; the count is exact up to 10 000 and "10000+" beyond. 导出 Excel writes the
 * same filters, order and chosen columns.
 */
export function ListPage({ meta }: { meta: ListMeta }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<Record<string, FilterValue>>({});
  const [sort, setSort] = useState(meta.defaultSort);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [selected, setSelected] = useState<React.Key[]>([]);
  const [columns, setColumns] = useChosenColumns(meta);
  const [exporting, setExporting] = useState(false);
  const [choices, setChoices] = useState<Choices | null>(null);

  // a new list (another menu entry) starts clean
  useEffect(() => {
    setQ('');
    setFilters({});
    setSort(meta.defaultSort);
    setCursors([undefined]);
    setSelected([]);
  }, [meta]);

  useEffect(() => {
    if (!meta.filters.some((f) => f.kind === 'choice')) return;
    send('lists.choices', undefined)
      .then(setChoices)
      .catch(() => undefined);
  }, [meta]);

  const cleanFilters = useMemo(() => {
    const out: Record<string, FilterValue> = {};
    for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== '' && v !== false) out[k] = v;
    return out;
  }, [filters]);
  const after = cursors[cursors.length - 1];
  const request = useMemo(
    () => ({ ...(q.trim() ? { q: q.trim() } : {}), filters: cleanFilters, sort, limit: PAGE_SIZE, ...(after ? { after } : {}) }),
    [q, cleanFilters, sort, after],
  );
  const { data, error } = useOperation(
    () => send(meta.operation as ListOperation, request as never) as Promise<Output<'cases.browse'>>,
    [meta, request],
    { keep: true },
  );

  const setFilter = (key: string, value: FilterValue) => {
    setFilters((f) => ({ ...f, [key]: value }));
    setCursors([undefined]);
  };

  const tableColumns: ColumnsType<Row> = meta.columns
    .filter((c) => columns.includes(c.key))
    .map((c) => ({
      key: c.key,
      dataIndex: c.key,
      title: c.label,
      width: c.width ? c.width * 8 : undefined,
      align: c.kind === 'money' || c.kind === 'integer' ? ('right' as const) : undefined,
      sorter: c.sortable ? true : undefined,
      sortOrder: c.sortable && sort.key === c.key ? ((sort.dir === 'asc' ? 'ascend' : 'descend') as SortOrder) : null,
      sortDirections: ['descend', 'ascend'] as SortOrder[],
      render: (v: string | number | null) =>
        c.key === 'status' || c.key === 'stage' ? v ? <Tag>{cellText(c, v)}</Tag> : '' : cellText(c, v),
    }));

  const doExport = async () => {
    setExporting(true);
    try {
      const r = await send('lists.export', {
        what: meta.what as never,
        ...(q.trim() ? { q: q.trim() } : {}),
        filters: cleanFilters,
        sort,
        columns,
      } as never);
      downloadBlob(base64ToBlob(r.base64, r.mime), r.fileName);
      message.success(`已导出 ${r.rows} 行：${r.fileName}`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };

  const copySelected = async () => {
    const rows = (data?.rows ?? []).filter((r) => selected.includes(Number(r.id)));
    const numberKey = meta.columns.find((c) => c.key === 'number' || c.key === 'caseNumber')?.key ?? 'id';
    await navigator.clipboard.writeText(rows.map((r) => String(r[numberKey] ?? '')).join('\n'));
    message.success(`已复制 ${rows.length} 个案号`);
  };

  const pageNo = cursors.length;
  const totalText = data ? `${data.total}${data.totalCapped ? '+' : ''}` : '…';
  const first = (pageNo - 1) * PAGE_SIZE + 1;

  return (
    <div data-testid={`list-${meta.what}`}>
      <PageHeader
        title={`${meta.label}列表`}
        extra={
          <>
            <Popover
              trigger="click"
              placement="bottomRight"
              title="显示的列"
              content={
                <Checkbox.Group
                  value={columns}
                  onChange={(v) => setColumns(meta.columns.filter((c) => v.includes(c.key)).map((c) => c.key))}
                >
                  <Flex vertical gap={4}>
                    {meta.columns.map((c) => (
                      <Checkbox key={c.key} value={c.key}>
                        {c.label}
                      </Checkbox>
                    ))}
                  </Flex>
                </Checkbox.Group>
              }
            >
              <Button icon={<SettingOutlined />}>列设置</Button>
            </Popover>
            <Button type="primary" icon={<DownloadOutlined />} loading={exporting} onClick={() => void doExport()}>
              导出 Excel
            </Button>
          </>
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }} aria-label="筛选条件">
        <Input.Search
          allowClear
          style={{ width: 300 }}
          placeholder={meta.searchHint}
          aria-label="查询"
          onSearch={(v) => {
            setQ(v);
            setCursors([undefined]);
          }}
        />
        {meta.filters.map((f) => (
          <FilterControl key={f.key} filter={f} value={filters[f.key]} choices={choices} onChange={(v) => setFilter(f.key, v)} />
        ))}
      </Flex>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<Row>
        size="small"
        rowKey={(r) => Number(r.id)}
        columns={tableColumns}
        dataSource={data?.rows ?? []}
        loading={!data && !error}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowSelection={{ selectedRowKeys: selected, onChange: setSelected, preserveSelectedRowKeys: true }}
        onChange={(_p, _f, s) => {
          const one = Array.isArray(s) ? s[0] : s;
          const key = String(one?.columnKey ?? meta.defaultSort.key);
          setSort(one?.order ? { key, dir: one.order === 'ascend' ? 'asc' : 'desc' } : meta.defaultSort);
          setCursors([undefined]);
        }}
        onRow={(r) => ({
          onDoubleClick: () => r.caseId && void navigate(`/cases/${r.caseId}`),
          style: { cursor: r.caseId ? 'pointer' : undefined },
        })}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
        <Space>
          <Typography.Text type="secondary" data-testid="list-count">
            共 {totalText} 条{data && data.rows.length > 0 ? `，第 ${first}–${first + data.rows.length - 1} 条` : ''}
          </Typography.Text>
          {selected.length > 0 && (
            <>
              <Typography.Text>已选 {selected.length} 条</Typography.Text>
              <Button size="small" icon={<CopyOutlined />} onClick={() => void copySelected()}>
                复制所选案号
              </Button>
              <Button size="small" onClick={() => setSelected([])}>
                清除选择
              </Button>
            </>
          )}
        </Space>
        <Space>
          <Button icon={<LeftOutlined />} disabled={pageNo === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
            上一页
          </Button>
          <Typography.Text data-testid="list-page">第 {pageNo} 页</Typography.Text>
          <Button disabled={!data?.next} onClick={() => data?.next && setCursors((c) => [...c, data.next!])}>
            下一页 <RightOutlined />
          </Button>
        </Space>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        双击一行打开案件。点列标题按该列排序。
      </Typography.Paragraph>
    </div>
  );
}

function FilterControl({
  filter: f,
  value,
  choices,
  onChange,
}: {
  filter: ListFilterMeta;
  value: FilterValue;
  choices: Choices | null;
  onChange: (v: FilterValue) => void;
}) {
  switch (f.kind) {
    case 'enum':
      return (
        <Select
          allowClear
          style={{ minWidth: 130 }}
          placeholder={f.label}
          aria-label={f.label}
          value={value as string | undefined}
          onChange={(v) => onChange(v)}
          options={Object.entries(f.options).map(([v, label]) => ({ value: v, label }))}
        />
      );
    case 'dateRange': {
      const r = (value ?? {}) as { from?: string; to?: string };
      return (
        <DatePicker.RangePicker
          aria-label={f.label}
          placeholder={[`${f.label}起`, '止']}
          onChange={(d: [Dayjs | null, Dayjs | null] | null) =>
            onChange(
              d?.[0] || d?.[1]
                ? { ...(d[0] ? { from: d[0].format('YYYY-MM-DD') } : {}), ...(d[1] ? { to: d[1].format('YYYY-MM-DD') } : {}) }
                : undefined,
            )
          }
          {...(r.from || r.to ? {} : { value: null })}
        />
      );
    }
    case 'text':
      return (
        <Input.Search
          allowClear
          style={{ width: 160 }}
          aria-label={f.label}
          placeholder={f.placeholder ?? f.label}
          onSearch={(v) => onChange(v.trim() || undefined)}
        />
      );
    case 'choice':
      return (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 140 }}
          placeholder={f.label}
          aria-label={f.label}
          value={value as number | undefined}
          onChange={(v) => onChange(v)}
          options={choices?.[f.choices] ?? []}
        />
      );
    case 'flag':
      return (
        <Checkbox checked={value === true} onChange={(e) => onChange(e.target.checked || undefined)}>
          {f.label}
        </Checkbox>
      );
  }
}
