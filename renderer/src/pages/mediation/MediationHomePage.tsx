import { Button, Card, Space } from 'antd';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session/SessionProvider';
import { may } from './access';
import { RegisterList } from './RegisterList';
import { WarningsCard } from './WarningsCard';

/** 诉调对接: the centre's warnings first, then the register. */
export function MediationHomePage() {
  const { me } = useSession();
  const navigate = useNavigate();
  const roles = me?.user.roles ?? [];
  return (
    <>
      <PageHeader
        title="诉调对接"
        extra={
          <Space>
            {may('mediation.open', roles) && (
              <Button type="primary" onClick={() => navigate('/mediation/new')}>
                登记调解
              </Button>
            )}
            {may('mediation.saveMediator', roles) && <Button onClick={() => navigate('/mediation/roster')}>调解名册</Button>}
          </Space>
        }
      />
      <WarningsCard />
      <Card size="small" title="调解登记簿" style={{ marginTop: 16 }}>
        <RegisterList />
      </Card>
    </>
  );
}
