import { Button, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useNavigate } from 'react-router';
import type { Output } from '../../api/client';
import { formatFen } from '../../cases/money';
import { isModalOpen, isTextEntry } from '../../components/keyboard';
import { DOCKET_PAGE } from '../../../../core/docket/meta';
import { DOCKET_WIDTHS as W, docketLayout, type DocketLayout } from './docketLayout';
import { TierTag } from './TierTag';

type Row = Output<'docket.open'>['rows'][number];

const PAGE_ROWS = 50;

/** The width of an element, kept up to date as the window (or the layout around it) changes. */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

const dueText = (r: Row) => (r.due ? `${r.due}（${r.daysLeft! >= 0 ? `余 ${r.daysLeft} 日` : `超 ${-r.daysLeft!} 日`}）` : '');

/**
 * The columns for the layout (docketLayout): one line per row where 案由 and 当事人 have room as columns, else the
 * 案号 with a grey line of 案由 · 当事人 under it. A 案号, an amount, a date never wrap; longer text ends in an
 * ellipsis with the whole text as its title.
 */
function docketColumns(layout: DocketLayout, showJudge: boolean, open: (r: Row) => void): TableColumnsType<Row> {
  const number = (r: Row) => (
    <Typography.Link className="mono-number" title={r.number} onClick={() => open(r)}>
      {r.number}
    </Typography.Link>
  );
  return [
    layout.splitText
      ? { title: '案号', key: 'number', width: W.number, className: 'no-wrap', ellipsis: { showTitle: false }, render: (_, r) => number(r) }
      : {
          title: '案号 / 案由 · 当事人',
          key: 'number',
          render: (_, r) => {
            const sub = [r.causeName, r.partiesText].filter(Boolean).join(' · ');
            return (
              <>
                <div className="docket-line">{number(r)}</div>
                <div className="docket-line docket-sub" title={sub}>
                  {sub}
                </div>
              </>
            );
          },
        },
    ...(layout.splitText
      ? [
          { title: '案由', dataIndex: 'causeName', ellipsis: true },
          { title: '当事人', dataIndex: 'partiesText', ellipsis: true },
        ]
      : []),
    ...(layout.amount
      ? [
          {
            title: '标的额',
            dataIndex: 'amountFen',
            align: 'right' as const,
            width: W.amount,
            className: 'no-wrap',
            render: (v: number | null) => <span className="mono-number">{formatFen(v)}</span>,
          },
        ]
      : []),
    { title: '程序', dataIndex: 'procedureLabel', width: W.procedure, className: 'no-wrap' },
    ...(showJudge
      ? [{ title: '承办法官', key: 'judge', width: W.judge, ellipsis: true, render: (_: unknown, r: Row) => r.judge?.name ?? '（未分配）' }]
      : []),
    ...(layout.filed ? [{ title: '立案日期', dataIndex: 'filedOn', width: W.filed, className: 'no-wrap mono-number' }] : []),
    { title: '审限届满', key: 'due', width: W.due, className: 'no-wrap mono-number', render: (_, r) => dueText(r) },
    {
      title: '预警',
      key: 'tier',
      width: W.tier,
      render: (_, r) => (
        <>
          <TierTag tier={r.tier} label={r.tierLabel} />
          {r.suspendedNow && <Tag>审限中止</Tag>}
          {r.pendingExtension && <Tag color="blue">延长待批</Tag>}
        </>
      ),
    },
  ];
}

/**
 * A docket sorted by urgency. Keyboard: ↑/↓ (or k/j) move through the cases, Enter opens the selected one.
 */
export function DocketTable({ rows, loading, showJudge = false }: { rows: Row[]; loading: boolean; showJudge?: boolean }) {
  const navigate = useNavigate();
  const [active, setActive] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  const layout = docketLayout(useWidth(ref), showJudge);
  const columns = docketColumns(layout, showJudge, (r) => navigate(`/docket/cases/${r.caseId}`));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTextEntry(document.activeElement) || isModalOpen() || rows.length === 0) return;
      if (e.key === 'ArrowDown' || e.key === 'j') {
        e.preventDefault();
        setActive((i) => Math.min(rows.length - 1, i + 1));
      } else if (e.key === 'ArrowUp' || e.key === 'k') {
        e.preventDefault();
        setActive((i) => Math.max(0, i - 1));
      } else if (e.key === 'Enter' && rows[active]) {
        e.preventDefault();
        navigate(`/docket/cases/${rows[active].caseId}`);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows, active, navigate]);

  useEffect(() => {
    ref.current?.querySelector('.docket-row-active')?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <div ref={ref}>
      <Table
        size="small"
        rowKey="caseId"
        loading={loading}
        dataSource={rows}
        // the page follows the selected row, so ↑/↓ walk on across pages (row indexes below are within the page)
        pagination={
          rows.length > PAGE_ROWS
            ? {
                pageSize: PAGE_ROWS,
                showSizeChanger: false,
                current: Math.floor(active / PAGE_ROWS) + 1,
                onChange: (page) => setActive((page - 1) * PAGE_ROWS),
              }
            : false
        }
        rowClassName={(r) => (r.caseId === rows[active]?.caseId ? 'docket-row-active ant-table-row-selected' : '')}
        onRow={(r) => ({
          onClick: () => setActive(Math.max(0, rows.indexOf(r))),
          onDoubleClick: () => navigate(`/docket/cases/${r.caseId}`),
        })}
        locale={{ emptyText: '没有在办案件' }}
        tableLayout="fixed"
        scroll={{ x: layout.minWidth }}
        columns={columns}
      />
      <Typography.Text type="secondary">↑/↓ 选择案件，Enter 打开</Typography.Text>
    </div>
  );
}

/** Under a docket list: how many cases there are beyond those shown, and a button to show the next DOCKET_PAGE. */
export function DocketMore({ total, shown, onMore }: { total: number; shown: number; onMore: () => void }) {
  if (total <= shown) return null;
  return (
    <Space>
      <Typography.Text type="secondary">
        共 {total} 件，显示最紧急的 {shown} 件
      </Typography.Text>
      <Button size="small" onClick={onMore}>
        再显示 {Math.min(DOCKET_PAGE, total - shown)} 件
      </Button>
    </Space>
  );
}
