import { Alert, App as AntApp, Button, Card, Form, Input, Skeleton, Typography } from 'antd';
import { send } from '../../api/client';
import { useSettingsForm } from './useSettingsForm';

interface FontValues {
  body?: string;
  bodyBold?: string;
  title?: string;
}

const FIELDS: { name: keyof FontValues; label: string; example: string }[] = [
  { name: 'body', label: '正文字体', example: '如 C:\\Windows\\Fonts\\simfang.ttf（仿宋），或本院的仿宋_GB2312 字体文件' },
  { name: 'bodyBold', label: '正文加粗字体', example: '可不填：不填时由正文字体加粗' },
  { name: 'title', label: '标题字体', example: '如 D:\\字体\\FZXBSJW.TTF（方正小标宋简体）' },
];

/** The form's values: an empty field for the shipped font. */
const fontValues = (f: { [K in keyof FontValues]?: string | null }): FontValues => ({ body: f.body ?? '', bodyBold: f.bodyBold ?? '', title: f.title ?? '' });

/**
 * 文书字体 (admin, in 本院设置): the court's own licensed font files for documents. Empty fields use the font
 * shipped with the program (Noto Serif SC); a file that cannot be used is refused with the reason on its field.
 */
export function FontSettings() {
  const { message } = AntApp.useApp();
  const { form, loaded, loadError, error, saving, save } = useSettingsForm<FontValues>(() => send('documents.fontSettings').then(fontValues));

  const submit = (values: FontValues) =>
    save(async () => {
      const trimmed = Object.fromEntries(FIELDS.map((f) => [f.name, values[f.name]?.trim() || undefined])) as FontValues;
      form.setFieldsValue(fontValues(await send('documents.setFontSettings', trimmed)));
      message.success('文书字体已保存，此后生成的文书使用新字体');
    });

  return (
    <Card title="文书字体" size="small" className="font-settings">
      <Typography.Paragraph type="secondary" className="font-settings-note">
        文书默认使用随程序提供的思源宋体（Noto Serif SC），在每台电脑上打印效果相同。本院持有仿宋_GB2312、方正小标宋简体等字体授权的，可在此填写字体文件在主机上的完整路径（TrueType 字体；.ttc 字体集写作“文件路径#字体名”）。留空则使用默认字体。
      </Typography.Paragraph>
      {loadError && <Alert type="error" showIcon title={loadError} role="alert" />}
      {!loaded && !loadError && <Skeleton active paragraph={{ rows: 3 }} />}
      {error && <Alert type="error" showIcon title={error} role="alert" className="page-alert" />}
      <Form<FontValues> form={form} layout="vertical" onFinish={submit} requiredMark={false} hidden={!loaded} name="fonts">
        {FIELDS.map((f) => (
          <Form.Item key={f.name} name={f.name} label={f.label} extra={f.example}>
            <Input maxLength={1000} placeholder="留空：使用默认字体" className="mono-path" allowClear />
          </Form.Item>
        ))}
        <Button htmlType="submit" loading={saving}>
          保存字体设置
        </Button>
      </Form>
    </Card>
  );
}
