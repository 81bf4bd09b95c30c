import { CalculatorOutlined, DeleteOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Col, Empty, Form, Input, Radio, Row, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiCallError, errorMessage, send } from '../../api/client';
import { formatFen, parseYuan } from '../../cases/money';
import { isModalOpen, isPrimaryModifier } from '../../components/keyboard';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session/SessionProvider';
import { CASE_READER_ROLES } from '../../cases/access';
import { formFieldOf, MAX_CLAIMS, requestOf, type CalcValues, type Procedure } from './calculator';
import { FeeNoticeModal, type QuoteRequest } from './FeeNoticeModal';
import { useGeneratedDocument } from './GeneratedDocument';
import { STRONG_STEPS, type FeeKindInfo, type FeeSchedule, type Quote } from './feeLabels';
import { useFeeSchedule } from './useFeeSchedule';
import './fees.css';

const DEBOUNCE_MS = 120;

function groupedKinds(schedule: FeeSchedule) {
  const option = (k: FeeKindInfo) => ({ value: k.id, label: k.label });
  return [
    { label: '案件受理费', options: schedule.kinds.filter((k) => k.acceptance).map(option) },
    { label: '申请费及其他', options: schedule.kinds.filter((k) => !k.acceptance).map(option) },
  ];
}

/**
 * 诉讼费计算: the fee as you type — kind, amount(s) in 元 (several claims added together), procedure,
 * closing and counterclaim where they apply — with the breakdown (each slice, each rule, the legal basis),
 * the amount in words, and 打印交费通知. Keyboard: the amount has the focus (most quotes are of a property case;
 * Shift+Tab reaches the kind), Alt+N adds a claim, Ctrl+P prints the notice.
 */
