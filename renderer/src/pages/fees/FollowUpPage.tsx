import { FlagOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage, send } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { formatFen } from '../../cases/money';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session/SessionProvider';
import { FLAG_OVERDUE_ROLES, PAYMENT_ROLES } from './feeNavigation';
import { FOLLOW_UP_COLORS, type FollowUp } from './feeLabels';
import { PaymentModal, type PaymentTarget } from './PaymentModal';
import { useFeeSchedule } from './useFeeSchedule';
import './fees.css';

type StateFilter = 'all' | FollowUp['state'];
const FILTERS: { value: StateFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'overdue', label: '逾期未交' },
  { value: 'due-soon', label: '即将到期' },
  { value: 'open', label: '未到期' },
  { value: 'paid', label: '已交清' },
];

/**
 * 缓交跟踪: every granted deferral with its due date, what is due, paid and outstanding, and its state for
 * the court's today (未到期, 即将到期, 逾期未交 — highlighted —, 已交清). 标记逾期案件 writes the overdue flag on
 * each case's timeline (the court may treat the suit as withdrawn); 登记交费 settles a deferral.
 */
export function FollowUpPage() {
  const session = useSession();
  const { message, modal } = AntApp.useApp();
  const { schedule } = useFeeSchedule();
  const [params, setParams] = useSearchParams();
  const state = (FILTERS.some((f) => f.value === params.get('state')) ? params.get('state') : 'all') as StateFilter;
  const { data: rows, error, reload } = useOperation(() => send('relief.followUp', state === 'all' ? {} : { state }), [state]);
  const [paying, setPaying] = useState<PaymentTarget | null>(null);
  const [flagging, setFlagging] = useState(false);
  const roles = session.me?.user.roles ?? [];
  const canFlag = roles.some((r) => FLAG_OVERDUE_ROLES.includes(r));
  const canPay = roles.some((r) => PAYMENT_ROLES.includes(r));

  const unflagged = (rows ?? []).filter((r) => r.state === 'overdue' && !r.flagged).length;

  const flag = () =>
    modal.confirm({
      title: '标记逾期案件',
      content: '将缓交期限届满仍未交纳的案件记入案件时间线（可依法按撤诉处理）。每笔缓交只记一次。',
      okText: '标记',
      cancelText: '取消',
      onOk: async () => {
        setFlagging(true);
        try {
          const r = await send('relief.flagOverdue', {});
          if (r.flagged) message.success(`已将 ${r.flagged} 件逾期案件记入案件时间线：${r.caseNumbers.join('、')}`);
          else message.info('没有需要标记的逾期案件');
          reload();
        } catch (err) {
          message.error(errorMessage(err));
        } finally {
          setFlagging(false);
        }
      },
    });

  return (
    <div className="fee-follow-up">
      <PageHeader
        title="缓交跟踪"
        extra={
          canFlag && (
            <Button danger icon={<FlagOutlined />} onClick={flag} loading={flagging}>
              标记逾期案件{unflagged ? `（${unflagged}）` : ''}
            </Button>
          )
        }
      />
      <div className="fee-toolbar">
        <Segmented<StateFilter>
          options={FILTERS}
          value={state}
          onChange={(v) => setParams(v === 'all' ? {} : { state: v }, { replace: true })}
          aria-label="跟踪状态"
        />
        <Typography.Text type="secondary">
          按本院日期 {schedule?.on ?? '—'} 计算；
          <Reminder />
        </Typography.Text>
      </div>
      {error && <Alert type="error" showIcon title={error} role="alert" className="page-alert" />}
      <Table<FollowUp>
        size="small"
        rowKey="applicationId"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        aria-label="缓交跟踪"
        rowClassName={(r) => (r.state === 'overdue' ? 'fee-row-overdue' : r.state === 'due-soon' ? 'fee-row-due-soon' : '')}
        locale={{ emptyText: '没有缓交记录' }}
        columns={[
          { title: '案号', className: 'no-wrap', key: 'case', render: (_, r) => <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link> },
          { title: '申请人', dataIndex: 'applicantName' },
          { title: '缓交金额', key: 'due', align: 'right', className: 'mono-number', render: (_, r) => formatFen(r.dueFen) },
          { title: '已交', key: 'paid', align: 'right', className: 'mono-number', render: (_, r) => formatFen(r.paidFen) },
          { title: '未交', key: 'outstanding', align: 'right', className: 'mono-number', render: (_, r) => formatFen(r.outstandingFen) },
          { title: '缓交期限', className: 'no-wrap', dataIndex: 'deferredUntil', width: 110 },
          {
            title: '状态',
            key: 'state',
            render: (_, r) => (
              <Space size={4} wrap>
                <Tag color={FOLLOW_UP_COLORS[r.state]}>{r.stateLabel}</Tag>
                {r.partlyPaid && <Tag>部分交纳</Tag>}
                {r.flagged && <Tag color="volcano">已记入案件</Tag>}
              </Space>
            ),
          },
          ...(canPay
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, r: FollowUp) =>
                    r.state !== 'paid' && (
                      <Button
                        size="small"
                        onClick={() =>
                          setPaying({
                            caseId: r.caseId,
                            caseNumber: r.caseNumber,
                            kind: 'payment',
                            deferrals: [r],
                            applicationId: r.applicationId,
                            amountFen: r.outstandingFen,
                          })
                        }
                        aria-label={`登记${r.applicantName}的交费`}
                      >
                        登记交费
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
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
    </div>
  );
}

/** “到期前 N 日显示为即将到期” from the settings. */
function Reminder() {
  const [days, setDays] = useState<number | null>(null);
  useEffect(() => {
    void send('fees.settings', {})
      .then((s) => setDays(s.reminderDays))
      .catch(() => undefined);
  }, []);
  return days === null ? null : <>到期前 {days} 日显示为“即将到期”</>;
}
