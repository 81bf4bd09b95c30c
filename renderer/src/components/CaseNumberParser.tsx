import { Alert, Button, Descriptions, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { send, type Output } from '../api/client';
import { applyApiError } from '../api/formErrors';

type Parsed = Output<'numbering.parse'>;

/** A box that checks a 案号 and shows its canonical form and parts. */
export function CaseNumberParser() {
  const [form] = Form.useForm<{ text: string }>();
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async ({ text }: { text: string }) => {
    setBusy(true);
    setError(null);
    setParsed(null);
    try {
      setParsed(await send('numbering.parse', { text }));
    } catch (err) {
      setError(applyApiError(form, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Form form={form} onFinish={submit} requiredMark={false}>
        <Space.Compact style={{ width: '100%' }}>
          <Form.Item name="text" style={{ flex: 1, marginBottom: 0 }} rules={[{ required: true, whitespace: true, message: '请填写案号' }]}>
            <Input autoFocus placeholder="如（2026）浙0522民初1234号，半角括号、全角数字均可" aria-label="案号" allowClear />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            解析
          </Button>
        </Space.Compact>
      </Form>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
      {parsed && (
        <Descriptions
          column={2}
          size="small"
          bordered
          style={{ marginTop: 12 }}
          data-testid="parse-result"
          items={[
            { key: 'canonical', label: '规范写法', span: 2, children: <span className="mono-number">{parsed.canonical}</span> },
            { key: 'year', label: '年度', children: parsed.parts.year },
            { key: 'court', label: '法院代字', children: parsed.parts.courtCode },
            { key: 'type', label: '类型代字', children: `${parsed.parts.specialCode}${parsed.parts.typeCode}` },
            { key: 'serial', label: '序号', children: parsed.parts.serial },
            { key: 'typeName', label: '案件类型', span: 2, children: parsed.typeName || '—' },
          ]}
        />
      )}
    </>
  );
}
