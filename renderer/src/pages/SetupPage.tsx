import { Alert, Button, Descriptions, Flex, Form, Input, Result, Steps } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage, send, setToken, type Output } from '../api/client';
import { registeredFields, setFieldErrors, splitFieldErrors } from '../api/formErrors';
import { CenteredCard } from '../components/CenteredCard';
import { PASSWORD_HINT } from '../components/passwordRules';
import { useSubmit } from '../components/useSubmit';
import { useSession } from '../session/SessionProvider';

interface CourtValues {
  courtName: string;
  courtCode: string;
}

interface AdminValues {
  adminUsername: string;
  adminDisplayName: string;
  adminPassword: string;
  confirmPassword: string;
}

const STEPS = [{ title: '本院信息' }, { title: '管理员账户' }, { title: '完成' }];

/**
 * First-run setup: court, then the first admin, then done. The host checks everything (court code
 * format, password rule) and writes nothing on refusal; its errors land on the field they name, on the
 * step that field belongs to.
 */
export function SetupPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [courtForm] = Form.useForm<CourtValues>();
  const [adminForm] = Form.useForm<AdminValues>();
  const [busy, run] = useSubmit();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ result: Output<'setup.initialise'>; court: CourtValues } | null>(null);
  const [entering, setEntering] = useState(false);

  /** host errors for step 1's fields, placed once that step is visible again */
  const [courtErrors, setCourtErrors] = useState<Map<string, string[]> | null>(null);
  const shownStep = useRef(step);

  // focus the first field of a step once it is visible (step 1 focuses itself on first render), or the
  // first field the host refused
  useEffect(() => {
    if (step === 0 && courtErrors) {
      shownStep.current = step;
      setFieldErrors(courtForm, courtErrors);
      setCourtErrors(null);
      return;
    }
    if (shownStep.current === step) return;
    shownStep.current = step;
    if (step === 0) courtForm.focusField('courtName');
    else if (step === 1) adminForm.focusField('adminUsername');
  }, [step, courtErrors, courtForm, adminForm]);

  const goToStep = (n: number) => {
    setError(null);
    setStep(n);
  };

  const initialise = (admin: AdminValues) =>
    run(async () => {
      const court = courtForm.getFieldsValue();
      setError(null);
      try {
        const result = await send('setup.initialise', {
          courtName: court.courtName,
          courtCode: court.courtCode,
          adminUsername: admin.adminUsername,
          adminDisplayName: admin.adminDisplayName,
          adminPassword: admin.adminPassword,
        });
        setToken(result.token); // logged in as the new admin from here on
        setDone({ result, court });
        setStep(2);
      } catch (err) {
        const onCourt = splitFieldErrors(err, registeredFields(courtForm));
        if (onCourt.byField.size > 0) {
          setCourtErrors(onCourt.byField);
          setStep(0);
          setError(onCourt.rest);
          return;
        }
        const adminErrors = splitFieldErrors(err, registeredFields(adminForm));
        setFieldErrors(adminForm, adminErrors.byField);
        setError(adminErrors.rest);
      }
    });

  const enter = async () => {
    if (!done) return;
    setEntering(true);
    try {
      await session.signIn(done.result.token);
      navigate('/', { replace: true });
    } catch (err) {
      setError(errorMessage(err));
      setEntering(false);
    }
  };

  return (
    <CenteredCard title="首次设置" subtitle="登记本院信息并建立第一个管理员账户" width={560}>
      <Steps current={step} items={STEPS} size="small" className="setup-steps" />
      {error && <Alert type="error" showIcon title={error} className="form-alert" role="alert" />}

      <div hidden={step !== 0}>
        <Form<CourtValues> form={courtForm} layout="vertical" requiredMark={false} onFinish={() => goToStep(1)}>
          <Form.Item
            label="法院全称"
            name="courtName"
            extra="以“法院”结尾，如：浙江省长兴县人民法院"
            rules={[{ required: true, whitespace: true, message: '请填写法院全称' }]}
          >
            <Input autoFocus maxLength={60} />
          </Form.Item>
          <Form.Item
            label="法院代字"
            name="courtCode"
            extra="用于案号，如基层法院 浙0522、中级法院 浙05"
            rules={[{ required: true, whitespace: true, message: '请填写法院代字' }]}
          >
            <Input maxLength={8} style={{ width: 200 }} />
          </Form.Item>
          <Flex justify="flex-end">
            <Button type="primary" htmlType="submit">
              下一步
            </Button>
          </Flex>
        </Form>
      </div>

      <div hidden={step !== 1}>
        <Form<AdminValues> form={adminForm} layout="vertical" requiredMark={false} onFinish={initialise}>
          <Form.Item
            label="用户名"
            name="adminUsername"
            extra="以字母开头，2–32 位字母、数字、下划线、点或横线"
            rules={[{ required: true, whitespace: true, message: '请填写用户名' }]}
          >
            <Input autoComplete="username" maxLength={32} />
          </Form.Item>
          <Form.Item label="姓名" name="adminDisplayName" rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item label="密码" name="adminPassword" extra={PASSWORD_HINT} rules={[{ required: true, message: '请填写密码' }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="确认密码"
            name="confirmPassword"
            dependencies={['adminPassword']}
            rules={[
              { required: true, message: '请再次填写密码' },
              ({ getFieldValue }) => ({
                validator: (_r, v) =>
                  !v || v === getFieldValue('adminPassword') ? Promise.resolve() : Promise.reject(new Error('两次填写的密码不一致')),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Flex justify="space-between">
            <Button onClick={() => goToStep(0)}>上一步</Button>
            <Button type="primary" htmlType="submit" loading={busy}>
              完成设置
            </Button>
          </Flex>
        </Form>
      </div>

      {step === 2 && done && (
        <Result
          status="success"
          title="设置完成"
          subTitle="已以管理员身份登录。请在“用户管理”中为各岗位建立账户。"
          extra={
            <Button type="primary" autoFocus loading={entering} onClick={() => void enter()}>
              进入工作台
            </Button>
          }
        >
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'name', label: '法院全称', children: done.court.courtName },
              { key: 'code', label: '法院代字', children: done.court.courtCode },
              { key: 'admin', label: '管理员', children: `${done.result.user.displayName}（${done.result.user.username}）` },
            ]}
          />
        </Result>
      )}
    </CenteredCard>
  );
}
