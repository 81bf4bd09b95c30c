import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { send } from '../../api/client';
import { applyApiError } from '../../api/formErrors';
import { useOperation } from '../../api/useOperation';
import { formatFen } from '../../cases/money';
import { PageHeader } from '../../components/PageHeader';
import { useSubmit } from '../../components/useSubmit';
import { useState } from 'react';

/** 速裁设置: the province's average annual wage of employed persons per year, as the high court publishes it. */
export function WageFiguresPage() {
  const { data, error, reload } = useOperation(() => send('docket.wageFigures', {}), []);
  const [form] = Form.useForm();
  const [busy, run] = useSubmit();
  const [formError, setFormError] = useState<string | null>(null);
  const save = (v: { wageYear: number; amountYuan: number; publishedOn: Dayjs; source: string }) =>
    run(async () => {
      setFormError(null);
      try {
        await send('docket.setWageFigure', {
          wageYear: v.wageYear,
          amountFen: Math.round(v.amountYuan * 100),
          publishedOn: v.publishedOn.format('YYYY-MM-DD'),
          source: v.source,
        });
        form.resetFields();
        reload();
      } catch (err) {
        setFormError(applyApiError(form, err));
      }
    });
  return (
    <>
      <PageHeader title="小额诉讼标准（本省就业人员年平均工资）" />
      {error && <Alert type="error" showIcon title={error} />}
      <Card size="small" title={data ? `${data.province}：已登记的年度` : '已登记的年度'} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="id"
          dataSource={data?.figures ?? []}
          pagination={false}
          locale={{ emptyText: '尚未登记' }}
          columns={[
            { title: '年度', dataIndex: 'wageYear' },
            { title: '年平均工资', dataIndex: 'amountFen', align: 'right', render: (v: number) => formatFen(v) },
            { title: '小额诉讼（50%）', key: 'half', align: 'right', render: (_, r) => formatFen(Math.floor(r.amountFen / 2)) },
            { title: '约定上限（二倍）', key: 'double', align: 'right', render: (_, r) => formatFen(r.amountFen * 2) },
            { title: '公布日期', dataIndex: 'publishedOn' },
            { title: '公布文件', dataIndex: 'source' },
          ]}
        />
      </Card>
      <Card size="small" title="登记或更正一个年度">
        <Form form={form} layout="inline" onFinish={save}>
          <Form.Item name="wageYear" label="年度" rules={[{ required: true, message: '请填写年度' }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="amountYuan" label="年平均工资（元）" rules={[{ required: true, message: '请填写金额' }]}>
            <InputNumber min={1} precision={2} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="publishedOn" label="公布日期" rules={[{ required: true, message: '请选择公布日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="source" label="公布文件" rules={[{ required: true, message: '请填写公布文件' }]}>
            <Input style={{ width: 280 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            保存
          </Button>
        </Form>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginTop: 12 }} />}
      </Card>
      <DocketSettingsCard />
    </>
  );
}

/** The appeal court named in judgments, and how early the desk advises asking for an extension. */
function DocketSettingsCard() {
  const { data, reload } = useOperation(() => send('docket.settings'), []);
  const [form] = Form.useForm<{ appealCourt: string; extensionLeadDays: number }>();
  const [busy, run] = useSubmit();
  const [formError, setFormError] = useState<string | null>(null);
  if (!data) return null;
  return (
    <Card size="small" title="判决书与审限提醒" style={{ marginTop: 16 }}>
      <Form
        form={form}
        layout="inline"
        initialValues={data}
        onFinish={(v) =>
          run(async () => {
            setFormError(null);
            try {
              await send('docket.updateSettings', v);
              reload();
            } catch (err) {
              setFormError(applyApiError(form, err));
            }
          })
        }
      >
        <Form.Item name="appealCourt" label="上诉法院（上一级人民法院）" extra="判决书告知上诉时写明；小额诉讼一审终审不写">
          <Input style={{ width: 280 }} maxLength={60} />
        </Form.Item>
        <Form.Item name="extensionLeadDays" label="提前申请延长审限（天）">
          <InputNumber min={0} max={60} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          保存
        </Button>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginTop: 12 }} />}
    </Card>
  );
}
