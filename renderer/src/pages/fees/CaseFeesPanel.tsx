import { CalculatorOutlined, PrinterOutlined, RollbackOutlined, SolutionOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage, send } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { formatFen } from '../../cases/money';
import { useSession } from '../../session/SessionProvider';
import { FeeNoticeModal, type QuoteRequest } from './FeeNoticeModal';
import { PAYMENT_ROLES, RELIEF_APPLY_ROLES } from './feeNavigation';
import { FOLLOW_UP_COLORS, requestedText, type CaseFees, type Quote, type ReliefView } from './feeLabels';
import { useGeneratedDocument } from './GeneratedDocument';
import { PaymentModal, type PaymentTarget } from './PaymentModal';
import { decisionText, ReliefDetails, ReliefDocumentButton, ReliefStatusTag } from './ReliefParts';
import { useFeeSchedule } from './useFeeSchedule';
import './fees.css';

/** The calculator with a case's request filled in. */
function calculatorLink(caseId: number, r: QuoteRequest): string {
  const p = new URLSearchParams({ kind: r.kind, caseId: String(caseId) });
  for (const a of r.amountsFen ?? []) p.append('amount', (a / 100).toFixed(2));
  if (r.procedure) p.set('procedure', r.procedure);
  return `/fees/calculator?${p.toString()}`;
}

/**
 * 诉讼费用 in the case view: the fee the case suggests (with 打印交费通知), its relief applications with
 * status, steps and decision documents, the relief granted as judgments state it, deferrals to follow up,
 * and payments and refunds (recorded by the counter).
 */
