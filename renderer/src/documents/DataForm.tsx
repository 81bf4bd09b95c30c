import { DeleteOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Select, Switch, Tag, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { amountInWords } from '../../../core/documents/chinese';
import { emptyItem, itemLabel, topLabel, type FieldEntry, type FieldSchema, type ObjectSchema } from './dataForm';

type Path = (string | number)[];

const DATE_RULE = { pattern: /^\d{4}-\d{2}-\d{2}$/, message: '日期请写成 YYYY-MM-DD，如 2026-11-23' };

const isWide = (s: FieldSchema): boolean =>
  (s.kind === 'object' && !(s.fields.length === 1 && !isWide(s.fields[0]!.schema))) ||
  s.kind === 'list' ||
  s.kind === 'lines' ||
  (s.kind === 'text' && s.multiline);

/** The amount in words under a money input, as the document will print it. */
function AmountWords({ form, path }: { form: FormInstance; path: Path }) {
  const yuan = Form.useWatch(path, form) as unknown;
  if (typeof yuan !== 'number' || !Number.isFinite(yuan) || yuan < 0) return null;
  try {
    return <span className="amount-words">大写：{amountInWords(Math.round(yuan * 100))}</span>;
  } catch {
    return null;
  }
}

function MoneyInput(props: { value?: number | null; onChange?: (v: number | null) => void; id?: string }) {
  return <InputNumber {...props} min={0} precision={2} step={100} addonAfter="元" className="mono-number" style={{ width: 220 }} />;
}

function SimpleField({
  form,
  name,
  path,
  label,
  schema,
}: {
  form: FormInstance;
  name: Path;
  path: Path;
  label: string;
  schema: FieldSchema;
}) {
  switch (schema.kind) {
    case 'date':
      return (
        <Form.Item name={name} label={label} rules={[DATE_RULE]} className="data-field">
          <Input placeholder="YYYY-MM-DD" maxLength={10} className="mono-number" style={{ maxWidth: 160 }} />
        </Form.Item>
      );
    case 'number':
      return (
        <Form.Item name={name} label={label} className="data-field">
          <InputNumber style={{ width: 200 }} />
        </Form.Item>
      );
    case 'money':
      return (
        <Form.Item name={name} label={label} className="data-field" extra={<AmountWords form={form} path={path} />}>
          <MoneyInput />
        </Form.Item>
      );
    case 'moneyText':
      return (
        <Form.Item name={name} label={label} className="data-field">
          <MoneyInput />
        </Form.Item>
      );
    case 'boolean':
      return (
        <Form.Item name={name} label={label} valuePropName="checked" className="data-field">
          <Switch checkedChildren="是" unCheckedChildren="否" />
        </Form.Item>
      );
    case 'lines':
      return (
        <Form.Item name={name} label={label} extra="每行一条；空行不计" className="data-field data-field-wide">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 14 }} />
        </Form.Item>
      );
    case 'choice':
      return (
        <Form.Item name={name} label={label} className="data-field">
          <Select options={schema.choices} allowClear style={{ maxWidth: 320 }} />
        </Form.Item>
      );
    case 'text':
      return (
        <Form.Item name={name} label={label} className={schema.multiline ? 'data-field data-field-wide' : 'data-field'}>
          {schema.multiline ? (
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} />
          ) : (
            <Input className={schema.variant ? 'mono-number no-wrap' : undefined} />
          )}
        </Form.Item>
      );
    default:
      return null;
  }
}

function ListItemTitle({ form, fullPath, listLabel, index }: { form: FormInstance; fullPath: Path; listLabel: string; index: number }) {
  const value = Form.useWatch(fullPath, form) as unknown;
  return <span>{itemLabel(listLabel, index, value)}</span>;
}

/** Fields that only make sense for one kind of party (a person's sex, a company's representative). */
const PERSON_ONLY = new Set(['sex', 'birthDate', 'ethnicity']);
const ORGANISATION_ONLY = new Set(['representative', 'representativeRole', 'representativeTitle']);

/** Renders `fields` of an object; `name` is the Form name prefix (relative inside a Form.List), `path` the full path. */
function Fields({ form, fields, name, path }: { form: FormInstance; fields: FieldEntry[]; name: Path; path: Path }) {
  const hasKind = fields.some((f) => f.key === 'kind');
  const kind = Form.useWatch([...path, 'kind'], form) as unknown;
  const shown = fields.filter((f) => {
    if (f.schema.kind === 'derived') return false;
    if (!hasKind) return true;
    if (kind === 'person' && ORGANISATION_ONLY.has(f.key)) return false;
    if (kind === 'organisation' && PERSON_ONLY.has(f.key)) return false;
    return true;
  });
  return (
    <div className="data-grid">
      {shown.map((f) => (
        <Field key={f.key} form={form} entry={f} name={[...name, f.key]} path={[...path, f.key]} />
      ))}
    </div>
  );
}

