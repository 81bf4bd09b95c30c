import { PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Segmented, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { send } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { formatFen } from '../../cases/money';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session/SessionProvider';
import { useGeneratedDocument } from './GeneratedDocument';
import { ReliefActModal } from './ReliefActModal';
import { decisionText, ReliefDocumentButton, ReliefStatusTag } from './ReliefParts';
import { requestedText, type ReliefView } from './feeLabels';
import './fees.css';

type View = 'mine' | 'open' | 'decided' | 'all';
const VIEWS: { value: View; label: string }[] = [
  { value: 'mine', label: '待我审批' },
  { value: 'open', label: '全部待审批' },
  { value: 'decided', label: '已决定' },
  { value: 'all', label: '全部申请' },
];

/**
 * 司法救助审批: the applications waiting at a stage the user's roles may act on (relief.list open, filtered by
 * the stage's role), the approval dialog, and after a decision 生成决定书. Other views: all open, decided, all.
 */
export function ReliefApprovalsPage() {
  const session = useSession();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const view = (VIEWS.some((x) => x.value === params.get('view')) ? params.get('view') : 'mine') as View;
  const [acting, setActing] = useState<ReliefView | null>(null);
  const [deferralDays, setDeferralDays] = useState(90);
  const generated = useGeneratedDocument();
  const roles = useMemo(() => session.me?.user.roles ?? [], [session.me]);
  const userId = session.me?.user.id;

  useEffect(() => {
    void send('fees.settings', {})
      .then((s) => setDeferralDays(s.deferralDays))
      .catch(() => undefined);
  }, []);

  const {
    data: rows,
    error,
    reload,
  } = useOperation(async (): Promise<ReliefView[]> => {
    const status = view === 'mine' || view === 'open' ? 'open' : undefined;
    const r = await send('relief.list', { ...(status ? { status } : {}), page: 1, pageSize: 200 });
    return view === 'decided' ? r.rows.filter((x) => x.decision !== null) : r.rows;
  }, [view]);

  /** May this user act on the application now: the stage's role, and not already heard at an earlier stage. */
  const mayAct = useCallback(
    (v: ReliefView) => {
      if (!v.awaiting || !roles.includes(v.awaiting.role)) return false;
      const sinceReturn: typeof v.steps = [];
      for (const s of v.steps) {
        if (s.action === 'return') sinceReturn.length = 0;
        else sinceReturn.push(s);
      }
      return !sinceReturn.some((s) => s.userId === userId);
    },
    [roles, userId],
  );

  const shown = useMemo(() => (rows ? (view === 'mine' ? rows.filter(mayAct) : rows) : null), [rows, view, mayAct]);

  return (
    <div className="relief-approvals">
      <PageHeader
        title="司法救助审批"
        extra={
          roles.includes('clerk') && (
            <Button icon={<PlusOutlined />} onClick={() => navigate('/fees/relief/new')}>
              司法救助登记
            </Button>
          )
        }
      />
      <div className="fee-toolbar">
        <Segmented<View> options={VIEWS} value={view} onChange={(v) => setParams({ view: v }, { replace: true })} aria-label="申请范围" />
        <Typography.Text type="secondary">审批流程由管理员在“诉讼费设置”中配置；同一申请的各阶段须由不同人员办理</Typography.Text>
      </div>
      {error && <Alert type="error" showIcon title={error} role="alert" className="page-alert" />}
      <Table<ReliefView>
        size="small"
        rowKey="id"
        loading={shown === null && !error}
        dataSource={shown ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        aria-label="司法救助申请"
        locale={{ emptyText: view === 'mine' ? '没有等待您审批的申请' : '没有申请' }}
        columns={[
          { title: '编号', dataIndex: 'id', width: 64 },
          // a fixed width: the 事由 column's ellipsis makes the layout fixed, and a 案号 never wraps (it would overflow)
          {
            title: '案号',
            className: 'no-wrap',
            key: 'case',
            width: 220,
            render: (_, v) => <Link to={`/cases/${v.caseId}`}>{v.caseNumber}</Link>,
          },
          { title: '申请人', key: 'applicant', render: (_, v) => `${v.applicant.role} ${v.applicant.name}` },
          { title: '种类', dataIndex: 'kindLabel', width: 64 },
          { title: '事由', key: 'ground', render: (_, v) => <span title={v.groundBasis}>{v.groundLabel}</span>, ellipsis: true },
          { title: '应交', key: 'fee', align: 'right', className: 'mono-number', render: (_, v) => formatFen(v.feeFen) },
          { title: '申请', key: 'requested', render: (_, v) => requestedText(v) },
          { title: '申请日期', className: 'no-wrap', dataIndex: 'appliedOn', width: 110 },
          {
            title: '状态',
            key: 'status',
            render: (_, v) =>
              v.decision ? (
                <span title={decisionText(v)}>
                  <ReliefStatusTag v={v} />
                </span>
              ) : (
                <ReliefStatusTag v={v} />
              ),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, v) => (
              <Space size={4} className="row-actions">
                {mayAct(v) && (
                  <Button size="small" type="primary" onClick={() => setActing(v)} aria-label={`审批 ${v.applicant.name}的申请`}>
                    审批
                  </Button>
                )}
                {v.decision && <ReliefDocumentButton v={v} onGenerated={generated.show} type="link" />}
              </Space>
            ),
          },
        ]}
      />
      <ReliefActModal
        application={acting}
        deferralDays={deferralDays}
        onClose={() => setActing(null)}
        onActed={(after) => {
          message.success(after.decision ? `已作出决定：${decisionText(after)}` : `已提交意见，转“${after.awaiting?.label ?? '下一阶段'}”`);
          reload();
        }}
        onGenerated={generated.show}
      />
      {generated.modal}
    </div>
  );
}
