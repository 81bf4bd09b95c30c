import { Card, Col, Descriptions, Row, Statistic } from 'antd';
import type { EChartsOption } from 'echarts';
import { ChartCard } from './ChartCard';
import { days, figureColumns, noteValue, num, pct, type AreaFigures, type FigureRow } from './format';

/** The headline numbers of one register for the period. */
export function AreaTotals({ s }: { s: AreaFigures }) {
  const t = s.total;
  const items = [
    { k: 'received', v: num(t.received) },
    { k: 'concluded', v: num(t.concluded) },
    { k: 'resolved', v: num(t.resolved) },
    { k: 'successRate', v: pct(t.successRate) },
    { k: 'averageDays', v: t.averageDays === null ? '—' : `${days(t.averageDays)}（中位数 ${num(t.medianDays)}）` },
    { k: 'overdue', v: num(t.overdue) },
  ] as const;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Row gutter={[24, 12]}>
        {items
          .filter((i) => s.columns[i.k] !== '—')
          .map((i) => (
            <Col key={i.k}>
              <Statistic title={s.columns[i.k]} value={i.v} />
            </Col>
          ))}
        {s.notes.map((n) => (
          <Col key={n.key}>
            <Statistic title={n.label} value={noteValue(n)} />
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/** Month by month: received and concluded as bars, the success rate as a line on its own axis. */
export function MonthTrend({ s }: { s: AreaFigures }) {
  const hasOutcomes = s.columns.concluded !== '—';
  const option: EChartsOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 }, // ECharts 6 puts the legend at the bottom by default, over the axis labels
    grid: { left: 40, right: 50, top: 56, bottom: 30 },
    xAxis: { type: 'category', data: s.months.map((m) => m.key) },
    yAxis: [
      { type: 'value', name: '件', minInterval: 1 },
      ...(hasOutcomes ? [{ type: 'value' as const, name: s.columns.successRate, max: 100, axisLabel: { formatter: '{value}%' } }] : []),
    ],
    series: [
      { name: s.columns.received, type: 'bar', data: s.months.map((m) => m.received ?? 0) },
      ...(hasOutcomes
        ? [
            { name: s.columns.concluded, type: 'bar' as const, data: s.months.map((m) => m.concluded ?? 0) },
            {
              name: s.columns.successRate,
              type: 'line' as const,
              yAxisIndex: 1,
              data: s.months.map((m) => (m.successRate === null ? null : Math.round(m.successRate * 1000) / 10)),
            },
          ]
        : []),
    ],
  };
  return (
    <ChartCard<FigureRow>
      title="按月趋势"
      testId={`trend-${s.area}`}
      option={option}
      columns={figureColumns(s, '月份')}
      rows={s.months}
      rowKey="key"
    />
  );
}

/** One grouping (organisation, mediator, judge, cause …): bars of received and resolved for the 15 largest. */
export function BreakdownChart({ s, b }: { s: AreaFigures; b: AreaFigures['breakdowns'][number] }) {
  const top = b.rows.slice(0, 15);
  const hasOutcomes = s.columns.concluded !== '—';
  const option: EChartsOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 }, // ECharts 6 puts the legend at the bottom by default, over the axis labels
    grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
    yAxis: { type: 'category', inverse: true, data: top.map((r) => r.label), axisLabel: { width: 150, overflow: 'truncate' } },
    xAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: s.columns.received, type: 'bar', data: top.map((r) => r.received ?? 0) },
      ...(hasOutcomes
        ? [
            { name: s.columns.concluded, type: 'bar' as const, data: top.map((r) => r.concluded ?? 0) },
            { name: s.columns.resolved, type: 'bar' as const, data: top.map((r) => r.resolved ?? 0) },
          ]
        : []),
      ...(s.columns.overdue !== '—' && top.some((r) => r.overdue)
        ? [{ name: s.columns.overdue, type: 'bar' as const, data: top.map((r) => r.overdue ?? 0) }]
        : []),
    ],
  };
  return (
    <ChartCard<FigureRow>
      title={b.label}
      testId={`breakdown-${s.area}-${b.by}`}
      option={option}
      columns={figureColumns(s, b.label.replace(/^按/, '').replace(/（.*）$/, ''))}
      rows={b.rows}
      rowKey="key"
      height={Math.max(220, top.length * 34 + 60)}
    />
  );
}

export function Definitions({ s }: { s: AreaFigures }) {
  return (
    <Descriptions
      size="small"
      column={1}
      title="统计口径"
      items={s.definitions.map((d, i) => ({ key: String(i), label: d.split('：')[0], children: d.split('：').slice(1).join('：') }))}
    />
  );
}
