import { CheckCircleOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Radio, Result, Select, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { IMPORT_FIELD_KEYS, IMPORT_FIELDS, IMPORT_SOURCES, type ImportField, type ImportSource } from '../../../core/cases/listMeta';
import { FILING_CASE_TYPES, CASE_TYPE_RULES } from '../../../core/cases/types';
import { send, type Output } from '../api/client';
import { formatFen } from '../cases/money';
import { PageHeader } from '../components/PageHeader';
import { readBase64 } from '../components/readBase64';
import { ColumnMappingCard, ConfirmImportBar, RefusedRowsTable } from './importSteps';
import { useSheetImport, type SheetFile } from './useSheetImport';

type Preview = Output<'cases.importPreview'>;
type Done = Output<'cases.importConfirm'>;
type CaseType = (typeof FILING_CASE_TYPES)[number];

/**
 * 导入移送案件 (issue 15, item 4): a sheet of cases or referrals from a 综治中心 or a people's mediation committee.
 * Choose the file and who sent it → the preview (the columns found for each field, every refused row with its
 * reason; nothing is written) → correct a column if needed (the preview runs again) → confirm: the rows are filed
 * together, or none of them.
 */
export function ImportPage() {
  const [caseType, setCaseType] = useState<CaseType>('调登');
  const [source, setSource] = useState<ImportSource>('zongzhi');
  const [sourceName, setSourceName] = useState('');
  const options = (file: SheetFile, mapping: Partial<Record<ImportField, string>>) => ({
    fileBase64: file.base64,
    fileName: file.name,
    caseType,
    source,
    sourceName: sourceName.trim(),
    mapping,
  });
  const { file, setFile, mapping, setMapping, preview, setPreview, skip, setSkip, busy, error, done, setDone, runPreview, confirm } =
    useSheetImport<Partial<Record<ImportField, string>>, Preview, Done>({
      empty: {},
      preview: (f, m) => send('cases.importPreview', options(f, m)),
      confirm: (f, p, skipRefused) => send('cases.importConfirm', { ...options(f, p.mapping), digest: p.digest, skipRefused }),
    });

  if (done)
    return (
      <Result
        status="success"
        icon={<CheckCircleOutlined />}
        title={`已导入 ${done.imported} 件`}
        subTitle={`编号 ${done.numbers[0]} 至 ${done.numbers[done.numbers.length - 1]}${done.skipped ? `；未导入 ${done.skipped} 行（已记入审计日志）` : ''}`}
        extra={[
          <Link key="list" to="/lists/cases">
            <Button type="primary">查看案件列表</Button>
          </Link>,
          <Button
            key="again"
            onClick={() => {
              setDone(null);
              setPreview(null);
              setFile(null);
            }}
          >
            继续导入
          </Button>,
        ]}
      />
    );

  const refusedCount = preview?.refused.length ?? 0;

  return (
    <div data-testid="import-page">
      <PageHeader title="导入移送案件" />
      <Typography.Paragraph type="secondary">
        导入综治中心、人民调解委员会等单位移送的案件表格（.xlsx，第一行为表头）。每一行按立案登记的规则校验（身份证号码、统一社会信用代码、案由、金额、日期）；
        预览不写入任何数据，确认后整批一次登记，任何一行失败则全部不登记。
      </Typography.Paragraph>
      <Card size="small" title="1. 选择文件和移送单位" style={{ marginBottom: 12 }}>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label="表格文件">
            <Upload
              accept=".xlsx"
              maxCount={1}
              showUploadList={false}
              beforeUpload={(f) => {
                void readBase64(f).then((base64) => {
                  setFile({ name: f.name, base64 });
                  setPreview(null);
                  setMapping({});
                });
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>{file ? file.name : '选择 Excel 文件'}</Button>
            </Upload>
          </Form.Item>
          <Form.Item label="登记为">
            <Select
              aria-label="登记为"
              style={{ width: 220 }}
              value={caseType}
              onChange={setCaseType}
              options={FILING_CASE_TYPES.map((t) => ({ value: t, label: `${t}（${CASE_TYPE_RULES[t].label}）` }))}
            />
          </Form.Item>
          <Form.Item label="移送单位">
            <Radio.Group value={source} onChange={(e) => setSource(e.target.value as ImportSource)}>
              {Object.entries(IMPORT_SOURCES).map(([k, label]) => (
                <Radio key={k} value={k}>
                  {label}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item label="单位名称">
            <Input
              aria-label="单位名称"
              placeholder="如 雉城街道综治中心"
              value={sourceName}
              onChange={(e) => setSourceName(e.target.value)}
            />
          </Form.Item>
          <Button type="primary" loading={busy} disabled={!file || !sourceName.trim()} onClick={() => void runPreview({})}>
            预览
          </Button>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {preview && (
        <>
          <ColumnMappingCard
            fields={IMPORT_FIELD_KEYS}
            label={(f) => IMPORT_FIELDS[f].label}
            headers={preview.headers}
            mapping={mapping}
            width={170}
            onChange={(next) => {
              setMapping(next);
              void runPreview(next);
            }}
          />
          <Card size="small" title="3. 预览" style={{ marginBottom: 12 }}>
            <Typography.Paragraph data-testid="import-summary">
              工作表“{preview.sheet}”共 {preview.total} 行：可导入 <b>{preview.accepted}</b> 行，未通过校验{' '}
              <Typography.Text type={refusedCount ? 'danger' : undefined} strong>
                {refusedCount}
              </Typography.Text>{' '}
              行。
            </Typography.Paragraph>
            {refusedCount > 0 && <RefusedRowsTable refused={preview.refused} testId="import-refused" style={{ marginBottom: 12 }} />}
            {preview.sample.length > 0 && (
              <>
                <Typography.Text type="secondary">前 {preview.sample.length} 行将登记为：</Typography.Text>
                <Table
                  size="small"
                  rowKey="row"
                  dataSource={preview.sample}
                  pagination={false}
                  columns={[
                    { title: '行号', dataIndex: 'row', width: 70 },
                    { title: '收案日期', dataIndex: 'receivedOn', width: 110 },
                    { title: '申请人', dataIndex: 'applicant' },
                    { title: '被申请人', dataIndex: 'respondent' },
                    { title: '案由', dataIndex: 'cause' },
                    { title: '标的额', dataIndex: 'amountFen', render: (v: number | null) => (v === null ? '' : formatFen(v)) },
                  ]}
                />
              </>
            )}
          </Card>
          <ConfirmImportBar preview={preview} skip={skip} onSkip={setSkip} busy={busy} onConfirm={() => void confirm()} />
        </>
      )}
    </div>
  );
}