function Field({ form, entry, name, path }: { form: FormInstance; entry: FieldEntry; name: Path; path: Path }) {
  const { schema } = entry;
  if (schema.kind === 'object') {
    // a group the template does not name (法院 → 法院名称), or of one simple value, is shown as its fields
    const only = schema.fields.length === 1 ? schema.fields[0]! : null;
    if (only && only.schema.kind !== 'object' && only.schema.kind !== 'list') {
      return (
        <SimpleField
          form={form}
          name={[...name, only.key]}
          path={[...path, only.key]}
          label={only.label ?? entry.label ?? ''}
          schema={only.schema}
        />
      );
    }
    if (!entry.label) return <Fields form={form} fields={schema.fields} name={name} path={path} />;
    return (
      <fieldset className="data-group data-field-wide">
        <legend>{entry.label}</legend>
        <Fields form={form} fields={schema.fields} name={name} path={path} />
      </fieldset>
    );
  }
  if (schema.kind === 'list') return <ListField form={form} item={schema.item} label={entry.label ?? ''} name={name} path={path} />;
  return <SimpleField form={form} name={name} path={path} label={entry.label ?? ''} schema={schema} />;
}

function ListField({ form, item, label, name, path }: { form: FormInstance; item: ObjectSchema; label: string; name: Path; path: Path }) {
  const short = label.replace(/（.*$/, '');
  return (
    <fieldset className="data-group data-field-wide">
      <legend>{label}</legend>
      <Form.List name={name}>
        {(items, { add, remove }) => (
          <>
            {items.length === 0 && <div className="data-list-empty">（无）</div>}
            {items.map((it, index) => (
              <div key={it.key} className="data-list-item" role="group" aria-label={`${short} ${index + 1}`}>
                <div className="data-list-item-head">
                  <ListItemTitle form={form} fullPath={[...path, index]} listLabel={label} index={index} />
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(index)}
                    aria-label={`删除${short} ${index + 1}`}
                  >
                    删除
                  </Button>
                </div>
                <Fields form={form} fields={item.fields} name={[it.name]} path={[...path, index]} />
              </div>
            ))}
            <Button size="small" icon={<PlusOutlined />} onClick={() => add(emptyItem(item))}>
              添加{short}
            </Button>
          </>
        )}
      </Form.List>
    </fieldset>
  );
}

/**
 * The document's data as a form. Top-level fields listed in `missing` were taken from the template's sample
 * (the case does not hold them yet): they are marked 「请核对：样例内容」 and each needs a tick before the
 * document may be generated.
 */
export function DataForm({
  form,
  schema,
  missing,
  confirmed,
  onConfirm,
  initialValues,
  onValuesChange,
  children,
}: {
  form: FormInstance;
  schema: ObjectSchema;
  missing: readonly string[];
  confirmed: ReadonlySet<string>;
  onConfirm: (key: string, checked: boolean) => void;
  initialValues: Record<string, unknown>;
  onValuesChange?: () => void;
  children?: ReactNode;
}) {
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={onValuesChange}
      requiredMark={false}
      className="data-form"
      name="document-data"
    >
      <div className="data-grid">
        {/* what the case could not fill comes first: that is the work to do */}
        {[...schema.fields.filter((f) => missing.includes(f.key)), ...schema.fields.filter((f) => !missing.includes(f.key))].map((f) => {
          const field = <Field form={form} entry={f} name={[f.key]} path={[f.key]} />;
          if (!missing.includes(f.key))
            return (
              <div key={f.key} className={isWide(f.schema) ? 'data-field-wide' : undefined}>
                {field}
              </div>
            );
          const ok = confirmed.has(f.key);
          return (
            <div
              key={f.key}
              className={`data-missing data-field-wide${ok ? ' data-missing-confirmed' : ''}`}
              data-testid={`missing-${f.key}`}
            >
              <div className="data-missing-head">
                <Tag color={ok ? 'green' : 'orange'} icon={ok ? undefined : <WarningOutlined />}>
                  {ok ? '已核对' : '请核对：样例内容'}
                </Tag>
                <span className="data-missing-note">本案尚无此项，以下内容取自模板样例，须按实际情况修改</span>
                <Checkbox checked={ok} onChange={(e) => onConfirm(f.key, e.target.checked)}>
                  已核对「{topLabel(schema, f.key)}」
                </Checkbox>
              </div>
              {field}
            </div>
          );
        })}
      </div>
      {children}
    </Form>
  );
}
