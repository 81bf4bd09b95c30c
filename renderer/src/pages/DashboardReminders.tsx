import { Card, Space, Statistic } from 'antd';
import { Link } from 'react-router';
import { send } from '../api/client';
import { useOperation } from '../api/useOperation';

/**
 * 待办提醒 on the dashboard: relief applications waiting at the user's approval stage and deferrals falling
 * due or overdue (docs/DOMAIN.md “诉讼费用与司法救助”: a reminder when a deferral falls due). Hidden when there is nothing to do.
 */
export function DashboardReminders() {
  // a reminder that cannot load shows nothing: it must not hide the dashboard
  const { data: r } = useOperation(() => send('relief.reminders', {}), []);
  if (!r || r.awaitingMe + r.dueSoon + r.overdue === 0) return null;
  const item = (title: string, value: number, to: string, danger = false) =>
    value > 0 && (
      <Link to={to} aria-label={`${title} ${value}`}>
        <Statistic title={title} value={value} styles={danger ? { content: { color: '#cf1322' } } : undefined} />
      </Link>
    );
  return (
    <Card title="待办提醒" size="small" style={{ marginBottom: 16 }} data-testid="dashboard-reminders">
      <Space size={48} wrap>
        {item('待我审批的司法救助申请', r.awaitingMe, '/fees/relief')}
        {item('即将到期的缓交', r.dueSoon, '/fees/follow-up?state=due-soon')}
        {item(
          r.overdueUnflagged > 0 ? `逾期未交的缓交（${r.overdueUnflagged} 件尚未记入案件）` : '逾期未交的缓交',
          r.overdue,
          '/fees/follow-up?state=overdue',
          true,
        )}
      </Space>
    </Card>
  );
}
