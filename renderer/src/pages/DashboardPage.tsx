import { Card, Col, Descriptions, Row } from 'antd';
import { PageHeader } from '../components/PageHeader';
import { RoleTags } from '../components/RoleTags';
import { canReadCases, COUNTER_ROLES } from '../cases/access';
import { useSession } from '../session/SessionProvider';
import { RecentCases } from './cases/RecentCases';
import { DashboardReminders } from './DashboardReminders';
import { ConfirmationHome } from './confirmation/ConfirmationHome';
import { BackupSummary } from './admin/backup/BackupPage';
import { NextYearHolidayNotice } from './admin/holidays/NextYearHolidayNotice';
import { JudgeDeskCard } from './docket/JudgeDeskPage';
import { WarningsCard } from './mediation/WarningsCard';
import { TodayWork } from './TodayWork';

/**
 * 工作台: what everybody sees first — the work of the day for the counter (今日工作), the reminders and cards of
 * each role, the recent cases, the court and one's roles.
 */
export function DashboardPage() {
  const { me } = useSession();

  if (!me) return null;
  return (
    <>
      <PageHeader title="工作台" />
      {me.user.roles.some((r) => COUNTER_ROLES.includes(r)) && <TodayWork />}
      {me.user.roles.includes('judge') && <JudgeDeskCard />}
      <DashboardReminders />
      <ConfirmationHome />
      {me.user.roles.includes('admin') && <NextYearHolidayNotice />}
      {me.user.roles.includes('admin') && <BackupSummary />}
      {me.user.roles.includes('mediation') && (
        <div style={{ marginBottom: 16 }}>
          <WarningsCard title="调解预警（本中心）" />
        </div>
      )}
      {canReadCases(me.user.roles) && (
        <div style={{ marginBottom: 16 }}>
          <RecentCases />
        </div>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={10}>
          <Card title="本院与账户" size="small">
            <Descriptions
              column={1}
              size="small"
              styles={{ label: { width: 96 } }}
              items={[
                { key: 'court', label: '法院', children: me.court.name },
                { key: 'code', label: '法院代字', children: me.court.code },
                { key: 'user', label: '当前用户', children: `${me.user.displayName}（${me.user.username}）` },
                { key: 'roles', label: '我的角色', children: <RoleTags roles={me.user.roles} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
