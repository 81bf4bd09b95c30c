import { Alert, Button, DatePicker, Divider, Form, Input, InputNumber, Modal, Radio, Result, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { send } from '../../api/client';
import { applyApiError } from '../../api/formErrors';
import { useSubmit } from '../../components/useSubmit';
import type { Generated } from './GeneratedDocument';
import { decisionText, ReliefDetails, ReliefDocumentButton } from './ReliefParts';
import type { ReliefView } from './feeLabels';

type Action = 'grant' | 'partial' | 'refuse' | 'return';

interface ActValues {
  action: Action;
  grantedPercent?: number;
  deferredUntil?: Dayjs;
  refusalReasons?: string;
  opinion?: string;
}

/** The form starts from the latest proposal of an earlier stage (its percentage and deferral date), if any. */
function initialActValues(v: ReliefView): Partial<ActValues> {
  const proposal = [...v.steps].reverse().find((s) => s.action === 'grant' || s.action === 'partial');
  if (!proposal) return { action: 'grant' };
  return {
    action: proposal.action === 'partial' ? 'partial' : 'grant',
    ...(proposal.action === 'partial' && proposal.grantedPercent !== null ? { grantedPercent: proposal.grantedPercent } : {}),
    ...(proposal.deferredUntil ? { deferredUntil: dayjs(proposal.deferredUntil) } : {}),
  };
}

/** The choices at a stage: a reviewer agrees or not; the last stage decides. */
function actionOptions(v: ReliefView) {
  const last = v.awaiting?.last ?? true;
  const first = (v.awaiting?.index ?? 0) === 0;
  return [
    { value: 'grant', label: last ? '准予' : '同意' },
    { value: 'partial', label: last ? '部分准予' : '部分同意' },
    { value: 'refuse', label: last ? '不予批准' : '不同意' },
    { value: 'return', label: '退回重新审查', disabled: first },
  ];
}

/**
 * The approval dialog of one stage: the application in full, the previous opinions, and this stage's
 * opinion — grant, partial grant (percent), refusal (written reasons required, 办法 art. 48) or return.
 * After the last stage the decision shows with 生成决定书. Ctrl+Enter submits.
 */
export function ReliefActModal({
  application,
  deferralDays,
  onClose,
  onActed,
  onGenerated,
}: {
  application: ReliefView | null;
  deferralDays: number;
  onClose: () => void;
  onActed: (v: ReliefView) => void;
  onGenerated: (g: Generated) => void;
}) {
  const [form] = Form.useForm<ActValues>();
  const [busy, run] = useSubmit();
  const [error, setError] = useState<string | null>(null);
  const [decided, setDecided] = useState<ReliefView | null>(null);
  const action = Form.useWatch('action', form);
  const v = application;
  const last = v?.awaiting?.last ?? true;

  useEffect(() => {
    if (!application) {
      setDecided(null);
      setError(null);
    }
  }, [application]);

  const submit = (values: ActValues) =>
    run(async () => {
      if (!v) return;
      setError(null);
      try {
        // a reviewer's percentage and date are recorded with the step as a proposal; the last stage's decide
        const after = await send('relief.act', {
          applicationId: v.id,
          action: values.action,
          opinion: values.opinion?.trim() ?? '',
          ...(values.action === 'partial' ? { grantedPercent: values.grantedPercent } : {}),
          ...(values.deferredUntil && (values.action === 'grant' || values.action === 'partial')
            ? { deferredUntil: values.deferredUntil.format('YYYY-MM-DD') }
            : {}),
          ...(values.action === 'refuse' ? { refusalReasons: values.refusalReasons } : {}),
        });
        onActed(after);
        if (after.decision) setDecided(after);
        else onClose();
      } catch (err) {
        setError(applyApiError(form, err));
      }
    });

  const partialRange = v?.kind === 'defer' ? [1, 99] : [30, v?.kind === 'reduce' && v.requestedPercent ? v.requestedPercent - 1 : 99];
  const title = v ? `${v.awaiting?.label ?? '审批'}：${v.applicant.name}申请${v.kindLabel}诉讼费用` : '';

  return (
    <Modal
      open={v !== null}
      title={decided ? '决定已作出' : title}
      width={720}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      footer={
        decided ? (
          <Space>
            <Button onClick={onClose}>关闭</Button>
            <ReliefDocumentButton
              v={decided}
              size="middle"
              type="primary"
              onGenerated={(g) => {
                onClose();
                onGenerated(g);
              }}
            />
          </Space>
        ) : (
          <Space>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" loading={busy} onClick={() => form.submit()}>
              提交意见
            </Button>
          </Space>
        )
      }
    >
      {decided ? (
        <Result
          status={decided.status === 'refused' ? 'warning' : 'success'}
          title={`${decided.applicant.name}：${decisionText(decided)}`}
          subTitle={
            decided.status === 'refused'
              ? '请生成《不予批准司法救助申请通知书》送达申请人'
              : `请生成《${decided.decision?.documentTitle ?? '决定书'}》送达申请人`
          }
        />
      ) : (
        v && (
          <>
            <ReliefDetails v={v} />
            <Divider titlePlacement="start" plain>
              本阶段意见
            </Divider>
            {error && <Alert type="error" showIcon title={error} role="alert" className="page-alert" />}
            <Form<ActValues>
              form={form}
              layout="vertical"
              name="relief-act"
              requiredMark={false}
              initialValues={initialActValues(v)}
              onFinish={submit}
              onKeyDown={(e) => {
                if (e.key !== 'Enter') return;
                if (e.ctrlKey || e.metaKey) {
                  e.preventDefault();
                  form.submit();
                } else if ((e.target as HTMLElement).tagName === 'INPUT') {
                  // a decision is submitted on purpose (Ctrl+Enter or the button), never by Enter in the date field
                  e.preventDefault();
                }
              }}
            >
              <Form.Item name="action" label="意见">
                <Radio.Group optionType="button" options={actionOptions(v)} />
              </Form.Item>
              {action === 'partial' && (
                <Form.Item
                  name="grantedPercent"
                  label={v.kind === 'defer' ? '缓交的比例' : '准予减免的比例'}
                  extra={`${partialRange[0]}% 至 ${partialRange[1]}%${v.kind !== 'defer' ? '（减交不得低于 30%）' : ''}`}
                  rules={[{ required: true, message: '请填写准予的比例' }]}
                >
                  <InputNumber min={1} max={100} precision={0} suffix="%" style={{ width: 140 }} />
                </Form.Item>
              )}
              {v.kind === 'defer' && (action === 'grant' || action === 'partial') && (
                <Form.Item
                  name="deferredUntil"
                  label={last ? '缓交期限' : '建议缓交期限'}
                  extra={v.requestedUntil ? `不填：按申请缓交至 ${v.requestedUntil}` : `不填：自今日起 ${deferralDays} 日`}
                >
                  <DatePicker format="YYYY-MM-DD" style={{ width: 180 }} />
                </Form.Item>
              )}
              {action === 'refuse' && (
                <Form.Item
                  name="refusalReasons"
                  label="不予批准的理由（书面说明，写入通知书）"
                  rules={[
                    { required: true, whitespace: true, message: '不予批准须书面说明理由' },
                    { min: 10, message: '理由至少 10 个字' },
                  ]}
                >
                  <Input.TextArea rows={3} maxLength={2000} placeholder="如：申请人提交的证明材料不足以证明其确有经济困难" />
                </Form.Item>
              )}
              <Form.Item name="opinion" label="意见说明">
                <Input.TextArea rows={2} maxLength={2000} />
              </Form.Item>
            </Form>
          </>
        )
      )}
    </Modal>
  );
}
