import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { roleLabel, type Role } from '../labels';
import { useSession } from '../session/SessionProvider';

/** Shows the page only to holders of the role; everyone else sees a clear refusal, never the page. */
export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const session = useSession();
  const navigate = useNavigate();
  if (session.hasRole(role)) return <>{children}</>;
  return (
    <Result
      status="403"
      title="403"
      subTitle={`无权访问：需要${roleLabel(role)}角色`}
      extra={
        <Button type="primary" autoFocus onClick={() => navigate('/')}>
          返回工作台
        </Button>
      }
    />
  );
}
