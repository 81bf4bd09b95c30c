import { Alert, Button } from 'antd';
import { useNavigate } from 'react-router';
import { send } from '../../../api/client';
import { useOperation } from '../../../api/useOperation';

export const HOLIDAYS_PATH = '/admin/holidays';

/**
 * On the admin's dashboard from November (by the host's clock): next year's holidays are still provisional
 * — the State Council's notice not entered — with the way to the 节假日 page.
 */
export function NextYearHolidayNotice() {
  const navigate = useNavigate();
  const { data } = useOperation(() => send('calendar.nextYear', {}), []);
  const notice = data?.notice;
  if (!notice) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      data-testid="next-year-holidays"
      style={{ marginBottom: 16 }}
      title={
        notice.state === 'missing'
          ? `${notice.year} 年的节假日安排尚未录入，期间计算将只按周末顺延`
          : `${notice.year} 年的节假日安排为暂定（只含法定节日当日，未含调休），请在国务院通知发布后录入`
      }
      action={
        <Button size="small" type="primary" onClick={() => navigate(HOLIDAYS_PATH)}>
          录入节假日
        </Button>
      }
    />
  );
}
