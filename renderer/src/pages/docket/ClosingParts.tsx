import { App as AntApp, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage, send, type Input as ApiInput, type Output } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { formatFen } from '../../cases/money';
import { FormModal } from '../../components/FormModal';
import { askWithModal, generateAsking } from '../../documents/generate';
import { CLOSE_METHOD_LABELS } from '../../../../core/docket/meta';
import { useGeneratedDocument } from '../fees/GeneratedDocument';

type View = NonNullable<Output<'docket.case'>>;
type Method = ApiInput<'docket.close'>['method'];
type Borne = 'defendants' | 'plaintiffs' | 'split';

interface Values {
  method: Method;
  closedOn: Dayjs;
  clerk?: string;
  result?: string;
  judgment?: {
    kind: string;
    elements: Record<string, string | number | Dayjs | null>;
    claims: string;
    reasoning: string;
    orders: string;
    feeBorneBy: Borne;
    plaintiffYuan?: number;
  };
  mediation?: { terms: string; feeBorneBy: Borne; plaintiffYuan?: number };
  withdrawal?: { appliedOn: Dayjs };
  transfer?: { reason: string };
}

const lines = (s: string | undefined) =>
  (s ?? '')
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);
const fen = (yuan: number | undefined) => (yuan === undefined || yuan === null ? undefined : Math.round(yuan * 100));

function FeeBorne({ path }: { path: 'judgment' | 'mediation' }) {
  return (
    <>
      <Form.Item name={[path, 'feeBorneBy']} label="案件受理费负担" rules={[{ required: true, message: '请选择' }]}>
        <Radio.Group
          options={[
            { value: 'defendants', label: '被告负担' },
            { value: 'plaintiffs', label: '原告负担' },
            { value: 'split', label: '双方分担' },
          ]}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {(f) =>
          f.getFieldValue([path, 'feeBorneBy']) === 'split' && (
            <Form.Item name={[path, 'plaintiffYuan']} label="其中原告负担（元）" rules={[{ required: true, message: '请填写' }]}>
              <InputNumber min={0} precision={2} />
            </Form.Item>
          )
        }
      </Form.Item>
    </>
  );
}

