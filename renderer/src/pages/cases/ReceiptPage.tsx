import { FileSearchOutlined, PlusOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Skeleton } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { useNavigate, useParams } from 'react-router';
import { QrCode } from '../../components/QrCode';
import { formatCaseCode, formatDateCn, numberLabel, personName } from '../../cases/labels';
import { formatFen } from '../../cases/money';
import { useSession } from '../../session/SessionProvider';
import { filedBy, partiesByRole, useCase } from './useCase';

/**
 * 收案回执: what the party takes home from the counter. An A4 page that prints on its own (the app's
 * header and menu are hidden in print), with the case code in large type and as a QR code.
 */
export function ReceiptPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const { me } = useSession();
  const { view, error } = useCase(Number(id));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'p') {
        e.preventDefault();
        window.print();
      }
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, []);

  useEffect(() => {
    if (view) document.querySelector<HTMLElement>('.receipt-print-button')?.focus();
  }, [view]);

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!view) return <Skeleton active />;

  const clerk = personName(filedBy(view)) || me?.user.displayName || '';
  const groups = partiesByRole(view);

  return (
    <div className="receipt-page">
      <div className="receipt-toolbar no-print">
        <Button type="primary" icon={<PrinterOutlined />} className="receipt-print-button" onClick={() => window.print()}>
          打印（Ctrl+P）
        </Button>
        <Button icon={<FileSearchOutlined />} onClick={() => navigate(`/cases/${view.id}`)}>
          查看案件
        </Button>
        <Button icon={<PlusOutlined />} onClick={() => navigate('/cases/new')}>
          继续立案（F2）
        </Button>
      </div>

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
        <div className="receipt-printed">打印时间：{dayjs().format('YYYY-MM-DD HH:mm')}</div>
      </article>
    </div>
  );
}
