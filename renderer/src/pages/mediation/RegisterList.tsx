import { Alert, Button, Form, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { FLOWS, STATUSES } from '../../../../core/mediation/meta';
import { send, type Input as In, type Output } from '../../api/client';
import { useOperation } from '../../api/useOperation';

type Page = Output<'mediation.list'>;
type Filter = Omit<In<'mediation.list'>, 'after' | 'limit'>;

/** 调解登记簿: filters, search, keyset paging (下一页 continues after the last row seen). */
export function RegisterList() {
  const [filter, setFilter] = useState<Filter>({});
  const [cursor, setCursor] = useState<number[]>([]);
  const after = cursor.at(-1);
  const { data, error } = useOperation<Page>(
    () => send('mediation.list', { ...filter, after, limit: 20 }),
    [JSON.stringify(filter), after],
    { keep: true },
  );
  return (
    <>
      <Form
        layout="inline"
        style={{ marginBottom: 12 }}
        onFinish={(v: { q?: string; flow?: string; status?: string }) => {
          setCursor([]);
          setFilter({ q: v.q || undefined, flow: v.flow as Filter['flow'], status: v.status as Filter['status'] });
        }}
      >
        <Form.Item name="q">
          <Input allowClear placeholder="姓名、身份证号、电话、案号或案件码" style={{ width: 280 }} aria-label="查找调解案件" />
        </Form.Item>
        <Form.Item name="flow">
          <Select
            allowClear
            placeholder="调解类型"
            style={{ width: 200 }}
            options={Object.entries(FLOWS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="status">
          <Select
            allowClear
            placeholder="状态"
            style={{ width: 150 }}
            options={Object.entries(STATUSES).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Button htmlType="submit" type="primary">
          查找
        </Button>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
      <Table
        size="small"
        rowKey="id"
        loading={!data && !error}
        dataSource={data?.rows ?? []}
        pagination={false}
        locale={{ emptyText: '没有符合条件的调解案件' }}
        // Fixed widths where a value must stay on one line (a 案号, a date, a short label) and ellipsis with the
        // full text on hover for the free-text columns; below ~1000 px the table scrolls sideways instead of
        // breaking a 案号 or a cause into single characters.
        scroll={{ x: 980 }}
        columns={[
          {
            title: '案号 / 登记号',
            dataIndex: 'caseNumber',
            className: 'no-wrap',
            width: 210,
            render: (v: string, r) => <Link to={`/mediation/${r.id}`}>{v}</Link>,
          },
          { title: '类型', dataIndex: 'flowLabel', className: 'no-wrap', width: 132 },
          { title: '当事人', dataIndex: 'partiesText', ellipsis: { showTitle: true } },
          { title: '案由', dataIndex: 'causeName', ellipsis: { showTitle: true } },
          { title: '状态', dataIndex: 'statusLabel', className: 'no-wrap', width: 84 },
          { title: '调解组织', dataIndex: 'orgName', ellipsis: { showTitle: true }, render: (v: string | null) => v ?? '—' },
          { title: '调解员', dataIndex: 'mediatorName', className: 'no-wrap', width: 76, render: (v: string | null) => v ?? '—' },
          { title: '调解期限', dataIndex: 'dueOn', className: 'no-wrap', width: 104, render: (v: string | null) => v ?? '—' },
        ]}
      />
      <Space style={{ marginTop: 8 }}>
        <Button disabled={!cursor.length} onClick={() => setCursor(cursor.slice(0, -1))}>
          上一页
        </Button>
        <Button disabled={!data?.next} onClick={() => data?.next && setCursor([...cursor, data.next])}>
          下一页
        </Button>
      </Space>
    </>
  );
}
