import { Alert, App as AntApp, Form, Modal, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { listPrinters, loadPrintSettings, printBridge, savePrintSettings, type PrinterInfo, type PrintSettings } from './print';

/**
 * 打印设置（本机）: in the desktop app, print through the system dialog (default) or silently to a chosen
 * printer. Kept in this workstation's storage: a counter's printer belongs to the counter.
 */
export function PrintSettingsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PrintSettings>();
  const [printers, setPrinters] = useState<PrinterInfo[] | null>(null);
  const [loading, setLoading] = useState(false);
  const shell = printBridge() !== null;
  const mode = Form.useWatch('mode', form);

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue(loadPrintSettings());
    if (!shell) return;
    let live = true;
    setLoading(true);
    listPrinters()
      .then((list) => live && setPrinters(list ?? []))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [open, shell, form]);

  const submit = (v: PrintSettings) => {
    savePrintSettings({ mode: v.mode, printer: v.printer ?? null });
    message.success('本机打印设置已保存');
    onClose();
  };

  return (
    <Modal
      open={open}
      title="打印设置（本机）"
      okText="保存"
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ disabled: !shell }}
      destroyOnHidden
    >
      {!shell && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="在浏览器中使用时，打印由浏览器的打印对话框完成，打印机在对话框中选择。静默打印需使用诉服台桌面程序。"
        />
      )}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={!shell}
        name="print-settings"
        initialValues={{ mode: 'dialog', printer: null }}
      >
        <Form.Item name="mode" label="打印方式">
          <Radio.Group>
            <Space orientation="vertical">
              <Radio value="dialog">每次弹出打印对话框（默认）</Radio>
              <Radio value="silent">不弹出对话框，直接打印到下面选择的打印机</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="printer"
          label="打印机"
          rules={mode === 'silent' ? [{ required: true, message: '静默打印须选择打印机' }] : []}
          extra={printers && printers.length === 0 ? '本机没有找到打印机' : undefined}
        >
          <Select
            loading={loading}
            allowClear
            placeholder="选择打印机"
            options={(printers ?? []).map((p) => ({ value: p.name, label: p.displayName || p.name, title: p.description }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
