import { FileDoneOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Descriptions, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client';
import { askWithModal, generateAsking } from '../../documents/generate';
import { formatFen } from '../../cases/money';
import { formatDateTime } from '../../format';
import type { Generated } from './GeneratedDocument';
import { RELIEF_STATUS_COLORS, reliefTemplateId, requestedText, type ReliefView } from './feeLabels';

/** The status of an application, with the stage it waits at. */
export function ReliefStatusTag({ v }: { v: Pick<ReliefView, 'status' | 'statusLabel' | 'awaiting'> }) {
  return (
    <span className="relief-status">
      <Tag color={RELIEF_STATUS_COLORS[v.status]}>{v.statusLabel}</Tag>
      {v.awaiting && <Typography.Text type="secondary">待{v.awaiting.label}</Typography.Text>}
    </span>
  );
}

/** What was decided, in a line: 准予缓交 ￥3,300.00，至 2027-02-20. */
export function decisionText(v: ReliefView): string {
  const d = v.decision;
  if (!d) return '—';
  if (v.status === 'refused') return '不予批准';
  const pct = d.grantedPercent !== null && d.grantedPercent < 100 ? `（${d.grantedPercent}%）` : '';
  return `${v.status === 'partly_granted' ? '部分准予' : '准予'}${d.verb?.replace('部分', '') ?? ''} ${formatFen(d.reliefFen)}${pct}${d.deferredUntil ? `，至 ${d.deferredUntil}` : ''}`;
}

/** An application in full: case, applicant, kind, ground with its article, reasons, evidence, fee, steps. */
export function ReliefDetails({ v, showCase = true }: { v: ReliefView; showCase?: boolean }) {
  return (
    <>
      <Descriptions
        size="small"
        column={1}
        className="relief-summary"
        items={[
          ...(showCase ? [{ key: 'case', label: '案号', children: <Link to={`/cases/${v.caseId}`}>{v.caseNumber}</Link> }] : []),
          {
            key: 'applicant',
            label: '申请人',
            children: `${v.applicant.role} ${v.applicant.name}（${v.applicant.kind === 'person' ? '自然人' : '单位'}）`,
          },
          { key: 'kind', label: '申请', children: `${v.kindLabel}诉讼费用 · ${requestedText(v)}` },
          {
            key: 'ground',
            label: '事由',
            children: (
              <div>
                {v.groundLabel}
                <div>
                  <Typography.Text type="secondary">{v.groundBasis}</Typography.Text>
                </div>
              </div>
            ),
          },
          ...(v.reasons ? [{ key: 'reasons', label: '具体理由', children: <div className="pre-wrap">{v.reasons}</div> }] : []),
          { key: 'evidence', label: '证明材料', children: v.evidence.map((e) => `${e.name}（${e.kind}）`).join('；') || '—' },
          { key: 'fee', label: '应交诉讼费用', children: <span className="mono-number">{formatFen(v.feeFen)}</span> },
          { key: 'applied', label: '申请日期', children: v.appliedOn },
          { key: 'status', label: '状态', children: <ReliefStatusTag v={v} /> },
          ...(v.decision
            ? [
                {
                  key: 'decision',
                  label: '决定',
                  children: (
                    <>
                      {decisionText(v)}（{v.decision.decidedOn}）
                    </>
                  ),
                },
              ]
            : []),
          ...(v.decision?.refusalReasons
            ? [{ key: 'refusal', label: '不予批准的理由', children: <div className="pre-wrap">{v.decision.refusalReasons}</div> }]
            : []),
        ]}
      />
      {v.steps.length > 0 && (
        <ol className="relief-steps" aria-label="审批记录">
          {v.steps.map((s) => (
            <li key={s.id}>
              <strong>{s.stage === 'approve' ? '审批' : '审查'}</strong>：{s.actionLabel}
              {s.action === 'partial' && s.grantedPercent !== null && `（${s.stage === 'approve' ? '' : '建议'}${s.grantedPercent}%）`}
              {s.deferredUntil && `（${s.stage === 'approve' ? '缓交至' : '建议缓交至'} ${s.deferredUntil}）`} · {s.userName} ·{' '}
              {formatDateTime(s.at)}
              {s.opinion && <div className="pre-wrap">{s.opinion}</div>}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/**
 * 生成决定书 / 生成通知书 for a decided application: the register records it (subjectKind 'relief') and the
 * preview opens for printing.
 */
export function ReliefDocumentButton({
  v,
  onGenerated,
  size = 'small',
  type = 'default',
}: {
  v: ReliefView;
  onGenerated: (g: Generated) => void;
  size?: 'small' | 'middle';
  type?: 'default' | 'primary' | 'link';
}) {
  const { message, modal } = AntApp.useApp();
  const [busy, setBusy] = useState(false);
  const templateId = reliefTemplateId(v.status);
  if (!templateId) return null;
  const label = templateId === 'relief-refusal' ? '生成通知书' : '生成决定书';
  return (
    <Button
      size={size}
      type={type}
      icon={<FileDoneOutlined />}
      loading={busy}
      title={templateId === 'relief-refusal' ? '生成《不予批准司法救助申请通知书》' : `生成《${v.decision?.documentTitle ?? '决定书'}》`}
      onClick={async () => {
        setBusy(true);
        try {
          const r = await generateAsking(
            'documents.generate',
            { caseId: v.caseId, templateId, format: 'pdf', subjectKind: 'relief', subjectId: v.id },
            askWithModal(modal),
          );
          if (r) onGenerated(r);
        } catch (err) {
          message.error(errorMessage(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      {label}
    </Button>
  );
}
