import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { roleLabel, type Role } from '../labels';
import { useSession } from '../session/SessionProvider';

/** Shows the page only to holders of the role (or one of the roles); everyone else sees a clear refusal, never the page. */
export function RequireRole({ role, children }: { role: Role | readonly Role[]; children: ReactNode }) {
  const session = useSession();
  const navigate = useNavigate();
  const roles: readonly Role[] = typeof role === 'string' ? [role] : role;
  if (roles.some((r) => session.hasRole(r))) return <>{children}</>;
  return (
    <Result
      status="403"
      title="403"
      subTitle={`无权访问：需要${roles.map(roleLabel).join('或')}角色`}
      extra={
        <Button type="primary" autoFocus onClick={() => navigate('/')}>
          返回工作台
        </Button>
      }
    />
  );
}