/** 结案: the method, and what its document states — the elements of a judgment, the terms of a mediation, the date of a withdrawal. */
export function CloseModal({ open, view, onClose, onDone }: { open: boolean; view: View; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const sets = useOperation(open ? () => send('docket.elementSets') : null, [open]);
  const method = Form.useWatch('method', form);
  const kind = Form.useWatch(['judgment', 'kind'], form);
  const set = sets.data?.sets.find((s) => s.kind === kind);
  const submit = async (v: Values) => {
    const base = { caseId: view.caseId, method: v.method, closedOn: v.closedOn.format('YYYY-MM-DD'), clerk: v.clerk, result: v.result };
    let extra: Partial<ApiInput<'docket.close'>> = {};
    if (v.method === 'judgment' && v.judgment) {
      const elements: Record<string, string | number> = {};
      for (const e of set?.elements ?? []) {
        const x = v.judgment.elements?.[e.key];
        if (x === undefined || x === null || x === '') continue;
        elements[e.key] =
          e.type === 'fen'
            ? fen(x as number)!
            : e.type === 'date'
              ? (x as Dayjs).format('YYYY-MM-DD')
              : e.type === 'number'
                ? (x as number)
                : String(x);
      }
      extra = {
        judgment: {
          kind: v.judgment.kind as 'private-loan',
          elements,
          claims: lines(v.judgment.claims),
          reasoning: v.judgment.reasoning,
          orders: lines(v.judgment.orders),
          feeBorneBy: v.judgment.feeBorneBy,
          plaintiffFen: fen(v.judgment.plaintiffYuan),
        },
      };
    } else if (v.method === 'mediation' && v.mediation) {
      extra = {
        mediation: { terms: lines(v.mediation.terms), feeBorneBy: v.mediation.feeBorneBy, plaintiffFen: fen(v.mediation.plaintiffYuan) },
      };
    } else if (v.method === 'withdrawal' && v.withdrawal) {
      extra = { withdrawal: { appliedOn: v.withdrawal.appliedOn.format('YYYY-MM-DD') } };
    } else if (v.method === 'transfer' && v.transfer) {
      extra = { transfer: { reason: v.transfer.reason } };
    }
    await send('docket.close', { ...base, ...extra });
    form.resetFields();
    onDone();
  };
  return (
    <FormModal<Values>
      open={open}
      title="结案"
      form={form}
      width={760}
      okText="结案"
      onClose={onClose}
      onSubmit={submit}
      initialValues={{
        closedOn: dayjs(),
        ...(view.judgmentKind
          ? { judgment: { kind: view.judgmentKind, feeBorneBy: 'defendants', elements: {}, claims: '', reasoning: '', orders: '' } }
          : {}),
        mediation: { feeBorneBy: 'defendants', terms: '' },
      }}
    >
      <Form.Item name="method" label="结案方式" rules={[{ required: true, message: '请选择结案方式' }]}>
        <Select options={Object.entries(CLOSE_METHOD_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="closedOn" label="结案日期" rules={[{ required: true, message: '请选择结案日期' }]}>
        <DatePicker />
      </Form.Item>
      {method && method !== 'transfer' && (
        <Form.Item name="clerk" label="书记员" rules={[{ required: true, whitespace: true, message: '请填写书记员' }]}>
          <Input maxLength={20} style={{ maxWidth: 200 }} />
        </Form.Item>
      )}
      {method === 'judgment' && (
        <>
          <Form.Item name={['judgment', 'kind']} label="要素表" rules={[{ required: true, message: '请选择要素表' }]}>
            <Select options={(sets.data?.sets ?? []).map((s) => ({ value: s.kind, label: s.label }))} />
          </Form.Item>
          <Form.Item
            name={['judgment', 'claims']}
            label="诉讼请求（每行一项）"
            rules={[{ required: true, whitespace: true, message: '请填写诉讼请求' }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          {set && (
            <Card size="small" title={`${set.label}要素`} style={{ marginBottom: 12 }}>
              {set.elements.map((e) => (
                <Form.Item
                  key={e.key}
                  name={['judgment', 'elements', e.key]}
                  label={e.label + (e.type === 'fen' ? '（元）' : e.unit ? `（${e.unit}）` : '')}
                  rules={e.required ? [{ required: true, message: `请填写${e.label}` }] : []}
                >
                  {e.type === 'fen' ? (
                    <InputNumber min={0} precision={2} style={{ width: 200 }} />
                  ) : e.type === 'number' ? (
                    <InputNumber min={0} max={e.max ?? undefined} precision={2} style={{ width: 200 }} />
                  ) : e.type === 'date' ? (
                    <DatePicker />
                  ) : (
                    <Input />
                  )}
                </Form.Item>
              ))}
            </Card>
          )}
          <Form.Item
            name={['judgment', 'reasoning']}
            label="本院认为"
            rules={[{ required: true, whitespace: true, message: '请填写本院认为' }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item
            name={['judgment', 'orders']}
            label="判决主文（每行一项）"
            rules={[{ required: true, whitespace: true, message: '请填写判决主文' }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
          <FeeBorne path="judgment" />
        </>
      )}
      {method === 'mediation' && (
        <>
          <Form.Item
            name={['mediation', 'terms']}
            label="调解协议（每行一条）"
            rules={[{ required: true, whitespace: true, message: '请填写调解协议' }]}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
          <FeeBorne path="mediation" />
        </>
      )}
      {method === 'withdrawal' && (
        <Form.Item name={['withdrawal', 'appliedOn']} label="原告申请撤诉的日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
      )}
      {method === 'transfer' && (
        <Form.Item
          name={['transfer', 'reason']}
          label="转为普通程序的理由"
          rules={[{ required: true, whitespace: true, message: '请填写理由' }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      )}
      {method === 'deemed-withdrawal' && (
        <Typography.Paragraph type="secondary">
          须已向原告发出交纳诉讼费用通知书且交纳期限届满、未交费、无待审批的司法救助申请（解释第二百一十三条）。
        </Typography.Paragraph>
      )}
      <Form.Item name="result" label="结案情况（可不填，按文书内容记录）">
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}

const DOCUMENT_LABELS: Record<string, string> = {
  'docket-judgment': '生成判决书',
  'docket-mediation-paper': '生成调解书',
  'docket-ruling-withdrawal': '生成准许撤诉裁定书',
  'docket-ruling-deemed-withdrawal': '生成按撤诉处理裁定书',
};

/** The closing: method, date, result, the fee settled; the closing document generated from the record. */
export function ClosingCard({ view, onChanged }: { view: View; onChanged: () => void }) {
  const { message, modal } = AntApp.useApp();
  const generated = useGeneratedDocument(onChanged);
  const [busy, setBusy] = useState(false);
  const c = view.closing;
  if (!view.closedOn) return null;
  const templateId = c?.templateId ?? null;
  return (
    <Card
      size="small"
      title="结案"
      className="case-card"
      data-testid="docket-closing"
      extra={
        templateId && (
          <Button
            type="primary"
            size="small"
            loading={busy}
            onClick={async () => {
              setBusy(true);
              try {
                const r = await generateAsking(
                  'documents.generate',
                  { caseId: view.caseId, templateId, format: 'pdf' },
                  askWithModal(modal),
                );
                if (r) generated.show(r);
              } catch (err) {
                message.error(errorMessage(err));
              } finally {
                setBusy(false);
              }
            }}
          >
            {DOCUMENT_LABELS[templateId] ?? '生成文书'}
          </Button>
        )
      }
    >
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'm', label: '结案方式', children: CLOSE_METHOD_LABELS[view.closeMethod ?? ''] },
          { key: 'd', label: '结案日期', children: view.closedOn },
          { key: 'r', label: '结案情况', children: view.closeResult, span: 2 },
          ...(c
            ? [
                { key: 'fee', label: '案件受理费', children: formatFen(c.feeFen) },
                { key: 'paid', label: '已预交', children: formatFen(c.paidFen) },
                { key: 'refund', label: '应退还', children: formatFen(c.refundFen) },
                {
                  key: 'burden',
                  label: '负担',
                  children: c.burden.map((b) => `${b.role}${b.names} ${formatFen(b.fen)}`).join('；') || '—',
                },
                { key: 'rule', label: '结算依据', children: <Typography.Text type="secondary">{c.feeRule}</Typography.Text>, span: 2 },
              ]
            : []),
        ]}
      />
      {generated.modal}
    </Card>
  );
}
