import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { errorMessage, send, type Input as ApiInput } from '../../api/client';
import { applyApiError } from '../../api/formErrors';
import { PageHeader } from '../../components/PageHeader';
import { useSubmit } from '../../components/useSubmit';
import { ROLE_KEYS, ROLES } from '../../labels';
import type { FeeSchedule, FeeSettings } from './feeLabels';
import './fees.css';

type Update = ApiInput<'fees.updateSettings'>;
type ProvincialSet = FeeSettings['provincial'][number];
type ItemKey = keyof ProvincialSet['amounts'];

interface SettingsValues {
  provincial: { effectiveFrom: Dayjs; source: string; amounts: Record<ItemKey, number> }[];
  rounding: NonNullable<Update['rounding']>;
  paymentAccount: { payee?: string; bank?: string; accountNo?: string; note?: string };
  chain: { label: string; role: string }[];
  deferralDays: number;
  reminderDays: number;
  reliefTiming: { effectiveFrom: Dayjs; source: string; until: { waive: Limit; reduce: Limit; defer: Limit }; deferDecidedBy: Limit }[];
}

type Limit = 'receipt' | 'notice-deadline';
const LIMIT_OPTIONS: { value: Limit; label: string }[] = [
  { value: 'receipt', label: '收案时为止' },
  { value: 'notice-deadline', label: '交费通知的交纳期限届满前' },
];
const TIMING_KINDS = [
  { key: 'waive', label: '免交申请' },
  { key: 'reduce', label: '减交申请' },
  { key: 'defer', label: '缓交申请' },
] as const;

/**
 * 诉讼费设置 (admin): the provincial amounts within the 办法's ranges, each set with the date it took effect
 * (a quote uses the set in force on its date; older sets stay for older records), the rounding rule, the
 * account printed on the fee notice, the relief approval chain, the default deferral term and the reminder.
 */
