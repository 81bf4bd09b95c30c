import { FileExcelOutlined, FilePdfOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Col, Row, Space, Spin, Statistic, Tooltip, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage, send, type Output } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { PageHeader } from '../../components/PageHeader';
import { base64ToBlob, downloadBlob } from '../../documents/pdf';
import { useSession } from '../../session/SessionProvider';
import { ChartCard } from './ChartCard';
import { days, num, pct } from './format';
import { PeriodPicker, usePeriod } from './PeriodPicker';
import { PopulationModal } from './PopulationModal';

type Overview = Output<'stats.overview'>;

/**
 * 中心统计: every register's figures for a period on one page (the same function as `court stats --json`), with
 * 万人成讼率, the shares resolved before filing or without trial, the month trend, the judges' closings and the
 * funnel from receipt to resolution — each chart with its 数据表.
 */
export function StatsOverviewPage() {
  const period = usePeriod();
  const { me } = useSession();
  const { message } = AntApp.useApp();
  const [population, setPopulation] = useState(false);
  const [exporting, setExporting] = useState<'xlsx' | 'pdf' | null>(null);
  const { data, error, reload } = useOperation(
    () => send('stats.overview', { from: period.from, to: period.to }),
    [period.from, period.to],
    { keep: true },
  );
  const month = period.to.slice(0, 7);
  const exportReport = async (format: 'xlsx' | 'pdf') => {
    setExporting(format);
    try {
      const r = await send('stats.monthlyReport', { month, format });
      downloadBlob(base64ToBlob(r.base64, r.mime), r.fileName);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExporting(null);
    }
  };
  return (
    <>
      <PageHeader
        title="中心统计"
        extra={
          <Space wrap>
            <PeriodPicker from={period.from} to={period.to} onChange={period.set} />
            <Tooltip title={`导出 ${month} 的月度报表（按统计截止日期所在月份）`}>
              <Button icon={<FileExcelOutlined />} loading={exporting === 'xlsx'} onClick={() => void exportReport('xlsx')}>
                月度报表 Excel
              </Button>
            </Tooltip>
            <Button icon={<FilePdfOutlined />} loading={exporting === 'pdf'} onClick={() => void exportReport('pdf')}>
              月度报表 PDF
            </Button>
            {me?.user.roles.includes('admin') && (
              <Button icon={<TeamOutlined />} onClick={() => setPopulation(true)}>
                辖区人口
              </Button>
            )}
          </Space>
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {!data && !error && <Spin />}
      {data && <OverviewBody o={data} />}
      <PopulationModal
        open={population}
        onClose={(changed) => {
          setPopulation(false);
          if (changed) reload();
        }}
      />
    </>
  );
}

function OverviewBody({ o }: { o: Overview }) {
  const q = `?from=${o.period.from}&to=${o.period.to}`;
  return (
    <>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {o.sections.map((s) => (
          <Col xs={24} md={12} xl={8} key={s.area}>
            <Card
              size="small"
              title={s.label}
              extra={
                <Link to={`/stats/${s.area}${q}`} aria-label={`${s.label}统计详情`}>
                  详情
                </Link>
              }
              data-testid={`section-${s.area}`}
            >
              <Space size={24} wrap>
                <Statistic title={s.columns.received} value={num(s.total.received)} />
                {s.total.concluded !== null && <Statistic title={s.columns.concluded} value={num(s.total.concluded)} />}
                {s.total.successRate !== null && <Statistic title={s.columns.successRate} value={pct(s.total.successRate)} />}
                {s.total.averageDays !== null && <Statistic title="平均天数" value={days(s.total.averageDays)} />}
                {s.total.overdue !== null && (
                  <Statistic
                    title={s.columns.overdue}
                    value={num(s.total.overdue)}
                    styles={s.total.overdue ? { content: { color: '#cf1322' } } : undefined}
                  />
                )}
              </Space>
            </Card>
          </Col>
        ))}
        <Col xs={24} md={12} xl={8}>
          <Card size="small" title="诉源治理" data-testid="litigation">
            <Space size={24} wrap>
              <Tooltip title={o.litigation.basis}>
                <Statistic
                  title="万人成讼率"
                  value={o.litigation.perTenThousand === null ? '未登记人口' : o.litigation.perTenThousand.toFixed(2)}
                  suffix={o.litigation.perTenThousand === null ? undefined : '件/万人'}
                />
              </Tooltip>
              <Tooltip title={o.shares.definitions[0]}>
                <Statistic title="诉前化解率" value={pct(o.shares.beforeFiling)} />
              </Tooltip>
              <Tooltip title={o.shares.definitions[1]}>
                <Statistic title="未经庭审化解率" value={pct(o.shares.withoutTrial)} />
              </Tooltip>
            </Space>
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              新收民初 {o.litigation.civilFirstInstance} 件
              {o.litigation.population
                ? `；${o.litigation.population.year} 年辖区人口 ${o.litigation.population.population.toLocaleString('zh-CN')} 人（${o.litigation.population.source}）`
                : '；辖区人口未登记（管理员在本页“辖区人口”中登记）'}
              ；诉前调解成功 {o.shares.preFilingResolved} 件，立案后委托调解成功 {o.shares.entrustedResolved} 件。
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Trend o={o} />
        </Col>
        <Col xs={24} xl={12}>
          <Judges o={o} />
        </Col>
        <Col xs={24} xl={12}>
          <Funnel o={o} />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        超期数截至 {o.on}。各登记簿的统计口径见其“详情”页；万人成讼率：{o.litigation.basis}
      </Typography.Paragraph>
    </>
  );
}

/** Received per register, month by month. */
function Trend({ o }: { o: Overview }) {
  const months = o.sections[0]?.months.map((m) => m.key) ?? [];
  const rows = months.map((month) => ({
    month,
    ...Object.fromEntries(o.sections.map((s) => [s.area, s.months.find((m) => m.key === month)?.received ?? 0])),
  })) as ({ month: string } & Record<string, number>)[];
  const option: EChartsOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 }, // ECharts 6 puts the legend at the bottom by default, over the axis labels
    grid: { left: 40, right: 24, top: 56, bottom: 30 },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', name: '收案（件）', minInterval: 1 },
    series: o.sections.map((s) => ({ name: s.label, type: 'line', smooth: false, data: rows.map((r) => r[s.area] ?? 0) })),
  };
  return (
    <ChartCard
      title="收案趋势（按月）"
      testId="chart-trend"
      option={option}
      rowKey="month"
      rows={rows}
      columns={[
        { title: '月份', dataIndex: 'month', key: 'month' },
        ...o.sections.map((s) => ({ title: `${s.label}·${s.columns.received}`, dataIndex: s.area, key: s.area, align: 'right' as const })),
      ]}
    />
  );
}

