import { Alert, DatePicker, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { send, type Output } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { formatFen } from '../../cases/money';
import { PageHeader } from '../../components/PageHeader';
import { useFeeSchedule } from './useFeeSchedule';
import './fees.css';

type Totals = Output<'relief.totals'>;
type Row = Totals['rows'][number];

const AMOUNT_COLORS = { waivedFen: '#1d4e89', reducedFen: '#5b8ff9', deferredFen: '#f6bd16' } as const;
const AMOUNT_LABELS = { waivedFen: '免交', reducedFen: '减交', deferredFen: '缓交' } as const;
/** The totals row's figures, in the columns' order. */
const COUNT_KEYS = ['applications', 'granted', 'partlyGranted', 'refused'] as const;
const AMOUNT_KEYS = Object.keys(AMOUNT_LABELS) as (keyof typeof AMOUNT_LABELS)[];

/**
 * 救助统计: per month and kind — applications, granted, partly granted, refused, and the amounts waived,
 * reduced and deferred (the figures a centre reports), with a totals row and the month's amounts as bars.
 * Applications count in the month they were made; decisions and amounts in the month they were decided.
 */
export function ReliefTotalsPage() {
  const { schedule } = useFeeSchedule();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);

  // this year to this month, by the court's date
  useEffect(() => {
    if (schedule && !range) {
      const today = dayjs(schedule.on);
      setRange([today.startOf('year'), today.startOf('month')]);
    }
  }, [schedule, range]);

  const { data: totals, error } = useOperation(
    range ? () => send('relief.totals', { fromMonth: range[0].format('YYYY-MM'), toMonth: range[1].format('YYYY-MM') }) : null,
    [range],
  );

  const months = useMemo(() => {
    const byMonth = new Map<string, Record<keyof typeof AMOUNT_LABELS, number>>();
    for (const r of totals?.rows ?? []) {
      const m = byMonth.get(r.month) ?? { waivedFen: 0, reducedFen: 0, deferredFen: 0 };
      m.waivedFen += r.waivedFen;
      m.reducedFen += r.reducedFen;
      m.deferredFen += r.deferredFen;
      byMonth.set(r.month, m);
    }
    return [...byMonth];
  }, [totals]);
  const max = Math.max(1, ...months.map(([, m]) => m.waivedFen + m.reducedFen + m.deferredFen));

  const money = (f: number) => (f ? formatFen(f) : '—');
  const count = (n: number) => (n ? n : '—');

  return (
    <div className="relief-totals">
      <PageHeader
        title="司法救助统计"
        extra={
          <DatePicker.RangePicker
            picker="month"
            allowClear={false}
            value={range}
            onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])}
            aria-label="统计月份"
            format="YYYY年M月"
          />
        }
      />
      {error && <Alert type="error" showIcon title={error} role="alert" className="page-alert" />}
      <Table<Row>
        size="small"
        bordered
        rowKey={(r) => `${r.month}|${r.kind}`}
        loading={totals === null && !error}
        dataSource={totals?.rows ?? []}
        pagination={false}
        aria-label="司法救助统计"
        locale={{ emptyText: '所选月份没有司法救助申请' }}
        columns={[
          {
            title: '月份',
            dataIndex: 'month',
            width: 96,
            render: (m: string, r, i) => (i > 0 && totals!.rows[i - 1]!.month === r.month ? '' : m),
          },
          { title: '种类', dataIndex: 'kindLabel', width: 64 },
          { title: '申请', dataIndex: 'applications', align: 'right', render: count },
          { title: '准予', dataIndex: 'granted', align: 'right', render: count },
          { title: '部分准予', dataIndex: 'partlyGranted', align: 'right', render: count },
          { title: '不予批准', dataIndex: 'refused', align: 'right', render: count },
          { title: '免交金额', dataIndex: 'waivedFen', align: 'right', className: 'mono-number', render: money },
          { title: '减交金额', dataIndex: 'reducedFen', align: 'right', className: 'mono-number', render: money },
          { title: '缓交金额', dataIndex: 'deferredFen', align: 'right', className: 'mono-number', render: money },
        ]}
        summary={() =>
          totals && totals.rows.length > 0 ? (
            <Table.Summary.Row className="fee-totals-sum">
              <Table.Summary.Cell index={0} colSpan={2}>
                合计
              </Table.Summary.Cell>
              {COUNT_KEYS.map((k, i) => (
                <Table.Summary.Cell key={k} index={2 + i} align="right">
                  {totals.total[k]}
                </Table.Summary.Cell>
              ))}
              {AMOUNT_KEYS.map((k, i) => (
                <Table.Summary.Cell key={k} index={2 + COUNT_KEYS.length + i} align="right" className="mono-number">
                  {formatFen(totals.total[k])}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          ) : null
        }
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        申请数按申请日期计入当月；准予、不予批准及金额按决定日期计入当月。部分准予的免交计为减交。
      </Typography.Paragraph>
      {months.length > 0 && (
        <div className="fee-chart" role="img" aria-label="各月免交、减交、缓交金额">
          {months.map(([month, m]) => (
            <div key={month} style={{ display: 'contents' }}>
              <span className="mono-number">{month}</span>
              <div className="fee-chart-bar" title={AMOUNT_KEYS.map((k) => `${AMOUNT_LABELS[k]} ${formatFen(m[k])}`).join('，')}>
                {AMOUNT_KEYS.map((k) =>
                  m[k] ? <span key={k} style={{ width: `${(m[k] / max) * 100}%`, background: AMOUNT_COLORS[k] }} /> : null,
                )}
              </div>
            </div>
          ))}
          <span />
          <Typography.Text type="secondary">
            {AMOUNT_KEYS.map((k) => (
              <span key={k} style={{ marginRight: 16 }}>
                <span style={{ display: 'inline-block', width: 10, height: 10, background: AMOUNT_COLORS[k], marginRight: 4 }} />
                {AMOUNT_LABELS[k]}金额
              </span>
            ))}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}
