import { Alert, Button, Card, Descriptions, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage, send, type Output } from '../../api/client';
import { useSubmit } from '../../components/useSubmit';

type Answer = Output<'mediation.lookup'>;

/**
 * 调解进度查询 for the self-service terminal (no login): scan the receipt's QR (the scanner types the code) or type
 * it, plus the last four digits of a party's phone. Shows the stage, the organisation, the next step and its date.
 */
export function ProgressLookupPage() {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, run] = useSubmit();
  const [form] = Form.useForm<{ code: string; phoneLast4: string }>();
  return (
    <div style={{ maxWidth: 640, margin: '48px auto' }}>
      <Card title="调解进度查询">
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            run(async () => {
              setError(null);
              setAnswer(null);
              try {
                setAnswer(await send('mediation.lookup', v));
              } catch (err) {
                setError(errorMessage(err));
              }
            })
          }
        >
          <Form.Item name="code" label="案件码（扫描回执上的二维码或输入）">
            <Input autoFocus size="large" autoComplete="off" />
          </Form.Item>
          <Form.Item name="phoneLast4" label="当事人手机号码后四位">
            <Input size="large" maxLength={4} inputMode="numeric" autoComplete="off" />
          </Form.Item>
          <Button type="primary" size="large" htmlType="submit" loading={busy}>
            查询
          </Button>
        </Form>
        {error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={error} />}
        {answer && !answer.found && (
          <Alert style={{ marginTop: 16 }} type="warning" showIcon title="未查到：请核对案件码和手机号码后四位" />
        )}
        {answer?.found && (
          <Descriptions
            data-testid="progress"
            style={{ marginTop: 16 }}
            bordered
            column={1}
            items={[
              { key: 'stage', label: '当前阶段', children: answer.stage },
              { key: 'org', label: '调解组织', children: answer.organisation ?? '尚未确定' },
              { key: 'next', label: '下一步', children: answer.nextStep },
              { key: 'date', label: '预计日期', children: answer.nextDate ?? '—' },
            ]}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
          本页只显示办理进度，不显示个人信息。每次查询都会记录。
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
