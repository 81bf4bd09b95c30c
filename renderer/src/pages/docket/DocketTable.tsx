import { Button, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Output } from '../../api/client';
import { formatFen } from '../../cases/money';
import { isModalOpen, isTextEntry } from '../../components/keyboard';
import { DOCKET_PAGE } from '../../../../core/docket/meta';
import { TierTag } from './TierTag';

type Row = Output<'docket.open'>['rows'][number];

const PAGE_ROWS = 50;

/**
 * A docket sorted by urgency. Keyboard: ↑/↓ (or k/j) move through the cases, Enter opens the selected one.
 */
export function DocketTable({ rows, loading, showJudge = false }: { rows: Row[]; loading: boolean; showJudge?: boolean }) {
  const navigate = useNavigate();
  const [active, setActive] = useState(0);
  const ref = useRef<HTMLDivElement>(null);

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
        columns={[
          {
            title: '案号',
            dataIndex: 'number',
            render: (v: string, r) => (
              <Typography.Link className="mono-number" onClick={() => navigate(`/docket/cases/${r.caseId}`)}>
                {v}
              </Typography.Link>
            ),
          },
          { title: '案由', dataIndex: 'causeName' },
          { title: '当事人', dataIndex: 'partiesText', ellipsis: true },
          {
            title: '标的额',
            dataIndex: 'amountFen',
            align: 'right',
            render: (v: number | null) => <span className="mono-number">{formatFen(v)}</span>,
          },
          { title: '程序', dataIndex: 'procedureLabel' },
          ...(showJudge ? [{ title: '承办法官', key: 'judge', render: (_: unknown, r: Row) => r.judge?.name ?? '（未分配）' }] : []),
          { title: '立案日期', dataIndex: 'filedOn' },
          {
            title: '审限届满',
            dataIndex: 'due',
            render: (v: string | null, r) => (v ? `${v}（${r.daysLeft! >= 0 ? `余 ${r.daysLeft} 日` : `超 ${-r.daysLeft!} 日`}）` : ''),
          },
          {
            title: '预警',
            key: 'tier',
            render: (_, r) => (
              <>
                <TierTag tier={r.tier} label={r.tierLabel} />
                {r.suspendedNow && <Tag>审限中止</Tag>}
                {r.pendingExtension && <Tag color="blue">延长待批</Tag>}
              </>
            ),
          },
        ]}
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