export function FeeSettingsPage() {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<SettingsValues>();
  const [ranges, setRanges] = useState<FeeSchedule['provincialRanges'] | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, run] = useSubmit();

  const load = (s: FeeSettings) => {
    form.setFieldsValue({
      provincial: s.provincial.map((p) => ({ effectiveFrom: dayjs(p.effectiveFrom), source: p.source, amounts: { ...p.amounts } })),
      rounding: s.rounding,
      paymentAccount: s.paymentAccount,
      chain: s.chain,
      deferralDays: s.deferralDays,
      reminderDays: s.reminderDays,
      reliefTiming: s.reliefTiming.map((p) => ({ ...p, effectiveFrom: dayjs(p.effectiveFrom), until: { ...p.until } })),
    });
    setLoaded(true);
  };

  useEffect(() => {
    Promise.all([send('fees.settings', {}), send('fees.schedule', {})])
      .then(([s, schedule]) => {
        setRanges(schedule.provincialRanges);
        load(s);
      })
      .catch((err) => setError(errorMessage(err)));
    // loads once
  }, []);

  const submit = (v: SettingsValues) =>
    run(async () => {
      setError(null);
      try {
        const saved = await send('fees.updateSettings', {
          provincial: v.provincial.map((p) => ({
            effectiveFrom: p.effectiveFrom.format('YYYY-MM-DD'),
            source: p.source,
            amounts: p.amounts,
          })),
          rounding: v.rounding,
          paymentAccount: v.paymentAccount,
          chain: v.chain as Update['chain'],
          deferralDays: v.deferralDays,
          reminderDays: v.reminderDays,
          reliefTiming: v.reliefTiming.map((p) => ({ ...p, effectiveFrom: p.effectiveFrom.format('YYYY-MM-DD') })),
        });
        load(saved);
        message.success('诉讼费设置已保存');
      } catch (err) {
        setError(applyApiError(form, err));
      }
    });

  if (!ranges && !error) return <Skeleton active />;
  const items = Object.entries(ranges ?? {}) as [ItemKey, FeeSchedule['provincialRanges'][ItemKey]][];

  return (
    <div className="fee-settings">
      <PageHeader title="诉讼费设置" />
      {error && <Alert type="error" showIcon title={error} role="alert" className="page-alert" />}
      <Form<SettingsValues> form={form} layout="vertical" name="fee-settings" onFinish={submit} requiredMark={false} disabled={!loaded}>
        <Card size="small" title="本省诉讼费用标准（《诉讼费用交纳办法》规定幅度内）">
          <Typography.Paragraph type="secondary">
            每套标准自施行日期起适用；计算某日的诉讼费用时使用当日有效的一套。修改标准请新增一套并填写施行日期，原有标准保留以便核对过去的计算。
          </Typography.Paragraph>
          <Form.List name="provincial">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <div key={f.key} className="fee-settings-set" role="group" aria-label={`第 ${i + 1} 套标准`}>
                    <Row gutter={12}>
                      <Col xs={24} md={6}>
                        <Form.Item
                          name={[f.name, 'effectiveFrom']}
                          label="施行日期"
                          rules={[{ required: true, message: '请选择施行日期' }]}
                        >
                          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={fields.length > 1 ? 16 : 18}>
                        <Form.Item
                          name={[f.name, 'source']}
                          label="依据（文件名称）"
                          rules={[{ required: true, whitespace: true, message: '请填写标准的依据' }]}
                        >
                          <Input maxLength={200} placeholder="如 浙江省物价局、财政厅关于诉讼费用交纳标准的通知" />
                        </Form.Item>
                      </Col>
                      {fields.length > 1 && (
                        <Col xs={24} md={2}>
                          <Button
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={`删除第 ${i + 1} 套标准`}
                            onClick={() => remove(f.name)}
                            style={{ marginTop: 30 }}
                          />
                        </Col>
                      )}
                    </Row>
                    <Row gutter={12}>
                      {items.map(([key, r]) => (
                        <Col xs={24} sm={12} lg={8} key={key}>
                          <Form.Item
                            name={[f.name, 'amounts', key]}
                            label={`${r.label}（${r.min}–${r.max} 元）`}
                            tooltip={r.basis}
                            rules={[
                              { required: true, message: '请填写金额' },
                              { type: 'number', min: r.min, max: r.max, message: `应在 ${r.min} 元至 ${r.max} 元之间` },
                            ]}
                          >
                            <InputNumber min={0} precision={2} suffix="元" style={{ width: '100%' }} />
                          </Form.Item>
                        </Col>
                      ))}
                    </Row>
                  </div>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => {
                    const last = (form.getFieldValue('provincial') as SettingsValues['provincial'] | undefined)?.at(-1);
                    add({ effectiveFrom: dayjs(), source: '', amounts: { ...(last?.amounts ?? {}) } });
                  }}
                >
                  新增一套标准（新的施行日期）
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <Row gutter={16} style={{ marginTop: 16 }}>
          <Col xs={24} lg={12}>
            <Card size="small" title="取整规则">
              <Form.Item name={['rounding', 'unit']} label="取整到">
                <Radio.Group
                  options={[
                    { value: 'fen', label: '分' },
                    { value: 'yuan', label: '元' },
                  ]}
                />
              </Form.Item>
              <Form.Item name={['rounding', 'mode']} label="方式" extra="只在计算的最后取整一次">
                <Radio.Group
                  options={[
                    { value: 'half-up', label: '四舍五入' },
                    { value: 'down', label: '舍去' },
                  ]}
                />
              </Form.Item>
            </Card>
            <Card size="small" title="收款账户（印在交纳诉讼费用通知书上）" className="fee-card">
              <Form.Item name={['paymentAccount', 'payee']} label="收款单位">
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name={['paymentAccount', 'bank']} label="开户银行">
                <Input maxLength={100} />
              </Form.Item>
              <Form.Item name={['paymentAccount', 'accountNo']} label="账号" extra="不填账号时，通知书写“请到本院诉讼服务中心交费窗口交纳”">
                <Input maxLength={40} className="mono-number" />
              </Form.Item>
              <Form.Item name={['paymentAccount', 'note']} label="交费说明">
                <Input.TextArea rows={2} maxLength={500} placeholder="如 也可扫描诉讼服务中心窗口的缴费二维码交纳。" />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title="司法救助审批流程">
              <Typography.Paragraph type="secondary">
                按顺序审批，最后一个阶段的意见即为决定；同一申请的各阶段须由不同人员办理。
              </Typography.Paragraph>
              <Form.List name="chain">
                {(fields, { add, remove }) => (
                  <>
                    {fields.map((f, i) => (
                      <Space key={f.key} align="start" role="group" aria-label={`第 ${i + 1} 阶段`} style={{ display: 'flex' }}>
                        <Form.Item
                          name={[f.name, 'label']}
                          label={`第 ${i + 1} 阶段`}
                          rules={[{ required: true, whitespace: true, message: '请填写阶段名称' }]}
                        >
                          <Input maxLength={20} style={{ width: 180 }} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'role']} label="办理角色" rules={[{ required: true, message: '请选择角色' }]}>
                          <Select
                            style={{ width: 140 }}
                            options={ROLE_KEYS.filter((r) => r !== 'admin').map((r) => ({ value: r, label: ROLES[r] }))}
                          />
                        </Form.Item>
                        {fields.length > 1 && (
                          <Button
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={`删除第 ${i + 1} 阶段`}
                            onClick={() => remove(f.name)}
                            style={{ marginTop: 30 }}
                          />
                        )}
                      </Space>
                    ))}
                    {fields.length < 4 && (
                      <div>
                        <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: '', role: 'approver' })}>
                          添加阶段
                        </Button>
                      </div>
                    )}
                  </>
                )}
              </Form.List>
            </Card>
            <Card size="small" title="缓交" className="fee-card">
              <Form.Item name="deferralDays" label="默认缓交期限（天）" extra="申请未写缓交期限、审批也未指定时，自决定之日起计算">
                <InputNumber min={1} max={365} precision={0} suffix="天" style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name="reminderDays" label="到期提醒（天）" extra="到期前这些天内，缓交跟踪显示为“即将到期”">
                <InputNumber min={0} max={60} precision={0} suffix="天" style={{ width: 160 }} />
              </Form.Item>
            </Card>
          </Col>
        </Row>
        <Card size="small" title="司法救助申请期间（免交、减交、缓交一律适用）" className="fee-card">
          <Typography.Paragraph type="secondary">
            《诉讼费用交纳办法》第四十八条、第四十九条规定起诉时申请、缓交在决定立案前决定；诉前调解不成后才通知交费的，可规定在交费通知的交纳期限届满前申请。每项规定自施行日期起适用，交费通知书中关于申请司法救助的一句按当日有效的规定生成。
          </Typography.Paragraph>
          <Form.List name="reliefTiming">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f, i) => (
                  <div key={f.key} className="fee-settings-set" role="group" aria-label={`第 ${i + 1} 项申请期间规定`}>
                    <Row gutter={12}>
                      <Col xs={24} md={6}>
                        <Form.Item
                          name={[f.name, 'effectiveFrom']}
                          label="施行日期"
                          rules={[{ required: true, message: '请选择施行日期' }]}
                        >
                          <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col xs={24} md={fields.length > 1 ? 16 : 18}>
                        <Form.Item
                          name={[f.name, 'source']}
                          label="依据"
                          rules={[{ required: true, whitespace: true, message: '请填写依据' }]}
                        >
                          <Input maxLength={300} />
                        </Form.Item>
                      </Col>
                      {fields.length > 1 && (
                        <Col xs={24} md={2}>
                          <Button
                            type="text"
                            danger
                            icon={<DeleteOutlined />}
                            aria-label={`删除第 ${i + 1} 项申请期间规定`}
                            onClick={() => remove(f.name)}
                            style={{ marginTop: 30 }}
                          />
                        </Col>
                      )}
                    </Row>
                    <Row gutter={12}>
                      {TIMING_KINDS.map((k) => (
                        <Col xs={24} sm={12} lg={6} key={k.key}>
                          <Form.Item name={[f.name, 'until', k.key]} label={`${k.label}受理至`}>
                            <Select options={LIMIT_OPTIONS} />
                          </Form.Item>
                        </Col>
                      ))}
                      <Col xs={24} sm={12} lg={6}>
                        <Form.Item name={[f.name, 'deferDecidedBy']} label="缓交决定作出至">
                          <Select options={LIMIT_OPTIONS} />
                        </Form.Item>
                      </Col>
                    </Row>
                  </div>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add({
                      effectiveFrom: undefined,
                      source: '',
                      until: { waive: 'notice-deadline', reduce: 'notice-deadline', defer: 'notice-deadline' },
                      deferDecidedBy: 'notice-deadline',
                    })
                  }
                >
                  新增一项规定
                </Button>
              </>
            )}
          </Form.List>
        </Card>
        <div className="form-actions">
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy}>
            保存设置
          </Button>
        </div>
      </Form>
    </div>
  );
}
