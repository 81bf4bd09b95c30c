import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useSubmit } from '../components/useSubmit';
import { ApiCallError, send } from '../api/client';
import { applyApiError } from '../api/formErrors';
import { CenteredCard } from '../components/CenteredCard';
import { useSession } from '../session/SessionProvider';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage() {
  const session = useSession();
  const [form] = Form.useForm<LoginValues>();
  const [busy, run] = useSubmit();
  const [error, setError] = useState<string | null>(null);

  const submit = (values: LoginValues) =>
    run(async () => {
      setError(null);
      session.clearNotice();
      try {
        const { token } = await send('auth.login', values);
        await session.signIn(token);
      } catch (err) {
        // wrong credentials and locked accounts are about the pair, not one field
        if (err instanceof ApiCallError && (err.code === 'UNAUTHENTICATED' || err.code === 'LOCKED' || err.code === 'THROTTLED'))
          setError(err.message);
        else setError(applyApiError(form, err));
        form.setFieldValue('password', '');
        form.focusField(err instanceof ApiCallError && err.code === 'UNAUTHENTICATED' ? 'password' : 'username');
      }
    });

  return (
    <CenteredCard title="登录" subtitle={session.setup?.court?.name}>
      {session.notice && !error && <Alert type="warning" showIcon title={session.notice} className="form-alert" role="alert" />}
      {error && <Alert type="error" showIcon title={error} className="form-alert" role="alert" />}
      <Form<LoginValues> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item label="用户名" name="username" rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}>
          <Input prefix={<UserOutlined />} autoFocus autoComplete="username" />
        </Form.Item>
        <Form.Item label="密码" name="password" rules={[{ required: true, message: '请填写密码' }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          登录
        </Button>
      </Form>
    </CenteredCard>
  );
}