/** The fast-track judges' closings in the period: 调撤 and the other closings stacked, with overdue beside. */
function Judges({ o }: { o: Overview }) {
  const docket = o.sections.find((s) => s.area === 'docket');
  const rows = (docket?.breakdowns.find((b) => b.by === 'judge')?.rows ?? []).map((r) => ({
    key: r.key,
    judge: r.label,
    received: r.received ?? 0,
    resolved: r.resolved ?? 0,
    judged: (r.concluded ?? 0) - (r.resolved ?? 0),
    concluded: r.concluded ?? 0,
    rate: r.successRate,
    days: r.averageDays,
    overdue: r.overdue ?? 0,
  }));
  const option: EChartsOption = {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 }, // ECharts 6 puts the legend at the bottom by default, over the axis labels
    grid: { left: 40, right: 24, top: 56, bottom: 30 },
    xAxis: { type: 'category', data: rows.map((r) => r.judge) },
    yAxis: { type: 'value', name: '件', minInterval: 1 },
    series: [
      { name: '收案', type: 'bar', data: rows.map((r) => r.received) },
      { name: '调撤结案', type: 'bar', stack: 'closed', data: rows.map((r) => r.resolved) },
      { name: '判决结案', type: 'bar', stack: 'closed', data: rows.map((r) => r.judged) },
      { name: '超审限', type: 'bar', data: rows.map((r) => r.overdue), itemStyle: { color: '#cf1322' } },
    ],
  };
  return (
    <ChartCard
      title="速裁法官收结案"
      testId="chart-judges"
      option={option}
      rowKey="key"
      rows={rows}
      columns={[
        { title: '法官', dataIndex: 'judge', key: 'judge' },
        { title: '收案', dataIndex: 'received', key: 'received', align: 'right' },
        { title: '结案', dataIndex: 'concluded', key: 'concluded', align: 'right' },
        { title: '调撤', dataIndex: 'resolved', key: 'resolved', align: 'right' },
        { title: '调撤率', dataIndex: 'rate', key: 'rate', align: 'right', render: (v: number | null) => pct(v) },
        { title: '平均审理天数', dataIndex: 'days', key: 'days', align: 'right', render: (v: number | null) => days(v) },
        { title: '超审限', dataIndex: 'overdue', key: 'overdue', align: 'right' },
      ]}
    />
  );
}

/** The period's mediations from receipt to resolution (a cohort: each stage a part of the one before). */
function Funnel({ o }: { o: Overview }) {
  const first = o.funnel[0]?.count ?? 0;
  const rows = o.funnel.map((f) => ({ ...f, share: first ? f.count / first : null }));
  const option: EChartsOption = {
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '10%',
        width: '80%',
        min: 0,
        max: Math.max(1, first),
        label: { position: 'inside', formatter: '{b} {c}' },
        data: o.funnel.map((f) => ({ name: f.label, value: f.count })),
      },
    ],
  };
  return (
    <ChartCard
      title="调解：从收案到化解"
      testId="chart-funnel"
      option={option}
      rowKey="key"
      rows={first ? rows : []}
      columns={[
        { title: '环节', dataIndex: 'label', key: 'label' },
        { title: '件数', dataIndex: 'count', key: 'count', align: 'right' },
        { title: '占收案', dataIndex: 'share', key: 'share', align: 'right', render: (v: number | null) => pct(v) },
      ]}
    />
  );
}
