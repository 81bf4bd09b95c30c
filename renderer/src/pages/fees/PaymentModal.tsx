import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { send } from '../../api/client';
import { formatFen, parseYuan } from '../../cases/money';
import { FormModal } from '../../components/FormModal';
import type { FollowUp } from './feeLabels';

interface PaymentValues {
  amount: string;
  paidOn: Dayjs;
  applicationId?: number;
  reference?: string;
  note?: string;
}

export interface PaymentTarget {
  caseId: number;
  caseNumber: string;
  kind: 'payment' | 'refund';
  /** deferrals of the case a payment may settle */
  deferrals?: FollowUp[];
  /** the deferral to settle, chosen beforehand (缓交跟踪) */
  applicationId?: number;
  /** the amount to offer (what is outstanding) */
  amountFen?: number;
}

/** 登记交费 / 登记退费 on a case; a payment may settle a granted deferral. */
export function PaymentModal({
  target,
  today,
  onClose,
  onSaved,
}: {
  target: PaymentTarget | null;
  today: string;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const [form] = Form.useForm<PaymentValues>();
  const refund = target?.kind === 'refund';
  const deferrals = (target?.deferrals ?? []).filter((d) => d.state !== 'paid' || d.applicationId === target?.applicationId);

  const submit = async (v: PaymentValues) => {
    if (!target) return;
    const amount = parseYuan(v.amount, '金额');
    if (!amount.ok || !amount.fen) return;
    await send('fees.recordPayment', {
      caseId: target.caseId,
      kind: target.kind,
      amountFen: amount.fen,
      paidOn: v.paidOn.format('YYYY-MM-DD'),
      ...(v.applicationId ? { applicationId: v.applicationId } : {}),
      reference: v.reference,
      note: v.note,
    });
    onSaved(`已登记${refund ? '退费' : '交费'} ${formatFen(amount.fen)}（${target.caseNumber}）`);
  };

  return (
    <FormModal<PaymentValues>
      open={target !== null}
      title={`${refund ? '登记退费' : '登记交费'} · ${target?.caseNumber ?? ''}`}
      okText="登记"
      form={form}
      initialValues={{
        amount: target?.amountFen ? (target.amountFen / 100).toFixed(2) : '',
        paidOn: dayjs(today),
        ...(target?.applicationId ? { applicationId: target.applicationId } : {}),
      }}
      onSubmit={submit}
      onClose={onClose}
    >
      <Form.Item
        name="amount"
        label={`${refund ? '退费' : '交费'}金额（元）`}
        validateTrigger={['onChange', 'onBlur']}
        rules={[
          {
            validator: async (_, value: string | undefined) => {
              const r = parseYuan(value, '金额');
              if (!r.ok) throw new Error(r.message);
              if (!r.fen) throw new Error('请填写金额（大于 0 元）');
            },
          },
        ]}
      >
        <Input inputMode="decimal" className="mono-number" suffix="元" autoComplete="off" />
      </Form.Item>
      <Form.Item name="paidOn" label={refund ? '退费日期' : '交费日期'} rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker format="YYYY-MM-DD" allowClear={false} disabledDate={(d) => d.format('YYYY-MM-DD') > today} style={{ width: 180 }} />
      </Form.Item>
      {!refund && deferrals.length > 0 && (
        <Form.Item name="applicationId" label="对应的缓交" extra="补交缓交的诉讼费用时选择，缓交跟踪随之更新">
          <Select
            allowClear
            placeholder="不对应缓交"
            options={deferrals.map((d) => ({
              value: d.applicationId,
              label: `${d.applicantName}：缓交 ${formatFen(d.dueFen)}，至 ${d.deferredUntil}（未交 ${formatFen(d.outstandingFen)}）`,
            }))}
          />
        </Form.Item>
      )}
      <Form.Item name="reference" label="票据号">
        <Input maxLength={60} autoComplete="off" />
      </Form.Item>
      <Form.Item name="note" label="备注">
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
