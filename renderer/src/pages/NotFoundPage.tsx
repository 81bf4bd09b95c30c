import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';

export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="该功能尚未开放或地址有误。"
      extra={
        <Button type="primary" autoFocus onClick={() => navigate('/')}>
          返回工作台
        </Button>
      }
    />
  );
}
