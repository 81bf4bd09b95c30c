import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Form, Input, InputNumber, Modal, Space } from 'antd';
import { useEffect, useState } from 'react';
import { errorMessage, send, type Input as OpInput } from '../../api/client';
import { applyApiError } from '../../api/formErrors';

type Entries = OpInput<'stats.setPopulation'>['entries'];

/** 辖区人口 by year (the administrator's): the denominator of 万人成讼率, each figure with its source. */
export function PopulationModal({ open, onClose }: { open: boolean; onClose: (changed: boolean) => void }) {
  const [form] = Form.useForm<{ entries: Entries }>();
  const [saving, setSaving] = useState(false);
  const { message } = AntApp.useApp();
  useEffect(() => {
    if (!open) return;
    send('stats.population')
      .then((r) => form.setFieldsValue({ entries: r.entries }))
      .catch((err) => message.error(errorMessage(err)));
  }, [open, form, message]);
  const save = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await send('stats.setPopulation', { entries: values.entries ?? [] });
      message.success('辖区人口已保存');
      onClose(true);
    } catch (err) {
      const rest = applyApiError(form, err);
      if (rest) message.error(rest);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      title="辖区人口（按年）"
      open={open}
      onCancel={() => onClose(false)}
      onOk={save}
      okText="保存"
      confirmLoading={saving}
      width={720}
      destroyOnHidden
    >
      <p>万人成讼率以统计期间所在年度的辖区人口为分母；该年度未登记的，用此前最近一年的数字。请写明数据来源（如统计公报）。</p>
      <Form form={form} layout="vertical">
        <Form.List name="entries">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'year']} label="年度" rules={[{ required: true, message: '请填写年度' }]}>
                    <InputNumber min={2000} max={2100} style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'population']} label="人口（人）" rules={[{ required: true, message: '请填写人口数' }]}>
                    <InputNumber min={1} max={100000000} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'source']}
                    label="数据来源"
                    rules={[{ required: true, whitespace: true, message: '请填写数据来源' }]}
                  >
                    <Input style={{ width: 300 }} maxLength={200} />
                  </Form.Item>
                  <MinusCircleOutlined aria-label="删除此年度" onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ year: new Date().getFullYear() })}>
                添加年度
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
