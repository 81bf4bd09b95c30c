import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The frame of the pages shown before the main layout: setup, login, password change. */
export function CenteredCard({
  title,
  subtitle,
  width = 420,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  width?: number;
  children: ReactNode;
}) {
  return (
    <div className="centered-page">
      <div className="centered-brand" aria-hidden="true">
        诉服台 <span>诉讼服务中心案件管理</span>
      </div>
      <Card className="centered-card" style={{ width }}>
        <Typography.Title level={3} className="centered-title">
          {title}
        </Typography.Title>
        {subtitle && <div className="centered-subtitle">{subtitle}</div>}
        {children}
      </Card>
    </div>
  );
}
