import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Form, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { send, type Output } from '../../../api/client';
import { applyApiError } from '../../../api/formErrors';
import { useOperation } from '../../../api/useOperation';
import { PageHeader } from '../../../components/PageHeader';
import { useSubmit } from '../../../components/useSubmit';
import { formatDays, parseDays } from './holidayDays';

type Year = Output<'calendar.info'>[number];

interface YearValues {
  year: number;
  notice: string;
  holidays: { name: string; days: string }[];
  workdays: string;
}

const STATUTORY = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'];

const daysRule = (optional: boolean) => ({
  validator: (_: unknown, v: string | undefined) => {
    if (!v?.trim()) return optional ? Promise.resolve() : Promise.reject(new Error('请填写放假日期'));
    const r = parseDays(v);
    return r.error ? Promise.reject(new Error(r.error)) : Promise.resolve();
  },
});

/**
 * 系统管理 → 节假日 (admin): the years of holidays the court's periods use, and entering or correcting a year
 * from the State Council's 部分节假日安排的通知 — the days off of each holiday and the weekend days worked
 * (调休). A year marked 暂定 holds only the statutory holiday dates of 《全国年节及纪念日放假办法》.
 */
export function HolidaysPage() {
  const { message } = AntApp.useApp();
  const { data, error, reload } = useOperation(() => send('calendar.info', {}), [], { keep: true });
  const [editing, setEditing] = useState<Year | { year: number; new: true } | null>(null);
  const [form] = Form.useForm<YearValues>();
  const [busy, run] = useSubmit();
  const [saveError, setSaveError] = useState<string | null>(null);

  const open = (y: Year | null) => {
    setSaveError(null);
    const next = (data?.at(-1)?.year ?? new Date().getFullYear()) + 1;
    const entered = y && !y.provisional;
    form.setFieldsValue({
      year: y?.year ?? next,
      notice: entered ? y.notice : '',
      holidays: y ? y.holidays.map((h) => ({ name: h.name, days: formatDays(h.days) })) : STATUTORY.map((name) => ({ name, days: '' })),
      workdays: y ? formatDays(y.workdays) : '',
    });
    setEditing(y ?? { year: next, new: true });
  };

  const save = (v: YearValues) =>
    run(async () => {
      setSaveError(null);
      try {
        const saved = await send('calendar.updateYear', {
          year: v.year,
          notice: v.notice.trim(),
          holidays: v.holidays.map((h) => ({ name: h.name.trim(), days: parseDays(h.days).days ?? [] })),
          workdays: parseDays(v.workdays ?? '').days ?? [],
        });
        message.success(`${saved.year} 年节假日安排已保存`);
        setEditing(null);
        reload();
      } catch (err) {
        setSaveError(applyApiError(form, err));
      }
    });

  return (
    <>
      <PageHeader
        title="节假日"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open(null)} disabled={!data}>
            录入新的年份
          </Button>
        }
      />
      {error && <Alert type="error" showIcon title={error} role="alert" className="page-alert" />}
      <Card size="small">
        <Typography.Paragraph type="secondary">
          期间届满的最后一日是法定休假日的，以休假日后的第一日为期间届满的日期（《民事诉讼法》第八十五条）。每年国务院办公厅发布部分节假日安排的通知后，请在此按通知录入放假日期和调休上班日；标为「暂定」的年份只含法定节日当日，未含调休。
        </Typography.Paragraph>
        <Table<Year>
          size="small"
          rowKey="year"
          aria-label="节假日年份"
          loading={!data && !error}
          dataSource={data ?? []}
          pagination={false}
          columns={[
            { title: '年份', dataIndex: 'year', width: 80 },
            {
              title: '状态',
              width: 90,
              render: (_, y) => (y.provisional ? <Tag color="warning">暂定</Tag> : <Tag color="success">已录入</Tag>),
            },
            { title: '依据', render: (_, y) => y.notice || '—' },
            {
              title: '放假安排',
              render: (_, y) => (
                <Space direction="vertical" size={0}>
                  {y.holidays.map((h) => (
                    <span key={h.name}>
                      {h.name}：{formatDays(h.days)}
                    </span>
                  ))}
                </Space>
              ),
            },
            { title: '调休上班日', render: (_, y) => (y.workdays.length ? formatDays(y.workdays) : '—') },
            {
              title: '操作',
              width: 110,
              render: (_, y) => (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => open(y)}
                  aria-label={`${y.provisional ? '录入' : '更正'} ${y.year} 年`}
                >
                  {y.provisional ? '录入' : '更正'}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Modal
        open={editing !== null}
        title={editing ? `${editing.year} 年节假日安排` : ''}
        width="min(760px, 94vw)"
        onCancel={() => setEditing(null)}
        okText="保存"
        confirmLoading={busy}
        onOk={() => form.submit()}
        destroyOnHidden
        forceRender
      >
        {saveError && <Alert type="error" showIcon title={saveError} role="alert" className="page-alert" />}
        <Form<YearValues> form={form} layout="vertical" name="holiday-year" onFinish={save} requiredMark={false}>
          <Space align="start" wrap>
            <Form.Item name="year" label="年份" rules={[{ required: true, message: '请填写年份' }]}>
              <InputNumber min={2000} max={2100} precision={0} disabled={editing !== null && !('new' in editing)} />
            </Form.Item>
            <Form.Item
              name="notice"
              label="通知名称"
              rules={[{ required: true, whitespace: true, message: '请填写通知名称' }]}
              style={{ minWidth: 420 }}
            >
              <Input maxLength={100} placeholder="如 国务院办公厅关于2027年部分节假日安排的通知" />
            </Form.Item>
          </Space>
          <Typography.Text type="secondary">
            日期写作 YYYY-MM-DD，多个日期用顿号或空格分隔，连续的日期可写「2027-02-05至2027-02-11」。
          </Typography.Text>
          <Form.List name="holidays">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <Space key={f.key} align="start" style={{ display: 'flex', marginTop: 8 }}>
                    <Form.Item
                      name={[f.name, 'name']}
                      label={i === 0 ? '节日' : undefined}
                      rules={[{ required: true, whitespace: true, message: '请填写节日名称' }]}
                    >
                      <Input maxLength={20} style={{ width: 110 }} aria-label={`第 ${i + 1} 个节日的名称`} />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'days']}
                      label={i === 0 ? '放假日期' : undefined}
                      rules={[daysRule(false)]}
                      style={{ width: 480 }}
                    >
                      <Input aria-label={`第 ${i + 1} 个节日的放假日期`} />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`删除第 ${i + 1} 个节日`}
                      onClick={() => remove(f.name)}
                      style={{ marginTop: i === 0 ? 30 : 0 }}
                    />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ name: '', days: '' })}>
                  添加节日
                </Button>
              </>
            )}
          </Form.List>
          <Form.Item name="workdays" label="调休上班日（周六、周日上班的日期）" rules={[daysRule(true)]} style={{ marginTop: 16 }}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
