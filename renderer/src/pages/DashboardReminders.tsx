import { Card, Space, Statistic } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { send, type Output } from '../api/client';

type Reminders = Output<'relief.reminders'>;

/**
 * 待办提醒 on the dashboard: relief applications waiting at the user's approval stage and deferrals falling
 * due or overdue (DOMAIN.md §4: a reminder when a deferral falls due). Hidden when there is nothing to do.
 */
export function DashboardReminders() {
  const [r, setR] = useState<Reminders | null>(null);
  useEffect(() => {
    let live = true;
    send('relief.reminders', {})
      .then((x) => live && setR(x))
      .catch(() => undefined); // a reminder that cannot load must not hide the dashboard
    return () => {
      live = false;
    };
  }, []);
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
        {item(r.overdueUnflagged > 0 ? `逾期未交的缓交（${r.overdueUnflagged} 件尚未记入案件）` : '逾期未交的缓交', r.overdue, '/fees/follow-up?state=overdue', true)}
      </Space>
    </Card>
  );
}
