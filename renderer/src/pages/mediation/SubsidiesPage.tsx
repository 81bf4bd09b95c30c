import { Alert, App as AntApp, Button, Card, DatePicker, Space, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage, send, type Output } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { formatYuan } from '../../cases/money';
import { PageHeader } from '../../components/PageHeader';
import { base64ToBlob, downloadBlob } from '../../documents/pdf';

type Statement = Output<'mediation.subsidies'>;
type Total = Statement['byMediator'][number];
type Line = Statement['lines'][number];

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const yuan = (fen: number) => `${formatYuan(fen)} 元`;

function totalsColumns(label: string) {
  return [
    { title: label, dataIndex: 'name', key: 'name' },
    { title: '结案件数', dataIndex: 'cases', key: 'cases', align: 'right' as const },
    { title: '调解成功', dataIndex: 'success', key: 'success', align: 'right' as const },
    { title: '补贴金额', key: 'amount', align: 'right' as const, render: (_: unknown, r: Total) => yuan(r.amountFen) },
  ];
}

/**
 * 调解补贴月报 for the coordinator (issue 12 item 6): the month's ended cases priced by mediator kind and outcome at
 * the rate in force on the outcome date (调解设置), totalled per mediator and per organisation, with the cases behind
 * them; printed from the page or exported to Excel for the finance office.
 */
export function SubsidiesPage() {
  const { message } = AntApp.useApp();
  const [month, setMonth] = useState<Dayjs>(() => dayjs().subtract(1, 'month'));
  const key = month.format('YYYY-MM');
  const s = useOperation(() => send('mediation.subsidies', { month: key }), [key], { keep: true });
  const [exporting, setExporting] = useState(false);

  const exportXlsx = async () => {
    setExporting(true);
    try {
      const x = await send('mediation.subsidiesExport', { month: key });
      downloadBlob(base64ToBlob(x.base64, XLSX_MIME), x.fileName);
      message.success(`已导出 ${x.fileName}（${x.lines} 件，合计 ${yuan(x.totalFen)}）`);
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setExporting(false);
    }
  };

  const data = s.data;
  return (
    <>
      <PageHeader
        title="调解补贴月报"
        extra={
          <Space className="no-print">
            <DatePicker
              picker="month"
              value={month}
              allowClear={false}
              aria-label="月份"
              onChange={(d) => d && setMonth(d)}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
            />
            <Button onClick={() => window.print()} disabled={!data}>
              打印
            </Button>
            <Button type="primary" onClick={() => void exportXlsx()} loading={exporting} disabled={!data}>
              导出 Excel
            </Button>
          </Space>
        }
      />
      {s.error && <Alert type="error" showIcon title={s.error} />}
      {data && (
        <>
          <Typography.Paragraph data-testid="subsidy-total">
            {data.month.replace('-', ' 年 ')} 月：结案 {data.lines.length} 件，补贴合计 <strong>{yuan(data.totalFen)}</strong>
            。标准按各案结果日期施行的调解设置计算。
          </Typography.Paragraph>
          {/* stacked, not in tabs: the printed statement holds all three */}
          <Card size="small" title="按调解员">
            <Table<Total>
              size="small"
              rowKey="name"
              pagination={false}
              dataSource={data.byMediator}
              columns={totalsColumns('调解员')}
              locale={{ emptyText: '本月没有结案的调解' }}
            />
          </Card>
          <Card size="small" title="按调解组织" style={{ marginTop: 16 }}>
            <Table<Total>
              size="small"
              rowKey="name"
              pagination={false}
              dataSource={data.byOrg}
              columns={totalsColumns('调解组织')}
              locale={{ emptyText: '本月没有结案的调解' }}
            />
          </Card>
          <Card size="small" title="案件明细" style={{ marginTop: 16 }}>
            <Table<Line>
              size="small"
              rowKey="mediationId"
              pagination={false}
              dataSource={data.lines}
              locale={{ emptyText: '本月没有结案的调解' }}
              columns={[
                { title: '案号', dataIndex: 'caseNumber', key: 'caseNumber' },
                { title: '调解员', dataIndex: 'mediatorName', key: 'mediatorName' },
                { title: '类别', dataIndex: 'kindLabel', key: 'kindLabel' },
                { title: '调解组织', key: 'org', render: (_: unknown, r: Line) => r.orgName ?? '（无所属组织）' },
                { title: '结果', dataIndex: 'outcomeLabel', key: 'outcomeLabel' },
                { title: '结果日期', dataIndex: 'outcomeOn', key: 'outcomeOn' },
                { title: '补贴金额', key: 'amount', align: 'right', render: (_: unknown, r: Line) => yuan(r.amountFen) },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
