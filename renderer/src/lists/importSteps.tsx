import { Button, Card, Checkbox, Flex, Select, Space, Table, Typography } from 'antd';
import type { CSSProperties } from 'react';

/**
 * The steps every sheet import shows the same way (导入移送案件, 导入旧诉前调案件): the column each field is read from,
 * the rows the preview refused with their column and reason, and the bar that confirms the import — refused rows
 * must be skipped knowingly before the rest can be registered.
 */

/** 2. 列对应关系: one select a field; changing one runs the preview again with the new mapping. */
export function ColumnMappingCard<F extends string>(props: {
  fields: readonly F[];
  label: (f: F) => string;
  headers: string[];
  mapping: Partial<Record<F, string>>;
  width: number;
  onChange: (next: Partial<Record<F, string>>) => void;
}) {
  const { fields, label, headers, mapping, width, onChange } = props;
  return (
    <Card size="small" title="2. 列对应关系（可修改，修改后重新预览）" style={{ marginBottom: 12 }}>
      <Flex wrap gap={12}>
        {fields.map((f) => (
          <Space key={f} size={4}>
            <Typography.Text>{label(f)}</Typography.Text>
            <Select
              aria-label={`对应列 ${label(f)}`}
              allowClear
              size="small"
              style={{ width }}
              placeholder="（不导入）"
              value={mapping[f]}
              onChange={(v?: string) => onChange({ ...mapping, [f]: v ?? '' })}
              options={headers.filter(Boolean).map((h) => ({ value: h, label: h }))}
            />
          </Space>
        ))}
      </Flex>
    </Card>
  );
}

/** The refused rows of a preview: row number, the column as the clerk mapped it, the reason. */
export function RefusedRowsTable(props: {
  refused: { row: number; column: string; message: string }[];
  testId: string;
  style: CSSProperties;
}) {
  return (
    <Table
      data-testid={props.testId}
      size="small"
      rowKey={(r) => `${r.row}-${r.column}`}
      dataSource={props.refused}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      columns={[
        { title: '行号', dataIndex: 'row', width: 70 },
        { title: '列', dataIndex: 'column', width: 160 },
        { title: '原因', dataIndex: 'message' },
      ]}
      style={props.style}
    />
  );
}

/**
 * The confirm bar: the skip tick (only when rows were refused) and 确认导入, which needs something to import and the
 * refused rows, if any, knowingly skipped.
 */
export function ConfirmImportBar(props: {
  preview: { accepted: number; refused: unknown[] };
  skip: boolean;
  onSkip: (skip: boolean) => void;
  busy: boolean;
  onConfirm: () => void;
}) {
  const { preview, skip, onSkip, busy, onConfirm } = props;
  const refusedCount = preview.refused.length;
  const canConfirm = preview.accepted > 0 && (refusedCount === 0 || skip);
  return (
    <Flex gap={12} align="center">
      {refusedCount > 0 && (
        <Checkbox checked={skip} onChange={(e) => onSkip(e.target.checked)}>
          跳过未通过校验的 {refusedCount} 行，只导入其余 {preview.accepted} 行
        </Checkbox>
      )}
      <Button type="primary" disabled={!canConfirm} loading={busy} onClick={onConfirm}>
        确认导入 {preview.accepted} 行
      </Button>
    </Flex>
  );
}
