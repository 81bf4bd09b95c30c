import { Alert, App as AntApp, Button, Card, Col, Form, Input, InputNumber, Row, Skeleton } from 'antd';
import { useEffect } from 'react';
import { send, type Input as ApiInput } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session/SessionProvider';
import { FontSettings } from './FontSettings';
import { useSettingsForm } from './useSettingsForm';

type SettingsValues = ApiInput<'settings.update'>;

/** 本院设置 (admin): name, code, register-number pattern, session and lockout policy. */
export function SettingsPage() {
  const { refreshMe } = useSession();
  const { message } = AntApp.useApp();
  const { form, loaded, loadError, error, saving, save } = useSettingsForm<SettingsValues>(() => send('settings.get'));

  useEffect(() => {
    if (loaded) form.focusField('courtName');
  }, [loaded, form]);

  const submit = (values: SettingsValues) =>
    save(async () => {
      form.setFieldsValue(await send('settings.update', values));
      await refreshMe();
      message.success('本院设置已保存');
    });

  if (loadError) return <Alert type="error" showIcon title={loadError} />;
  return (
    <>
      <PageHeader title="本院设置" />
      {error && <Alert type="error" showIcon title={error} className="page-alert" role="alert" />}
      {!loaded && <Skeleton active />}
      <Form<SettingsValues> form={form} layout="vertical" onFinish={submit} requiredMark={false} hidden={!loaded} className="settings-form">
        <Card title="本院信息" size="small">
          <Row gutter={16}>
            <Col span={14}>
              <Form.Item label="法院全称" name="courtName" rules={[{ required: true, whitespace: true, message: '请填写法院全称' }]}>
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item
                label="法院代字"
                name="courtCode"
                extra="如 浙0522；修改后新案号使用新代字"
                rules={[{ required: true, whitespace: true, message: '请填写法院代字' }]}
              >
                <Input maxLength={8} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <Card title="编号" size="small">
          <Form.Item
            label="中心登记号格式"
            name="registerPattern"
            extra="占位符：{year} 年度、{court} 法院代字、{serial} 或 {serial:4}（补零到 4 位）序号；如 调登〔{year}〕{serial:4}"
            rules={[{ required: true, whitespace: true, message: '请填写登记号格式' }]}
          >
            <Input maxLength={40} style={{ maxWidth: 360 }} />
          </Form.Item>
        </Card>
        <Card title="登录与安全" size="small">
          <Row gutter={16}>
            <Col span={6}>
              <Form.Item label="无操作自动退出（分钟）" name="sessionIdleMinutes" rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={5} max={1440} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label="会话最长（小时）" name="sessionMaxHours" rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={1} max={72} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label="密码错误锁定次数" name="lockoutThreshold" rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={3} max={20} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item label="锁定时长（分钟）" name="lockoutMinutes" rules={[{ required: true, message: '请填写' }]}>
                <InputNumber min={1} max={1440} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
        </Card>
        <div className="form-actions">
          <Button type="primary" htmlType="submit" loading={saving}>
            保存设置
          </Button>
        </div>
      </Form>
      {loaded && <FontSettings />}
    </>
  );
}
