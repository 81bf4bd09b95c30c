import { Alert, Card, Col, Descriptions, Row, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage, send, type Output } from '../api/client';
import { CaseNumberParser } from '../components/CaseNumberParser';
import { PageHeader } from '../components/PageHeader';
import { RoleTags } from '../components/RoleTags';
import { canReadCases } from '../cases/access';
import { useSession } from '../session/SessionProvider';
import { RecentCases } from './cases/RecentCases';
import { DashboardReminders } from './DashboardReminders';
import { ConfirmationHome } from './confirmation/ConfirmationHome';
import { BackupSummary } from './admin/backup/BackupPage';
import { NextYearHolidayNotice } from './admin/holidays/NextYearHolidayNotice';
import { JudgeDeskCard } from './docket/JudgeDeskPage';
import { WarningsCard } from './mediation/WarningsCard';

type Preview = Output<'numbering.preview'>;

/** 工作台: what everybody sees first — the court, one's roles, the next numbers, a 案号 check. */
export function DashboardPage() {
  const { me } = useSession();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    send('numbering.preview')
      .then((p) => live && setPreview(p))
      .catch((err) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, []);

  if (!me) return null;
  return (
    <>
      <PageHeader title="工作台" />
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
          <Card title="案号解析" size="small" style={{ marginTop: 16 }}>
            <CaseNumberParser />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card
            title={preview ? `下一个案号（${preview.year} 年度）` : '下一个案号'}
            size="small"
            extra={<Typography.Text type="secondary">仅供预览，立案时才占号</Typography.Text>}
          >
            {error && <Alert type="error" showIcon title={error} />}
            {!error && (
              <>
                <Table
                  size="small"
                  rowKey="typeCode"
                  loading={!preview}
                  dataSource={preview?.caseNumbers ?? []}
                  pagination={false}
                  columns={[
                    { title: '类型代字', dataIndex: 'typeCode', width: 100 },
                    { title: '案件类型', dataIndex: 'typeName' },
                    { title: '下一个案号', dataIndex: 'next', render: (v: string) => <span className="mono-number">{v}</span> },
                  ]}
                />
                {preview && (
                  <div className="register-next">
                    下一个中心登记号：<span className="mono-number">{preview.registerNumber}</span>
                  </div>
                )}
              </>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
