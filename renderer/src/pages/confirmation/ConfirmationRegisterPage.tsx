import { Alert, Card, Checkbox, DatePicker, Flex, Select, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { send, type Input, type Output } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { PageHeader } from '../../components/PageHeader';
import { OUTCOMES, STAGES } from '../../../../core/confirmation/meta';
import { UrgencyTag } from './urgency';

type Row = Output<'confirmation.list'>['rows'][number];
type Month = Output<'confirmation.figures'>['months'][number];

/** 司法确认登记簿: every application with its stage and deadline, filters, and the figures per month. */
export function ConfirmationRegisterPage() {
  const [filter, setFilter] = useState<Input<'confirmation.list'>>({ page: 1, pageSize: 50 });
  const [year, setYear] = useState(dayjs().year());
  const list = useOperation(() => send('confirmation.list', filter), [JSON.stringify(filter)], { keep: true });
  const figures = useOperation(() => send('confirmation.figures', { year }), [year]);
  const set = (patch: Partial<Input<'confirmation.list'>>) => setFilter((f) => ({ ...f, ...patch, page: 1 }));
  return (
    <>
      <PageHeader title="司法确认登记簿" />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          placeholder="阶段"
          style={{ width: 140 }}
          aria-label="阶段"
          options={Object.entries(STAGES).map(([value, label]) => ({ value, label }))}
          onChange={(v) => set({ stage: v ?? undefined })}
        />
        <Select
          allowClear
          placeholder="裁定结果"
          style={{ width: 160 }}
          aria-label="裁定结果"
          options={Object.entries(OUTCOMES).map(([value, label]) => ({ value, label }))}
          onChange={(v) => set({ outcome: v ?? undefined })}
        />
        <DatePicker
          picker="month"
          placeholder="申请月份"
          aria-label="申请月份"
          onChange={(d) => set({ month: d ? d.format('YYYY-MM') : undefined })}
        />
        <Checkbox onChange={(e) => set({ overdue: e.target.checked || undefined })}>只看超期</Checkbox>
      </Flex>
      {list.error && <Alert type="error" showIcon title={list.error} />}
      <Table<Row>
        size="small"
        rowKey="id"
        loading={!list.data}
        dataSource={list.data?.rows ?? []}
        columns={[
          { title: '案号', dataIndex: 'caseNumber', render: (v: string, r) => <Link to={`/confirmation/${r.id}`}>{v}</Link> },
          { title: '申请人', dataIndex: 'applicants' },
          { title: '申请日期', dataIndex: 'appliedOn', width: 110 },
          { title: '阶段', dataIndex: 'stageLabel', width: 110 },
          { title: '结果', dataIndex: 'outcomeLabel', width: 140, render: (v: string | null) => v ?? '—' },
          { title: '承办审判员', dataIndex: 'judgeName', width: 110, render: (v: string | null) => v ?? '未指定' },
          {
            title: '期限',
            key: 'due',
            width: 190,
            render: (_, r) => (r.dueLabel ? <UrgencyTag state={r.urgency} due={r.due} /> : r.signed ? '已签发' : '—'),
          },
        ]}
        pagination={{
          current: filter.page ?? 1,
          pageSize: filter.pageSize ?? 50,
          total: list.data?.total ?? 0,
          showTotal: (n) => `共 ${n} 件`,
          onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
        }}
      />
      <Card
        size="small"
        title={`${year} 年按月统计`}
        style={{ marginTop: 16 }}
        extra={<DatePicker picker="year" aria-label="统计年份" value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.year())} />}
      >
        <Table<Month>
          size="small"
          rowKey="month"
          pagination={false}
          loading={!figures.data}
          dataSource={figures.data?.months ?? []}
          columns={[
            { title: '月份', dataIndex: 'month' },
            { title: '申请', dataIndex: 'applications' },
            { title: '受理', dataIndex: 'accepted' },
            { title: '不予受理', dataIndex: 'notAccepted' },
            { title: '确认有效', dataIndex: 'confirmed' },
            {
              title: '驳回',
              dataIndex: 'rejected',
              render: (v: number, m) =>
                m.rejectedByGround.length ? `${v}（${m.rejectedByGround.map((g) => `${g.label} ${g.count}`).join('；')}）` : v,
            },
            { title: '撤回', dataIndex: 'withdrawn' },
            { title: '平均审结天数', dataIndex: 'averageDaysToRuling', render: (v: number | null) => v ?? '—' },
          ]}
        />
      </Card>
    </>
  );
}
