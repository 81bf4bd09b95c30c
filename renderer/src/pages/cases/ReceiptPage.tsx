import { FileSearchOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Skeleton, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { QrCode } from '../../components/QrCode';
import { formatCaseCode, formatDateCn, numberLabel, personName } from '../../cases/labels';
import { formatFen } from '../../cases/money';
import { errorMessage, send } from '../../api/client';
import { useDocumentActions, type DocumentRecord } from '../../documents/useDocumentActions';
import { useSession } from '../../session/SessionProvider';
import { filedBy, partiesByRole, useCase } from './useCase';

const RECEIPT_TEMPLATE = 'case-receipt';

/** The case's registered 收案回执: the one already generated, or a new one generated now from the record. */
async function registeredReceipt(caseId: number): Promise<{ document: DocumentRecord; base64: string | null }> {
  const listed = await send('documents.list', { caseId, templateId: RECEIPT_TEMPLATE, page: 1, pageSize: 1 });
  const existing = listed.rows[0];
  if (existing) return { document: existing, base64: null };
  const r = await send('documents.generate', { caseId, templateId: RECEIPT_TEMPLATE, format: 'pdf' });
  return { document: r.document, base64: r.base64 };
}

/**
 * 收案回执: what the party takes home from the counter. The screen shows what the receipt says, for a check
 * at the counter; what prints (打印 or Ctrl+P) is the 收案回执 template generated from the record and recorded
 * in the document register like any document, with its QR code — one receipt per case, reprinted from the
 * register when the page is opened again.
 */
export function ReceiptPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { me } = useSession();
  const caseId = Number(id);
  const { view, error } = useCase(caseId);
  const [receipt, setReceipt] = useState<{ document: DocumentRecord; base64: string | null } | null>(null);
  const [receiptError, setReceiptError] = useState<string | null>(null);
  const actions = useDocumentActions(useCallback(() => undefined, []));

  useEffect(() => {
    let live = true;
    setReceipt(null);
    setReceiptError(null);
    registeredReceipt(caseId)
      .then((r) => live && setReceipt(r))
      .catch((err) => live && setReceiptError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [caseId]);

  const printing = useRef(false);
  const printReceipt = useCallback(async () => {
    if (!receipt || printing.current) return;
    printing.current = true;
    try {
      await actions.print(receipt.document, receipt.base64 ?? undefined);
    } finally {
      printing.current = false;
    }
  }, [receipt, actions]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'p') {
        e.preventDefault();
        void printReceipt();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [printReceipt]);

  useEffect(() => {
    if (view && receipt) document.querySelector<HTMLElement>('.receipt-print-button')?.focus();
  }, [view, receipt]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!view) return <Skeleton active />;

  const clerk = personName(filedBy(view)) || me?.user.displayName || '';
  const groups = partiesByRole(view);

  return (
    <div className="receipt-page">
      <div className="receipt-toolbar no-print">
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          className="receipt-print-button"
          disabled={!receipt}
          loading={!receipt && !receiptError}
          onClick={() => void printReceipt()}
        >
          打印（Ctrl+P）
        </Button>
        <Button icon={<FileSearchOutlined />} onClick={() => navigate(`/cases/${view.id}`)}>
          查看案件
        </Button>
        <Button icon={<PlusOutlined />} onClick={() => navigate('/cases/new')}>
          继续立案（F2）
        </Button>
        {receipt && (
          <Typography.Text type="secondary" data-testid="receipt-document">
            已登记为文书 {receipt.document.id} 号
          </Typography.Text>
        )}
      </div>
      {receiptError && <Alert type="error" showIcon role="alert" className="no-print" title={`收案回执未能生成：${receiptError}`} />}

      <article className="receipt-sheet" aria-label="收案回执">
        <header className="receipt-head">
          <div className="receipt-court">{me?.court.name}</div>
          <h1 className="receipt-title">收案回执</h1>
          <div className="receipt-number">
            {numberLabel(view.caseType)}：<span data-testid="receipt-number">{view.number}</span>
          </div>
        </header>

        <table className="receipt-table">
          <colgroup>
            <col style={{ width: '16%' }} />
            <col style={{ width: '40%' }} />
            <col style={{ width: '16%' }} />
            <col style={{ width: '28%' }} />
          </colgroup>
          <tbody>
            <tr>
              <th>案件类型</th>
              <td>
                {view.caseType}（{view.caseTypeLabel}）
              </td>
              <th>收案日期</th>
              <td>{formatDateCn(view.receivedOn)}</td>
            </tr>
            <tr>
              <th>当事人</th>
              <td colSpan={3}>
                {groups.map((g) => (
                  <div key={g.role}>
                    {g.role}：{g.names.join('、')}
                  </div>
                ))}
              </td>
            </tr>
            <tr>
              <th>案由</th>
              <td>{view.cause.name}</td>
              <th>争议金额</th>
              <td className="mono-number">{view.amountFen === null ? '—' : formatFen(view.amountFen)}</td>
            </tr>
            <tr>
              <th>收到材料</th>
              <td colSpan={3}>
                {view.materials.length === 0 ? (
                  '—'
                ) : (
                  <ol className="receipt-materials">
                    {view.materials.map((m) => (
                      <li key={m}>{m}</li>
                    ))}
                  </ol>
                )}
              </td>
            </tr>
          </tbody>
        </table>

        <section className="receipt-code">
          <QrCode text={view.code} size={132} className="receipt-qr" />
          <div className="receipt-code-text">
            <div className="receipt-code-label">案件码</div>
            <div className="receipt-code-value" data-testid="receipt-code">
              {formatCaseCode(view.code)}
            </div>
            <div className="receipt-code-note">来院办理本案事务时请出示本回执，窗口扫码即可调取本案。</div>
          </div>
        </section>

        <p className="receipt-statement">本院已收到上列材料。</p>

        <footer className="receipt-foot">
          <div>
            经办人：<span data-testid="receipt-clerk">{clerk}</span>
          </div>
          <div>
            {me?.court.name}
            <br />
            {formatDateCn(view.receivedOn)}
          </div>
        </footer>
      </article>
      {actions.previewModal}
    </div>
  );
}
