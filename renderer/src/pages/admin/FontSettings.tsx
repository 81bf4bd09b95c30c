import { UploadOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, AutoComplete, Button, Card, Form, Skeleton, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage, send } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { useSettingsForm } from './useSettingsForm';

const FONT_MAX_BYTES = 40 * 1024 * 1024;

/** The file's bytes as base64, without blocking the page on a large font. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('无法读取所选文件'));
    reader.readAsDataURL(file);
  });
}

interface FontValues {
  body?: string;
  bodyBold?: string;
  title?: string;
}

const FIELDS: { name: keyof FontValues; label: string; example: string }[] = [
  { name: 'body', label: '正文字体', example: '如 simfang.ttf（仿宋），或本院的仿宋_GB2312 字体文件' },
  { name: 'bodyBold', label: '正文加粗字体', example: '可不填：不填时由正文字体加粗' },
  { name: 'title', label: '标题字体', example: '如 FZXBSJW.TTF（方正小标宋简体）；字体集写作 文件名.ttc#字体名' },
];

/** The form's values: an empty field for the shipped font. */
const fontValues = (f: { [K in keyof FontValues]?: string | null }): FontValues => ({
  body: f.body ?? '',
  bodyBold: f.bodyBold ?? '',
  title: f.title ?? '',
});

/**
 * 文书字体 (admin, in 本院设置): the court's own licensed font files for documents. Empty fields use the font
 * shipped with the program (Noto Serif SC); a file that cannot be used is refused with the reason on its field.
 */
export function FontSettings() {
  const { message } = AntApp.useApp();
  const { form, loaded, loadError, error, saving, save } = useSettingsForm<FontValues>(() =>
    send('documents.fontSettings').then(fontValues),
  );
  const { data: files, reload: reloadFiles } = useOperation(() => send('documents.fontFiles'), [], { keep: true });
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const options = (files ?? []).map((f) => ({ value: f.name, label: `${f.name}（${(f.bytes / 1024 / 1024).toFixed(1)} MB）` }));

  const upload = async (file: File) => {
    setUploadError(null);
    if (file.size > FONT_MAX_BYTES) {
      setUploadError('字体文件超过 40 MB');
      return;
    }
    setUploading(true);
    try {
      const stored = await send('documents.uploadFont', { fileName: file.name, contentBase64: await readBase64(file) });
      message.success(`已上传字体文件 ${stored.name}，可在下面选用`);
      reloadFiles();
    } catch (err) {
      setUploadError(errorMessage(err));
    } finally {
      setUploading(false);
    }
  };

  const submit = (values: FontValues) =>
    save(async () => {
      const trimmed = Object.fromEntries(FIELDS.map((f) => [f.name, values[f.name]?.trim() || undefined])) as FontValues;
      form.setFieldsValue(fontValues(await send('documents.setFontSettings', trimmed)));
      message.success('文书字体已保存，此后生成的文书使用新字体');
    });

  return (
    <Card title="文书字体" size="small" className="font-settings">
      <Typography.Paragraph type="secondary" className="font-settings-note">
        文书默认使用随程序提供的思源宋体（Noto Serif
        SC），在每台电脑上打印效果相同。本院持有仿宋_GB2312、方正小标宋简体等字体授权的，先上传字体文件（TrueType，.ttf/.ttc，至多 40
        MB；也可在主机上运行 court font add 文件），再在下面选用（.ttc 字体集写作“文件名#字体名”）。留空则使用默认字体。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Upload accept=".ttf,.otf,.ttc,.otc" showUploadList={false} beforeUpload={(file) => (void upload(file), false)}>
          <Button icon={<UploadOutlined />} loading={uploading}>
            上传字体文件
          </Button>
        </Upload>
      </Space>
      {uploadError && <Alert type="error" showIcon title={uploadError} role="alert" className="page-alert" />}
      {loadError && <Alert type="error" showIcon title={loadError} role="alert" />}
      {!loaded && !loadError && <Skeleton active paragraph={{ rows: 3 }} />}
      {error && <Alert type="error" showIcon title={error} role="alert" className="page-alert" />}
      <Form<FontValues> form={form} layout="vertical" onFinish={submit} requiredMark={false} hidden={!loaded} name="fonts">
        {FIELDS.map((f) => (
          <Form.Item key={f.name} name={f.name} label={f.label} extra={f.example}>
            <AutoComplete options={options} placeholder="留空：使用默认字体" className="mono-path" allowClear />
          </Form.Item>
        ))}
        <Button htmlType="submit" loading={saving}>
          保存字体设置
        </Button>
      </Form>
    </Card>
  );
}
