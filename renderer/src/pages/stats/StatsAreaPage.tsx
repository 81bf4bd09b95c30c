import { Alert, Col, Row, Space, Spin } from 'antd';
import { Link, useParams } from 'react-router';
import { STATS_AREA_LABELS } from '../../../../core/stats/meta';
import { send } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { PageHeader } from '../../components/PageHeader';
import { NotFoundPage } from '../NotFoundPage';
import { AreaTotals, BreakdownChart, Definitions, MonthTrend } from './AreaCharts';
import { PeriodPicker, usePeriod } from './PeriodPicker';

type Area = keyof typeof STATS_AREA_LABELS;

/** 统计 of one register: its totals, month by month, each grouping — the same numbers as the centre overview. */
export function StatsAreaPage() {
  const { area } = useParams();
  const period = usePeriod();
  const known = area !== undefined && area in STATS_AREA_LABELS;
  const { data, error } = useOperation(
    known ? () => send('stats.area', { area: area as Area, from: period.from, to: period.to }) : null,
    [area, period.from, period.to],
    {
      keep: true,
    },
  );
  if (!known) return <NotFoundPage />;
  return (
    <>
      <PageHeader
        title={`${STATS_AREA_LABELS[area as Area]}统计`}
        extra={
          <Space>
            <PeriodPicker from={period.from} to={period.to} onChange={period.set} />
            <Link to={`/stats?from=${period.from}&to=${period.to}`}>中心统计</Link>
          </Space>
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      {!data && !error && <Spin />}
      {data && (
        <>
          <AreaTotals s={data} />
          <Row gutter={[16, 16]}>
            <Col xs={24}>
              <MonthTrend s={data} />
            </Col>
            {data.breakdowns.map((b) => (
              <Col xs={24} xl={12} key={b.by}>
                <BreakdownChart s={data} b={b} />
              </Col>
            ))}
            <Col xs={24}>
              <Definitions s={data} />
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
