import { DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Skeleton,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { errorMessage, send, type Input as ApiInput, type Output } from '../../api/client';
import { applyApiError } from '../../api/formErrors';
import { formatFen, parseYuan } from '../../cases/money';
import { isModalOpen, isPrimaryModifier } from '../../components/keyboard';
import { PageHeader } from '../../components/PageHeader';
import { useSubmit } from '../../components/useSubmit';
import { findCaseByNumber, firstPayer, type CaseView } from './caseLookup';
import type { QuoteRequest } from './FeeNoticeModal';
import type { Quote } from './feeLabels';
import type { ReliefKind } from '../../../../core/fees/grounds';
import { useFeeSchedule } from './useFeeSchedule';
import './fees.css';

type Grounds = Output<'relief.grounds'>;

interface ApplyValues {
  number: string;
  casePartyId?: number;
  kind: ReliefKind;
  ground?: string;
  reasons?: string;
  evidence: { kind?: string; name?: string }[];
  fee?: string;
  requestedPercent?: number;
  requestedUntil?: Dayjs;
  appliedOn: Dayjs;
}

/** the API names → the form's */
const ALIASES = { feeFen: 'fee', quote: 'fee' } as const;

/**
 * 司法救助登记: a relief application on a case (办法 arts. 44–49) — the case by 案号, the applicant from its
 * parties (免交 only for natural persons: an organisation sees why), the kind, the statutory ground with its
 * article item (其他 needs written reasons), the evidence, the fee (the case's suggested quote, or typed),
 * the reduction asked (≥ 30 %) or the date a deferral is asked until. Ctrl+Enter saves.
 */
export function ReliefApplyPage() {
  const { schedule } = useFeeSchedule();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ApplyValues>();
  const [grounds, setGrounds] = useState<Grounds | null>(null);
  const [view, setView] = useState<CaseView | null>(null);
  const [suggested, setSuggested] = useState<{ request: QuoteRequest; quote: Quote } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, run] = useSubmit();
  const kind = Form.useWatch('kind', form);
  const ground = Form.useWatch('ground', form);
  const partyId = Form.useWatch('casePartyId', form);
  const today = schedule?.on ?? dayjs().format('YYYY-MM-DD');

  useEffect(() => {
    send('relief.grounds', {})
      .then(setGrounds)
      .catch((err) => setError(errorMessage(err)));
  }, []);

  const kinds = grounds?.kinds ?? [];
  const kindInfo = kinds.find((k) => k.id === kind);
  const applicant = view?.parties.find((p) => p.casePartyId === partyId);
  const organisation = applicant?.party.kind === 'organisation';

  /** The case's suggested fee (fees.case → fees.quote), offered as the fee. */
  const loadCase = useCallback(
    async (c: CaseView) => {
      setView(c);
      form.setFieldsValue({ number: c.number, casePartyId: firstPayer(c)?.casePartyId });
      setSuggested(null);
      try {
        const fees = await send('fees.case', { caseId: c.id });
        if (fees.suggested) {
          const request = fees.suggested as QuoteRequest;
          const quote = await send('fees.quote', request);
          if (quote.feeFen > 0) {
            setSuggested({ request, quote });
            if (!form.getFieldValue('fee')) form.setFieldValue('fee', (quote.feeFen / 100).toFixed(2));
          }
        }
      } catch {
        // without a suggestion the clerk types the fee
      }
    },
    [form],
  );

  useEffect(() => {
    const id = params.get('caseId');
    if (id && /^\d+$/.test(id)) {
      send('cases.get', { id: Number(id) })
        .then(loadCase)
        .catch((err) => setError(errorMessage(err)));
    }
  }, [params, loadCase]);

  const lookUp = async () => {
    const number = (form.getFieldValue('number') as string | undefined)?.trim();
    if (!number || number === view?.number) return view;
    const c = await findCaseByNumber(form, 'number', number);
    if (c) await loadCase(c);
    return c;
  };

  const submit = (v: ApplyValues) =>
    run(async () => {
      setError(null);
      try {
        const c = await lookUp();
        if (!c) return;
        const fee = parseYuan(v.fee, '应交诉讼费用');
        const useQuote = suggested && fee.ok && fee.fen === suggested.quote.feeFen;
        const input: ApiInput<'relief.apply'> = {
          caseId: c.id,
          casePartyId: v.casePartyId ?? firstPayer(c)!.casePartyId,
          kind: v.kind,
          ground: v.ground ?? '',
          reasons: v.reasons,
          evidence: (v.evidence ?? []).filter((e) => e.name?.trim()).map((e) => ({ name: e.name!.trim(), kind: e.kind ?? '其他' })),
          ...(useQuote ? { quote: suggested.request } : fee.ok && fee.fen ? { feeFen: fee.fen } : {}),
          ...(v.kind === 'reduce' && v.requestedPercent !== undefined && v.requestedPercent !== null
            ? { requestedPercent: v.requestedPercent }
            : {}),
          ...(v.kind === 'defer' && v.requestedUntil ? { requestedUntil: v.requestedUntil.format('YYYY-MM-DD') } : {}),
          appliedOn: v.appliedOn.format('YYYY-MM-DD'),
        };
        const app = await send('relief.apply', input);
        message.success(`已登记${app.applicant.name}的${app.kindLabel}申请（编号 ${app.id}），待“${app.awaiting?.label ?? '审查'}”`);
        navigate(`/cases/${app.caseId}`);
      } catch (err) {
        setError(applyApiError(form, err, ALIASES));
      }
    });

  // Ctrl+Enter saves from anywhere on the page
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && isPrimaryModifier(e) && !isModalOpen()) {
        e.preventDefault();
        form.submit();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [form]);

  const initialValues = useMemo<Partial<ApplyValues>>(() => ({ kind: 'defer', evidence: [{ kind: '困难证明', name: '' }] }), []);
  // the date the desk's host counts by
  useEffect(() => {
    if (schedule) form.setFieldValue('appliedOn', dayjs(schedule.on));
  }, [schedule, form]);

  if (!grounds && !error) return <Skeleton active />;

  const kindOptions = kinds.map((k) => ({
    value: k.id,
    label: k.label,
    disabled: k.id === 'waive' && organisation,
  }));

  return (
    <div className="relief-apply">
      <PageHeader
        title="司法救助登记"
        extra={
          <Typography.Text type="secondary" className="shortcut-hint">
            <kbd>Ctrl</kbd>+<kbd>Enter</kbd> 登记
          </Typography.Text>
        }
      />
      {error && <Alert type="error" showIcon title={error} role="alert" className="page-alert" />}
      <Form<ApplyValues>
        form={form}
        layout="vertical"
        name="relief-apply"
        initialValues={initialValues}
        onFinish={submit}
        requiredMark={false}
        onValuesChange={(changed) => {
          if (changed.kind) form.setFieldsValue({ ground: undefined });
        }}
      >
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Card size="small" title="案件与申请人" className="fee-card">
              <Form.Item
                name="number"
                label="案号"
                rules={[{ required: true, whitespace: true, message: '请填写案号' }]}
                extra={view ? `${view.caseTypeLabel} · ${view.cause.name} · 收案 ${view.receivedOn}` : '输入案号后按 Tab 带出当事人'}
              >
                <Input
                  autoFocus={!params.get('caseId')}
                  autoComplete="off"
                  placeholder="如（2026）浙0522民初1234号"
                  onBlur={() => void lookUp().catch((err) => setError(errorMessage(err)))}
                  onChange={() => view && setView(null)}
                />
              </Form.Item>
              <Form.Item name="casePartyId" label="申请人" rules={[{ required: true, message: '请选择申请人' }]}>
                <Select
                  placeholder={view ? '选择本案当事人' : '请先输入案号'}
                  disabled={!view}
                  options={(view?.parties ?? []).map((p) => ({
                    value: p.casePartyId,
                    label: `${p.role}：${p.party.name}（${p.party.kind === 'person' ? '自然人' : '单位'}）`,
                  }))}
                />
              </Form.Item>
              <Form.Item
                name="kind"
                label="救助种类"
                extra={
                  organisation
                    ? `${applicant?.party.name}是单位：免交只适用于自然人（《诉讼费用交纳办法》第四十四条、第四十五条），可申请减交或缓交`
                    : kind === 'defer'
                      ? '缓交应在起诉时申请，在决定立案前作出决定（第四十九条）'
                      : undefined
                }
              >
                <Radio.Group optionType="button" options={kindOptions} />
              </Form.Item>
              <Form.Item
                name="ground"
                label="申请事由"
                rules={[{ required: true, message: '请选择申请事由' }]}
                extra={
                  kindInfo && ground
                    ? `${kindInfo.article}${kindInfo.grounds.find((g) => g.id === ground)?.item ?? ''}：${kindInfo.grounds.find((g) => g.id === ground)?.label ?? ''}`
                    : kindInfo?.article
                }
              >
                <Select
                  placeholder="选择法定事由"
                  options={(kindInfo?.grounds ?? []).map((g) => ({ value: g.id, label: `${g.item} ${g.label}` }))}
                  popupMatchSelectWidth={false}
                />
              </Form.Item>
              <Form.Item
                name="reasons"
                label={ground === 'other' ? '具体理由（必填）' : '具体理由'}
                rules={[{ required: ground === 'other', whitespace: true, message: '以“其他情形”申请的，须写明具体困难情形' }]}
              >
                <Input.TextArea rows={3} maxLength={2000} placeholder="申请人陈述的困难情形" />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title="证明材料与金额" className="fee-card">
              <Form.List name="evidence">
                {(fields, { add, remove }, { errors }) => (
                  <div role="group" aria-label="证明材料">
                    <div className="ant-form-item-label">
                      <label>证明材料（第四十八条：足以证明确有经济困难的材料）</label>
                    </div>
                    {fields.map((f, i) => (
                      <div key={f.key} className="relief-evidence-row">
                        <Form.Item name={[f.name, 'kind']} style={{ width: 150 }}>
                          <Select
                            aria-label={`第 ${i + 1} 份材料种类`}
                            options={(grounds?.evidenceKinds ?? []).map((k) => ({ value: k, label: k }))}
                          />
                        </Form.Item>
                        <Form.Item name={[f.name, 'name']} style={{ flex: 1 }}>
                          <Input aria-label={`第 ${i + 1} 份材料名称`} placeholder="材料名称，如 长兴县民政局低保证明" maxLength={100} />
                        </Form.Item>
                        {fields.length > 1 && (
                          <Button
                            type="text"
                            icon={<DeleteOutlined />}
                            aria-label={`删除第 ${i + 1} 份材料`}
                            onClick={() => remove(f.name)}
                          />
                        )}
                      </div>
                    ))}
                    <Form.ErrorList errors={errors} />
                    <Button
                      type="dashed"
                      icon={<PlusOutlined />}
                      onClick={() => add({ kind: '其他', name: '' })}
                      style={{ marginBottom: 16 }}
                    >
                      添加证明材料
                    </Button>
                  </div>
                )}
              </Form.List>
              <Form.Item
                name="fee"
                label="应交诉讼费用（元）"
                validateTrigger={['onChange', 'onBlur']}
                rules={[
                  {
                    validator: async (_, value: string | undefined) => {
                      const r = parseYuan(value, '应交诉讼费用');
                      if (!r.ok) throw new Error(r.message);
                      if (!r.fen) throw new Error('请填写应交诉讼费用');
                    },
                  },
                ]}
                extra={
                  suggested
                    ? `按案件计算：${suggested.quote.kindLabel} ${formatFen(suggested.quote.feeFen)}（${suggested.quote.inWords}）`
                    : '按“诉讼费计算”的结果填写'
                }
              >
                <Input inputMode="decimal" className="mono-number" suffix="元" style={{ width: 220 }} autoComplete="off" />
              </Form.Item>
              {kind === 'reduce' && (
                <Form.Item
                  name="requestedPercent"
                  label="申请减交比例"
                  extra="减交比例不得低于 30%（第四十六条）"
                  rules={[{ required: true, message: '请填写申请减交的比例' }]}
                >
                  <InputNumber min={1} max={99} precision={0} suffix="%" style={{ width: 140 }} />
                </Form.Item>
              )}
              {kind === 'defer' && (
                <Form.Item name="requestedUntil" label="申请缓交至" extra="可不填：由审批确定缓交期限">
                  <DatePicker format="YYYY-MM-DD" style={{ width: 180 }} disabledDate={(d) => d.format('YYYY-MM-DD') <= today} />
                </Form.Item>
              )}
              <Form.Item name="appliedOn" label="申请日期" rules={[{ required: true, message: '请选择申请日期' }]}>
                <DatePicker
                  format="YYYY-MM-DD"
                  allowClear={false}
                  style={{ width: 180 }}
                  disabledDate={(d) => d.format('YYYY-MM-DD') > today}
                />
              </Form.Item>
              {view && (
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'parties', label: '本案当事人', children: view.parties.map((p) => `${p.role}${p.party.name}`).join('、') },
                  ]}
                />
              )}
            </Card>
          </Col>
        </Row>
        <div className="form-actions">
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={busy}>
            登记申请
          </Button>
        </div>
      </Form>
    </div>
  );
}