export function CaseFeesPanel({ caseId, caseNumber, onChanged }: { caseId: number; caseNumber: string; onChanged?: () => void }) {
  const session = useSession();
  const navigate = useNavigate();
  const { message, modal } = AntApp.useApp();
  const { schedule } = useFeeSchedule();
  // the fees and the quote of the fee the case suggests (shown on screen while a reload runs)
  const loaded = useOperation(
    async (): Promise<{ fees: CaseFees; quote: Quote | null }> => {
      const f = await send('fees.case', { caseId });
      return { fees: f, quote: f.suggested ? await send('fees.quote', f.suggested as QuoteRequest).catch(() => null) : null };
    },
    [caseId],
    { keep: true },
  );
  const fees = loaded.data?.fees ?? null;
  const quote = loaded.data?.quote ?? null;
  const error = loaded.error;
  const [noticeOpen, setNoticeOpen] = useState(false);
  const [paying, setPaying] = useState<PaymentTarget | null>(null);
  const generated = useGeneratedDocument(onChanged);
  const roles = session.me?.user.roles ?? [];
  const canApply = roles.some((r) => RELIEF_APPLY_ROLES.includes(r));
  const canPay = roles.some((r) => PAYMENT_ROLES.includes(r));

  const reloadFees = loaded.reload;
  const reload = useCallback(() => {
    reloadFees();
    onChanged?.();
  }, [reloadFees, onChanged]);

  const withdraw = (v: ReliefView) =>
    modal.confirm({
      title: `撤回${v.applicant.name}的${v.kindLabel}申请？`,
      content: '申请人撤回尚未决定的司法救助申请，记入案件时间线。',
      okText: '撤回',
      cancelText: '取消',
      onOk: async () => {
        try {
          await send('relief.withdraw', { applicationId: v.id });
          message.success('申请已撤回');
          reload();
        } catch (err) {
          message.error(errorMessage(err));
        }
      },
    });

  const suggested = (fees?.suggested ?? null) as QuoteRequest | null;

  return (
    <Card
      size="small"
      title="诉讼费用"
      className="case-card case-fees"
      extra={
        <Space size={6}>
          {canApply && (
            <Button size="small" icon={<SolutionOutlined />} onClick={() => navigate(`/fees/relief/new?caseId=${caseId}`)}>
              申请司法救助
            </Button>
          )}
          {quote && quote.feeFen > 0 && (
            <Button size="small" type="primary" icon={<PrinterOutlined />} onClick={() => setNoticeOpen(true)}>
              打印交费通知
            </Button>
          )}
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {fees && (
        <>
          <section className="fee-panel-section" aria-label="应交诉讼费用">
            <h5>应交诉讼费用</h5>
            {quote ? (
              <div>
                {quote.kindLabel}{' '}
                <strong className="mono-number" data-testid="case-fee">
                  {quote.feeText}
                </strong>
                <Typography.Text type="secondary">
                  （{quote.inWords}
                  {quote.amountFen !== null ? `，按 ${formatFen(quote.amountFen)} 计算` : ''}）
                </Typography.Text>{' '}
                <Button size="small" type="link" icon={<CalculatorOutlined />} onClick={() => navigate(calculatorLink(caseId, suggested!))}>
                  调整计算
                </Button>
              </div>
            ) : (
              <Typography.Text type="secondary">
                无法由本案自动确定计费方式，请用{' '}
                <Button size="small" type="link" onClick={() => navigate(`/fees/calculator?caseId=${caseId}`)}>
                  诉讼费计算
                </Button>
              </Typography.Text>
            )}
          </section>

          <section className="fee-panel-section" aria-label="司法救助">
            <h5>司法救助</h5>
            {fees.relief.length === 0 ? (
              <Typography.Text type="secondary">没有司法救助申请</Typography.Text>
            ) : (
              <Table<ReliefView>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={fees.relief}
                aria-label="本案司法救助申请"
                expandable={{ expandedRowRender: (v) => <ReliefDetails v={v} showCase={false} />, expandRowByClick: false }}
                columns={[
                  { title: '申请人', key: 'applicant', render: (_, v) => `${v.applicant.role} ${v.applicant.name}` },
                  { title: '申请', key: 'kind', render: (_, v) => `${v.kindLabel} · ${requestedText(v)}` },
                  { title: '应交', key: 'fee', align: 'right', className: 'mono-number', render: (_, v) => formatFen(v.feeFen) },
                  { title: '状态', key: 'status', render: (_, v) => <ReliefStatusTag v={v} /> },
                  { title: '决定', key: 'decision', render: (_, v) => decisionText(v) },
                  {
                    title: '',
                    key: 'actions',
                    render: (_, v) => (
                      <Space size={4}>
                        {v.decision && <ReliefDocumentButton v={v} onGenerated={generated.show} type="link" />}
                        {canApply && v.awaiting && (
                          <Button size="small" type="link" icon={<RollbackOutlined />} onClick={() => withdraw(v)}>
                            撤回
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]}
              />
            )}
            {fees.granted.length > 0 && (
              <ul className="fee-statements" aria-label="裁判文书应写明的救助">
                {fees.granted.map((g) => (
                  <li key={g.applicationId}>{g.statement}</li>
                ))}
              </ul>
            )}
          </section>

          {fees.deferrals.length > 0 && (
            <section className="fee-panel-section" aria-label="缓交">
              <h5>缓交</h5>
              {fees.deferrals.map((d) => (
                <div key={d.applicationId}>
                  {d.applicantName}缓交 <span className="mono-number">{formatFen(d.dueFen)}</span>，期限至 {d.deferredUntil}，已交{' '}
                  <span className="mono-number">{formatFen(d.paidFen)}</span> <Tag color={FOLLOW_UP_COLORS[d.state]}>{d.stateLabel}</Tag>
                  {d.flagged && <Tag color="volcano">已记入案件</Tag>}
                </div>
              ))}
            </section>
          )}

          <section className="fee-panel-section" aria-label="交费记录">
            <h5>
              交费记录
              {fees.payments.rows.length > 0 && (
                <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginLeft: 8 }}>
                  已交 {formatFen(fees.payments.paidFen)}
                  {fees.payments.refundedFen ? ` · 已退 ${formatFen(fees.payments.refundedFen)}` : ''}
                </Typography.Text>
              )}
            </h5>
            {fees.payments.rows.length > 0 && (
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={fees.payments.rows}
                aria-label="本案交费记录"
                columns={[
                  { title: '日期', className: 'no-wrap', dataIndex: 'paidOn', width: 110 },
                  {
                    title: '类型',
                    dataIndex: 'kind',
                    render: (k: string) => (k === 'refund' ? <Tag color="orange">退费</Tag> : <Tag color="green">交费</Tag>),
                  },
                  { title: '金额', dataIndex: 'amountFen', align: 'right', className: 'mono-number', render: (f: number) => formatFen(f) },
                  { title: '票据号', dataIndex: 'reference', render: (r: string | null) => r ?? '—' },
                  { title: '备注', dataIndex: 'note', render: (r: string | null) => r ?? '' },
                ]}
              />
            )}
            {canPay && (
              <Space style={{ marginTop: 8 }}>
                <Button size="small" onClick={() => setPaying({ caseId, caseNumber, kind: 'payment', deferrals: fees.deferrals })}>
                  登记交费
                </Button>
                <Button
                  size="small"
                  onClick={() => setPaying({ caseId, caseNumber, kind: 'refund' })}
                  disabled={fees.payments.paidFen <= fees.payments.refundedFen}
                >
                  登记退费
                </Button>
              </Space>
            )}
            {!canPay && fees.payments.rows.length === 0 && <Typography.Text type="secondary">没有交费记录</Typography.Text>}
          </section>
        </>
      )}
      <FeeNoticeModal
        open={noticeOpen}
        request={suggested}
        quote={quote}
        caseId={caseId}
        onClose={() => setNoticeOpen(false)}
        onGenerated={(g) => {
          setNoticeOpen(false);
          generated.show(g);
          onChanged?.();
        }}
      />
      {schedule && (
        <PaymentModal
          target={paying}
          today={schedule.on}
          onClose={() => setPaying(null)}
          onSaved={(text) => {
            setPaying(null);
            message.success(text);
            reload();
          }}
        />
      )}
      {generated.modal}
    </Card>
  );
}