export function FeeCalculatorPage() {
  const { schedule, error: scheduleError } = useFeeSchedule();
  const session = useSession();
  const [params] = useSearchParams();
  const [form] = Form.useForm<CalcValues>();
  const values = Form.useWatch((v: CalcValues) => v, { form, preserve: true });
  const [quote, setQuote] = useState<{ quote: Quote; request: QuoteRequest } | null>(null);
  const [hint, setHint] = useState<string | null>('请选择费用种类');
  const [failure, setFailure] = useState<string | null>(null);
  const [calculating, setCalculating] = useState(false);
  const [noticeOpen, setNoticeOpen] = useState(false);
  const serverErrors = useRef<NonNullable<ReturnType<typeof formFieldOf>>[]>([]);
  const seq = useRef(0);
  const generated = useGeneratedDocument();
  const canPrint = session.me?.user.roles.some((r) => CASE_READER_ROLES.includes(r)) ?? false;
  const caseParam = params.get('caseId');
  const presetCaseId = caseParam && /^\d+$/.test(caseParam) ? Number(caseParam) : undefined;

  const kinds = useMemo(() => new Map((schedule?.kinds ?? []).map((k) => [k.id, k])), [schedule]);
  const kind = values?.kind ? kinds.get(values.kind) : undefined;

  const initialValues = useMemo<CalcValues>(() => {
    const k = params.get('kind') as CalcValues['kind'] | null;
    const amounts = params.getAll('amount');
    const procedure = params.get('procedure') as Procedure | null;
    return {
      kind: k ?? 'property',
      claims: amounts.length ? amounts.map((amount) => ({ amount })) : [{ amount: '' }],
      procedure: procedure ?? 'ordinary',
      closing: 'judgment',
      counterclaim: false,
      withNonPropertyClaims: false,
    };
    // the URL's request is the starting point only
  }, [params]);

  // the quote follows the form: debounced, and only the latest answer counts
  useEffect(() => {
    if (!values || !schedule) return;
    const { request, hint: why, claimRows } = requestOf(values, kind);
    setHint(why);
    if (!request) {
      // an answer still on its way is for an amount no longer on the form: it must not show
      seq.current++;
      setCalculating(false);
      setQuote(null);
      setFailure(null);
      return;
    }
    const n = ++seq.current;
    setCalculating(true);
    const timer = setTimeout(() => {
      send('fees.quote', request)
        .then((q) => {
          if (n !== seq.current) return;
          if (serverErrors.current.length) form.setFields(serverErrors.current.map((name) => ({ name, errors: [] })));
          serverErrors.current = [];
          setQuote({ quote: q, request });
          setFailure(null);
        })
        .catch((err: unknown) => {
          if (n !== seq.current) return;
          setQuote(null);
          const placed: NonNullable<ReturnType<typeof formFieldOf>>[] = [];
          if (err instanceof ApiCallError) {
            for (const issue of err.issues) {
              const name = formFieldOf(issue.field, claimRows);
              if (name) {
                form.setFields([{ name, errors: [issue.message] }]);
                placed.push(name);
              }
            }
          }
          serverErrors.current = placed;
          setFailure(placed.length ? null : errorMessage(err));
        })
        .finally(() => n === seq.current && setCalculating(false));
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [values, schedule, kind, form]);

  const addClaim = useCallback(() => {
    const claims = (form.getFieldValue('claims') as CalcValues['claims'] | undefined) ?? [];
    if (claims.length >= MAX_CLAIMS) return;
    form.setFieldValue('claims', [...claims, { amount: '' }]);
    requestAnimationFrame(() => form.focusField(['claims', claims.length, 'amount']));
  }, [form]);

  const openNotice = useCallback(() => {
    if (quote && quote.quote.feeFen > 0 && canPrint) setNoticeOpen(true);
  }, [quote, canPrint]);

  // Alt+N: another claim (property cases); Ctrl+P: the fee notice (not the browser's print of the page)
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isModalOpen()) return;
      if (e.altKey && !e.ctrlKey && (e.key === 'n' || e.key === 'N' || e.code === 'KeyN') && values?.kind === 'property') {
        e.preventDefault();
        addClaim();
      } else if (isPrimaryModifier(e) && (e.key === 'p' || e.key === 'P')) {
        e.preventDefault();
        openNotice();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [addClaim, openNotice, values?.kind]);

  const onValuesChange = (changed: Partial<CalcValues>) => {
    if (!changed.kind) return;
    const k = kinds.get(changed.kind);
    const v = form.getFieldsValue();
    // what no longer applies goes back to its default, so the quote never uses a hidden control
    const patch: Partial<CalcValues> = {};
    if (changed.kind !== 'property') {
      if ((v.claims?.length ?? 0) > 1) patch.claims = v.claims.slice(0, 1);
      patch.withNonPropertyClaims = false;
    }
    if (!k?.smallClaims && v.procedure === 'small-claims') patch.procedure = 'ordinary';
    if (changed.kind !== 'preservation') patch.preserved = '';
    if (!k?.acceptance) Object.assign(patch, { procedure: 'ordinary', closing: 'judgment', counterclaim: false });
    if (Object.keys(patch).length) form.setFieldsValue(patch);
  };

  if (scheduleError) return <Alert type="error" showIcon title={scheduleError} />;
  if (!schedule) return <Skeleton active />;

  const property = values?.kind === 'property';
  const amountLabel = kind?.amountLabel ?? '金额';
  const q = quote?.quote ?? null;

  return (
    <div className="fee-calculator">
      <PageHeader
        title="诉讼费计算"
        extra={
          <Typography.Text type="secondary" className="shortcut-hint">
            {property && (
              <>
                <kbd>Alt</kbd>+<kbd>N</kbd> 添加一项请求 ·{' '}
              </>
            )}
            <kbd>Ctrl</kbd>+<kbd>P</kbd> 打印交费通知
          </Typography.Text>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card size="small" title="计费" className="fee-card">
            <Form<CalcValues>
              form={form}
              layout="vertical"
              initialValues={initialValues}
              onValuesChange={onValuesChange}
              requiredMark={false}
              name="fee-calculator"
            >
              <Form.Item name="kind" label="费用种类">
                <Select showSearch={{ optionFilterProp: 'label' }} options={groupedKinds(schedule)} popupMatchSelectWidth={false} />
              </Form.Item>
              {kind && kind.amount !== 'none' && (
                <Form.List name="claims">
                  {(fields, { remove }) => (
                    <div className="fee-claims" role="group" aria-label={property ? '诉讼请求金额' : amountLabel}>
                      {fields.map((f, i) =>
                        property || i === 0 ? (
                          <Space key={f.key} align="start" className="fee-claim-row">
                            <Form.Item
                              name={[f.name, 'amount']}
                              label={
                                property
                                  ? fields.length > 1
                                    ? `第 ${i + 1} 项诉讼请求金额（元）`
                                    : `${amountLabel}（元）`
                                  : `${amountLabel}（元）${kind.amount === 'optional' ? '（可不填）' : ''}`
                              }
                              validateTrigger={['onChange', 'onBlur']}
                              rules={[
                                {
                                  validator: async (_, v: string | undefined) => {
                                    const r = parseYuan(v, amountLabel);
                                    if (!r.ok) throw new Error(r.message);
                                    if (r.fen === 0) throw new Error(`${amountLabel}须大于 0 元`);
                                  },
                                },
                              ]}
                              extra={<ClaimEcho index={i} />}
                            >
                              <Input
                                autoFocus={i === 0}
                                inputMode="decimal"
                                maxLength={24}
                                placeholder="如 150000"
                                className="mono-number fee-amount-input"
                                suffix="元"
                                autoComplete="off"
                              />
                            </Form.Item>
                            {property && fields.length > 1 && (
                              <Button
                                className="fee-claim-remove"
                                type="text"
                                icon={<DeleteOutlined />}
                                aria-label={`删除第 ${i + 1} 项诉讼请求`}
                                onClick={() => remove(f.name)}
                              />
                            )}
                          </Space>
                        ) : null,
                      )}
                      {property && (
                        <Button
                          type="dashed"
                          icon={<PlusOutlined />}
                          onClick={addClaim}
                          disabled={fields.length >= MAX_CLAIMS}
                          className="fee-add-claim"
                        >
                          添加一项诉讼请求（金额合并计算）
                        </Button>
                      )}
                    </div>
                  )}
                </Form.List>
              )}
              {kind?.id === 'preservation' && (
                <Form.Item
                  name="preserved"
                  label={`${schedule.preservedLabel}（元）（保全后填写）`}
                  extra="按申请的数额预收，按实际保全的数额结算（《诉讼费用交纳办法》第十四条第（二）项），多退少补"
                  validateTrigger={['onChange', 'onBlur']}
                  rules={[
                    {
                      validator: async (_, v: string | undefined) => {
                        const r = parseYuan(v, '实际保全的财产数额');
                        if (!r.ok) throw new Error(r.message);
                        if (r.fen === 0) throw new Error('实际保全的财产数额须大于 0 元');
                      },
                    },
                  ]}
                >
                  <Input
                    inputMode="decimal"
                    maxLength={24}
                    placeholder="如 300000"
                    className="mono-number fee-amount-input"
                    suffix="元"
                    autoComplete="off"
                  />
                </Form.Item>
              )}
              {kind?.acceptance && (
                <>
                  <Form.Item name="procedure" label="审理程序">
                    <Radio.Group
                      optionType="button"
                      options={schedule.procedures
                        .filter((p) => kind.smallClaims || p.id !== 'small-claims')
                        .map((p) => ({ value: p.id, label: p.label }))}
                    />
                  </Form.Item>
                  <Form.Item name="closing" label="结案方式" extra="立案时按判决计算；以调解、撤诉结案的减半交纳">
                    <Radio.Group optionType="button" options={schedule.closings.map((c) => ({ value: c.id, label: c.label }))} />
                  </Form.Item>
                  <Form.Item name="counterclaim" valuePropName="checked" className="fee-check">
                    <Checkbox>反诉（与本诉合并审理，减半交纳）</Checkbox>
                  </Form.Item>
                </>
              )}
              {property && (
                <Form.Item name="withNonPropertyClaims" valuePropName="checked" className="fee-check">
                  <Checkbox>同时有非财产性诉讼请求（按财产案件标准交纳）</Checkbox>
                </Form.Item>
              )}
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            size="small"
            title={
              <Space>
                <CalculatorOutlined />
                计算结果
                {calculating && <Typography.Text type="secondary">计算中…</Typography.Text>}
              </Space>
            }
            className="fee-card fee-result"
            extra={
              canPrint && (
                <Button type="primary" icon={<PrinterOutlined />} disabled={!q || q.feeFen === 0} onClick={openNotice}>
                  打印交费通知
                </Button>
              )
            }
          >
            {failure && <Alert type="error" showIcon title={failure} role="alert" className="page-alert" />}
            {!q ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={hint ?? '请更正左侧标红的内容'} /> : <QuoteResult quote={q} />}
          </Card>
        </Col>
      </Row>
      <FeeNoticeModal
        open={noticeOpen}
        request={quote?.request ?? null}
        quote={q}
        caseId={presetCaseId}
        onClose={() => setNoticeOpen(false)}
        onGenerated={(g) => {
          setNoticeOpen(false);
          generated.show(g);
        }}
      />
      {generated.modal}
    </div>
  );
}

/** Under an amount: how it was read (￥150,000.00), so a slip of the finger shows at once. */
function ClaimEcho({ index }: { index: number }) {
  const form = Form.useFormInstance<CalcValues>();
  const raw = Form.useWatch(['claims', index, 'amount'], form) as string | undefined;
  const r = parseYuan(raw);
  return r.ok && r.fen ? <span className="mono-number">{formatFen(r.fen)}</span> : null;
}

/** The fee, in figures and in words, the breakdown and the notes. */
export function QuoteResult({ quote, compact = false }: { quote: Quote; compact?: boolean }) {
  return (
    <div className="fee-quote">
      <div className="fee-figure">
        <span className="fee-total mono-number" data-testid="fee-total">
          {quote.feeText}
        </span>
        <span className="fee-words" data-testid="fee-words">
          {quote.inWords}
        </span>
      </div>
      <div className="fee-kind">
        {quote.kindLabel}
        {quote.amountFen !== null && <span className="mono-number">（计费金额 {formatFen(quote.amountFen)}）</span>}
        {quote.rules.map((r) => (
          <Tag key={r} className="fee-rule-tag">
            {RULE_LABELS[r.split(':')[0]!] ?? r}
          </Tag>
        ))}
      </div>
      {quote.settlement && (
        <Alert
          type={quote.settlement.direction === 'none' ? 'info' : 'warning'}
          showIcon
          className="fee-settlement"
          data-testid="fee-settlement"
          title={
            quote.settlement.direction === 'refund'
              ? `应退还申请人 ${formatFen(quote.settlement.differenceFen)}`
              : quote.settlement.direction === 'collect'
                ? `应向申请人补收 ${formatFen(quote.settlement.differenceFen)}`
                : '预收与结算数额相同，不退不补'
          }
          description={`按申请保全的数额预收 ${formatFen(quote.settlement.advanceFen)}，按实际保全的 ${formatFen(quote.settlement.preservedFen)} 结算为 ${formatFen(quote.settlement.settledFen)}`}
        />
      )}
      <Table
        size="small"
        className="fee-breakdown"
        aria-label="计算过程"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={quote.breakdown}
        rowClassName={(l) => (STRONG_STEPS.has(l.step) ? 'fee-step-strong' : '')}
        columns={[
          { title: '项目', dataIndex: 'label', key: 'label' },
          { title: '计算', dataIndex: 'formula', key: 'formula', className: 'mono-number', render: (f?: string) => f ?? '—', width: 170 },
          { title: '金额（元）', dataIndex: 'yuan', key: 'yuan', align: 'right', className: 'mono-number', width: 110 },
          ...(compact
            ? []
            : [{ title: '依据', dataIndex: 'basis', key: 'basis', className: 'fee-basis', width: 170, render: (b?: string) => b ?? '' }]),
        ]}
      />
      {quote.notes.length > 0 && (
        <ul className="fee-notes" aria-label="说明">
          {quote.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

const RULE_LABELS: Record<string, string> = {
  halved: '减半',
  cap: '封顶',
  third: '三分之一',
  half: '减半',
  free: '免收',
  settled: '按实际保全结算',
};
