import { Alert, App as AntApp, Button, Card, DatePicker, Form, InputNumber, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { MEDIATOR_KINDS } from '../../../../core/mediation/meta';
import { send, type Input, type Output } from '../../api/client';
import { applyApiError, type FieldAliases } from '../../api/formErrors';
import { useOperation } from '../../api/useOperation';
import { formatYuan } from '../../cases/money';
import { PageHeader } from '../../components/PageHeader';
import { useSubmit } from '../../components/useSubmit';

type Settings = Input<'mediation.saveSettings'>['value'];
type Kind = keyof typeof MEDIATOR_KINDS;
type History = Output<'mediation.settings'>['history'][number];
const KINDS = Object.keys(MEDIATOR_KINDS) as Kind[];

interface Values {
  effectiveFrom: Dayjs;
  assignWorkingDays: number;
  acceptWorkingDays: number;
  contactWorkingDays: number;
  /** subsidies in 元 on the form, stored in 分 */
  subsidies: Record<Kind, { success: number; failure: number }>;
}

const LIMITS = [
  { name: 'assignWorkingDays', label: '分派期限（工作日）', help: '收到调解登记后，中心在此期限内指派调解员' },
  { name: 'acceptWorkingDays', label: '接受期限（工作日）', help: '指派后，调解员在此期限内签收或拒绝' },
  { name: 'contactWorkingDays', label: '首次联系期限（工作日）', help: '签收后，调解员在此期限内首次联系当事人' },
] as const;

/** the host's field names (value.…, amounts in 分) → the form's */
const ALIASES: FieldAliases = {
  ...Object.fromEntries(LIMITS.map((l) => [`value.${l.name}`, l.name])),
  ...Object.fromEntries(
    KINDS.flatMap((k) => [
      [`value.subsidies.${k}.successFen`, `subsidies.${k}.success`],
      [`value.subsidies.${k}.failureFen`, `subsidies.${k}.failure`],
    ]),
  ),
};

const toForm = (v: Settings): Omit<Values, 'effectiveFrom'> => ({
  assignWorkingDays: v.assignWorkingDays,
  acceptWorkingDays: v.acceptWorkingDays,
  contactWorkingDays: v.contactWorkingDays,
  subsidies: Object.fromEntries(
    KINDS.map((k) => [k, { success: v.subsidies[k].successFen / 100, failure: v.subsidies[k].failureFen / 100 }]),
  ) as Values['subsidies'],
});

const toSettings = (v: Values): Settings => ({
  assignWorkingDays: v.assignWorkingDays,
  acceptWorkingDays: v.acceptWorkingDays,
  contactWorkingDays: v.contactWorkingDays,
  subsidies: Object.fromEntries(
    KINDS.map((k) => [k, { successFen: Math.round(v.subsidies[k].success * 100), failureFen: Math.round(v.subsidies[k].failure * 100) }]),
  ) as Settings['subsidies'],
});

/**
 * 调解设置: the centre's own response limits (working days) and the subsidy per mediator kind and outcome, dated —
 * a change applies from its date on; records before it keep the values in force on their own dates. The legal
 * mediation periods (30 / 15 / 7 days) are not settings: they come from the table of legal periods.
 */
export function MediationSettingsPage() {
  const { message } = AntApp.useApp();
  const s = useOperation(() => send('mediation.settings', {}), [], { keep: true });
  const [form] = Form.useForm<Values>();
  const [busy, run] = useSubmit();

  useEffect(() => {
    if (s.data) form.setFieldsValue({ ...toForm(s.data.current), effectiveFrom: dayjs() });
  }, [s.data, form]);

  const save = (v: Values) =>
    run(async () => {
      try {
        const saved = await send('mediation.saveSettings', { effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'), value: toSettings(v) });
        message.success(`已保存，自 ${saved.effectiveFrom} 起施行`);
        s.reload();
      } catch (err) {
        const rest = applyApiError(form, err, ALIASES);
        if (rest) message.error(rest);
      }
    });

  return (
    <>
      <PageHeader title="调解设置" />
      {s.error && <Alert type="error" showIcon title={s.error} />}
      {s.data && (
        <Typography.Paragraph type="secondary">
          现行设置{s.data.current.effectiveFrom ? `自 ${s.data.current.effectiveFrom} 起施行` : '为系统默认值（尚未保存过）'}
          。调解期限（委派三十日，委托十五日或简易程序七日）由法定期间表确定，不在此设置。
        </Typography.Paragraph>
      )}
      <Card size="small" title="修改设置">
        <Form<Values> form={form} layout="vertical" onFinish={save} style={{ maxWidth: 720 }}>
          <Form.Item name="effectiveFrom" label="施行日期" rules={[{ required: true, message: '请选择施行日期' }]}>
            <DatePicker />
          </Form.Item>
          {LIMITS.map((l) => (
            <Form.Item key={l.name} name={l.name} label={l.label} extra={l.help} rules={[{ required: true, message: `请填写${l.label}` }]}>
              <InputNumber min={1} max={30} precision={0} />
            </Form.Item>
          ))}
          <Typography.Title level={5}>调解补贴（每件，元）</Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="kind"
            dataSource={KINDS.map((kind) => ({ kind }))}
            columns={[
              { title: '调解员类别', key: 'label', render: (_: unknown, r: { kind: Kind }) => MEDIATOR_KINDS[r.kind] },
              ...(['success', 'failure'] as const).map((o) => ({
                title: o === 'success' ? '调解成功' : '调解不成',
                key: o,
                render: (_: unknown, r: { kind: Kind }) => (
                  <Form.Item name={['subsidies', r.kind, o]} noStyle rules={[{ required: true, message: '请填写金额' }]}>
                    <InputNumber
                      min={0}
                      max={100000}
                      precision={2}
                      addonAfter="元"
                      aria-label={`${MEDIATOR_KINDS[r.kind]}${o === 'success' ? '调解成功' : '调解不成'}补贴`}
                    />
                  </Form.Item>
                ),
              })),
            ]}
          />
          <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 16 }}>
            保存
          </Button>
        </Form>
      </Card>
      {s.data && s.data.history.length > 0 && (
        <Card size="small" title="历次设置" style={{ marginTop: 16 }}>
          <Table<History>
            size="small"
            pagination={false}
            rowKey="effectiveFrom"
            dataSource={s.data.history}
            columns={[
              { title: '施行日期', dataIndex: 'effectiveFrom', key: 'from', width: 120 },
              {
                title: '分派 / 接受 / 首次联系（工作日）',
                key: 'limits',
                width: 240,
                render: (_: unknown, h: History) =>
                  `${h.value.assignWorkingDays} / ${h.value.acceptWorkingDays} / ${h.value.contactWorkingDays}`,
              },
              {
                title: '补贴（成功 / 不成）',
                key: 'subsidies',
                render: (_: unknown, h: History) =>
                  KINDS.map((k) => (
                    <div key={k}>
                      {MEDIATOR_KINDS[k]}：{formatYuan(h.value.subsidies[k].successFen)} / {formatYuan(h.value.subsidies[k].failureFen)} 元
                    </div>
                  )),
              },
              { title: '保存时间', dataIndex: 'updatedAt', key: 'at', render: (v: string) => v.slice(0, 16).replace('T', ' ') },
            ]}
          />
        </Card>
      )}
    </>
  );
}
