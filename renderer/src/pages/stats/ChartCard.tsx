import { Card, Segmented, Table, type TableColumnsType } from 'antd';
import ReactECharts from 'echarts-for-react';
import type { EChartsOption } from 'echarts';
import { useState, type ReactNode } from 'react';

/**
 * A chart with its numbers (issue 15 item 2: "each chart with its numbers available as a table"): the 数据表
 * switch shows the same rows the chart draws, as a table a reader can copy or read aloud.
 */
export function ChartCard<R extends object>({
  title,
  option,
  columns,
  rows,
  rowKey,
  height = 300,
  extra,
  testId,
}: {
  title: string;
  option: EChartsOption;
  columns: TableColumnsType<R>;
  rows: R[];
  rowKey: keyof R & string;
  height?: number;
  extra?: ReactNode;
  testId?: string;
}) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      extra={
        <span style={{ display: 'inline-flex', gap: 8, alignItems: 'center' }}>
          {extra}
          <Segmented
            size="small"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            options={[
              { label: '图表', value: 'chart' },
              { label: '数据表', value: 'table' },
            ]}
            aria-label={`${title}：图表或数据表`}
          />
        </span>
      }
    >
      {rows.length === 0 ? (
        <div className="stats-empty">统计期间内没有数据</div>
      ) : view === 'chart' ? (
        <ReactECharts option={{ animation: false, ...option }} style={{ height }} notMerge lazyUpdate opts={{ renderer: 'canvas' }} />
      ) : (
        <Table<R>
          size="small"
          rowKey={rowKey}
          columns={columns}
          dataSource={rows}
          pagination={rows.length > 15 ? { pageSize: 15 } : false}
        />
      )}
    </Card>
  );
}
