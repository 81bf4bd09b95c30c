import { Alert, Input, Table, Tag, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage, send, type Output } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { STATUS_COLORS } from '../../cases/labels';
import { formatFen } from '../../cases/money';

type Result = Output<'cases.search'>;
type Row = Result['rows'][number];

const MATCHED_BY: Record<string, string> = { code: '按案件码', number: '按案号', text: '按案号、姓名、证件号或电话', name: '按当事人姓名' };

/** 案件查询: one box, results as you type, newest first; ↓ moves into the results. */
export function CaseSearchPage() {
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const [result, setResult] = useState<Result | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<InputRef>(null);
  const table = useRef<HTMLDivElement>(null);

  useEffect(() => {
    input.current?.focus({ cursor: 'end' });
  }, []);

  // the address follows the box (so Back returns to the same results); the box follows the address
  useEffect(() => {
    const fromUrl = params.get('q') ?? '';
    setQ((cur) => (cur.trim() === fromUrl.trim() ? cur : fromUrl));
  }, [params]);

  useEffect(() => {
    const text = q.trim();
    if (!text) {
      setResult(null);
      setError(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      setLoading(true);
      send('cases.search', { q: text, limit: 100 })
        .then((r) => {
          if (!live) return;
          setResult(r);
          setError(null);
        })
        .catch((err) => live && setError(errorMessage(err)))
        .finally(() => live && setLoading(false));
      if ((params.get('q') ?? '') !== text) setParams({ q: text }, { replace: true });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  return (
    <>
      <PageHeader title="案件查询" />
      <Input.Search
        ref={input}
        size="large"
        aria-label="查询内容"
        placeholder="案号（全部或部分）、当事人姓名、身份证号、统一社会信用代码、电话或案件码"
        value={q}
        allowClear
        maxLength={60}
        loading={loading}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            table.current?.querySelector<HTMLElement>('tbody a')?.focus();
          }
        }}
        className="case-search-box"
      />
      {error && <Alert type="error" showIcon title={error} className="page-alert" style={{ marginTop: 12 }} />}
      <div className="case-search-meta" aria-live="polite">
        {result && q.trim() && (
          <Typography.Text type="secondary">
            {result.rows.length === 0
              ? '没有找到案件'
              : `找到 ${result.rows.length}${result.rows.length === 100 ? '+' : ''} 件${result.matchedBy ? `（${MATCHED_BY[result.matchedBy]}）` : ''}，新案在前`}
          </Typography.Text>
        )}
        {!q.trim() && (
          <Typography.Text type="secondary">
            两个字的姓名（如 张三）按姓名查找；三个字以上可查案号片段、证件号或电话的一部分。
          </Typography.Text>
        )}
      </div>
      <div ref={table}>
        <Table<Row>
          size="small"
          rowKey="id"
          dataSource={result?.rows ?? []}
          loading={loading && !result}
          pagination={false}
          className="dense-table"
          locale={{ emptyText: q.trim() ? '没有找到案件' : '请输入查询内容' }}
          onRow={(r) => ({
            onKeyDown: (e) => {
              const links = [...(table.current?.querySelectorAll<HTMLElement>('tbody a') ?? [])];
              const i = links.indexOf(document.activeElement as HTMLElement);
              if (e.key === 'ArrowDown' && i >= 0 && i < links.length - 1) {
                e.preventDefault();
                links[i + 1]!.focus();
              } else if (e.key === 'ArrowUp' && i >= 0) {
                e.preventDefault();
                if (i === 0) input.current?.focus();
                else links[i - 1]!.focus();
              }
              void r;
            },
          })}
          columns={[
            {
              title: '案号',
              className: 'no-wrap',
              dataIndex: 'number',
              width: 240,
              render: (v: string, r) => (
                <Link to={`/cases/${r.id}`} className="mono-number">
                  {v}
                </Link>
              ),
            },
            { title: '类型', dataIndex: 'caseType', width: 64 },
            { title: '当事人', dataIndex: 'partiesText', ellipsis: true },
            { title: '案由', dataIndex: 'causeName', ellipsis: true },
            {
              title: '争议金额',
              dataIndex: 'amountFen',
              width: 140,
              align: 'right',
              render: (v: number | null) => <span className="mono-number">{formatFen(v)}</span>,
            },
            { title: '收案日期', className: 'no-wrap', dataIndex: 'receivedOn', width: 110 },
            { title: '状态', dataIndex: 'status', width: 90, render: (v: string) => <Tag color={STATUS_COLORS[v] ?? 'default'}>{v}</Tag> },
          ]}
        />
      </div>
    </>
  );
}
