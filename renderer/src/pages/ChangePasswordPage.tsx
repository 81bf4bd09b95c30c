import { Alert, Button, Flex, Form, Input, App as AntApp } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { send } from '../api/client';
import { applyApiError } from '../api/formErrors';
import { CenteredCard } from '../components/CenteredCard';
import { PASSWORD_HINT } from '../components/passwordRules';
import { useSubmit } from '../components/useSubmit';
import { useSession } from '../session/SessionProvider';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Changing one's own password; forced, before anything else, after an admin has reset it. */
export function ChangePasswordPage() {
  const session = useSession();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<ChangePasswordValues>();
  const [busy, run] = useSubmit();
  const [error, setError] = useState<string | null>(null);
  const forced = session.me?.user.mustChangePassword ?? false;

  const submit = ({ currentPassword, newPassword }: ChangePasswordValues) =>
    run(async () => {
      setError(null);
      try {
        await send('auth.changePassword', { currentPassword, newPassword });
        await session.refreshMe();
        message.success('密码已修改');
        navigate('/', { replace: true });
      } catch (err) {
        setError(applyApiError(form, err));
      }
    });

  return (
    <CenteredCard title="修改密码" subtitle={session.me ? `${session.me.user.displayName}（${session.me.user.username}）` : undefined}>
      {forced && <Alert type="info" showIcon className="form-alert" title="管理员已重置您的密码。请先设置新密码，再继续使用。" />}
      {error && <Alert type="error" showIcon title={error} className="form-alert" role="alert" />}
      <Form<ChangePasswordValues> form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label={forced ? '当前密码（管理员告知的临时密码）' : '当前密码'}
          name="currentPassword"
          rules={[{ required: true, message: '请填写当前密码' }]}
        >
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <Form.Item label="新密码" name="newPassword" extra={PASSWORD_HINT} rules={[{ required: true, message: '请填写新密码' }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次填写新密码' },
            ({ getFieldValue }) => ({
              validator: (_r, v) =>
                !v || v === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('两次填写的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={busy} style={{ flex: 1 }}>
            修改密码
          </Button>
          {forced ? <Button onClick={() => void session.signOut()}>退出登录</Button> : <Button onClick={() => navigate(-1)}>返回</Button>}
        </Flex>
      </Form>
    </CenteredCard>
  );
}
