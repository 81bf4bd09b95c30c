import { App as AntApp, Descriptions, Form, Input, Select, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { send, type Input as ApiInput } from '../../api/client';
import { formatFen } from '../../cases/money';
import { askWithModal, generateAsking } from '../../documents/generate';
import { FormModal } from '../../components/FormModal';
import { findCaseByNumber, firstPayer, partyOptions, type CaseView } from './caseLookup';
import type { Generated } from './GeneratedDocument';
import type { Quote } from './feeLabels';

export type QuoteRequest = Omit<ApiInput<'fees.quote'>, 'on'>;

interface NoticeValues {
  number?: string;
  casePartyId?: number;
  addressee?: string;
}

/**
 * 打印交费通知: the fee notice (templates/fee-notice.txt) for the quote on screen, for a case chosen by its
 * 案号 — the addressee one of its parties — or for no case (the addressee typed). Keyboard: type the 案号,
 * Enter generates it (the first 原告 / 申请人 is the addressee unless another is chosen).
 */
export function FeeNoticeModal({
  open,
  request,
  quote,
  caseId,
  onClose,
  onGenerated,
}: {
  open: boolean;
  request: QuoteRequest | null;
  quote: Quote | null;
  /** a case chosen beforehand (the case view's panel) */
  caseId?: number | undefined;
  onClose: () => void;
  onGenerated: (g: Generated) => void;
}) {
  const [form] = Form.useForm<NoticeValues>();
  const { modal } = AntApp.useApp();
  const [view, setView] = useState<CaseView | null>(null);
  const loadedNumber = useRef<string | null>(null);

  useEffect(() => {
    if (!open) {
      setView(null);
      loadedNumber.current = null;
      return;
    }
    if (caseId === undefined) return;
    let live = true;
    void send('cases.get', { id: caseId }).then((v) => {
      if (!live) return;
      setView(v);
      loadedNumber.current = v.number;
      form.setFieldsValue({ number: v.number, casePartyId: firstPayer(v)?.casePartyId });
    });
    return () => {
      live = false;
    };
  }, [open, caseId, form]);

  /** The case of the 案号 in the field (looked up once per number); null: no case; undefined: not found. */
  const resolveCase = async (): Promise<CaseView | null | undefined> => {
    const number = (form.getFieldValue('number') as string | undefined)?.trim() ?? '';
    if (!number) {
      setView(null);
      loadedNumber.current = null;
      return null;
    }
    if (view && loadedNumber.current === number) return view;
    const found = await findCaseByNumber(form, 'number', number);
    if (!found) return undefined;
    setView(found);
    loadedNumber.current = number;
    form.setFieldsValue({ casePartyId: firstPayer(found)?.casePartyId });
    return found;
  };

  const submit = async (v: NoticeValues) => {
    if (!request) return;
    const c = await resolveCase();
    if (c === undefined) return;
    // the host builds the notice from the quote and the record (no data from here), and asks before a duplicate
    const generated = await generateAsking(
      'fees.generateNotice',
      {
        ...request,
        format: 'pdf',
        ...(c
          ? { caseId: c.id, casePartyId: (form.getFieldValue('casePartyId') as number | undefined) ?? firstPayer(c)?.casePartyId }
          : { addressee: v.addressee }),
      },
      askWithModal(modal),
    );
    if (generated) onGenerated(generated);
  };

  return (
    <FormModal<NoticeValues>
      open={open}
      title="打印交纳诉讼费用通知书"
      okText="生成通知书"
      form={form}
      width={560}
      onSubmit={submit}
      onClose={onClose}
    >
      {quote && (
        <Descriptions
          size="small"
          column={1}
          className="fee-notice-summary"
          items={[
            { key: 'kind', label: '费用', children: quote.kindLabel },
            {
              key: 'fee',
              label: '金额',
              children: (
                <span className="mono-number">
                  {formatFen(quote.feeFen)}（{quote.inWords}）
                </span>
              ),
            },
          ]}
        />
      )}
      <Form.Item
        name="number"
        label="案号"
        extra={
          view
            ? `${view.cause.name} · ${view.parties.map((p) => `${p.role}${p.party.name}`).join('、')}`
            : '可不填：不填写案号时通知书不写案号，请填写受通知人'
        }
      >
        <Input
          placeholder="如（2026）浙0522民初1234号"
          autoComplete="off"
          disabled={caseId !== undefined}
          onBlur={() => void resolveCase().catch(() => undefined)}
          onChange={() => {
            if (view) {
              setView(null);
              loadedNumber.current = null;
            }
          }}
        />
      </Form.Item>
      {view ? (
        <Form.Item name="casePartyId" label="受通知人" rules={[{ required: true, message: '请选择受通知人' }]}>
          <Select options={partyOptions(view)} />
        </Form.Item>
      ) : (
        <Form.Item
          name="addressee"
          label="受通知人"
          dependencies={['number']}
          rules={[
            {
              validator: async (_, value: string | undefined) => {
                const number = (form.getFieldValue('number') as string | undefined)?.trim();
                if (!number && !value?.trim()) throw new Error('没有案号时请填写受通知人（交费的当事人）');
              },
            },
          ]}
        >
          <Input placeholder="交费的当事人姓名或名称" maxLength={100} />
        </Form.Item>
      )}
      <Typography.Paragraph type="secondary" className="modal-note">
        通知书写明金额（大写）、计算过程、本院收款账户和自接到通知次日起 7 日内交纳的期限，生成后登记在文书登记中。
      </Typography.Paragraph>
    </FormModal>
  );
}
