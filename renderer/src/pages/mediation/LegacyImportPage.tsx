import { CheckCircleOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Progress, Result, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { LEGACY_IMPORT_FIELD_KEYS, LEGACY_IMPORT_FIELDS, LEGACY_OUTCOMES, type LegacyImportField } from '../../../../core/mediation/meta';
import { send, type Output } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { readBase64 } from '../../components/readBase64';
import { ColumnMappingCard, ConfirmImportBar, RefusedRowsTable } from '../../lists/importSteps';
import { useSheetImport } from '../../lists/useSheetImport';

type Preview = Output<'mediation.legacyImportPreview'>;
type Done = Output<'mediation.legacyImportStatus'>;
type Outcomes = Preview['byOutcome'];

/** how often the page asks for the import's progress */
const POLL_MS = 500;

const outcomeText = (n: Outcomes) =>
  (Object.keys(LEGACY_OUTCOMES) as (keyof Outcomes)[]).map((k) => `${LEGACY_OUTCOMES[k].label} ${n[k]} 件`).join('，');

/**
 * 导入旧诉前调案件 (issue 12, item 2): the centre's old system's 民诉前调 records from an .xlsx. Choose the file →
 * the preview (the column found for each field, every refused row with its column and reason, the rows imported
 * before, the accepted rows by their old state; nothing is written) → correct a column if needed (the preview runs
 * again) → confirm: the host registers the rows in committed batches (core/mediation/importLegacy.ts) while the page
 * shows the progress. Stopped halfway, the page says what went in and where it stopped; the same sheet confirmed
 * again imports the rest (rows already in are recognised and left out). A finished preview cannot be confirmed twice.
 */
export function LegacyImportPage() {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const { file, setFile, mapping, setMapping, preview, setPreview, skip, setSkip, busy, error, done, setDone, runPreview, confirm } =
    useSheetImport<Partial<Record<LegacyImportField, string>>, Preview, Done>({
      empty: {},
      preview: (f, m) => send('mediation.legacyImportPreview', { fileBase64: f.base64, fileName: f.name, mapping: m }),
      confirm: async (f, p, skipRefused) => {
        const started = await send('mediation.legacyImportConfirm', {
          fileBase64: f.base64,
          fileName: f.name,
          mapping: p.mapping,
          digest: p.digest,
          skipRefused,
        });
        setProgress({ done: 0, total: started.total });
        try {
          for (;;) {
            await new Promise((resolve) => setTimeout(resolve, POLL_MS));
            const s = await send('mediation.legacyImportStatus', { jobId: started.jobId });
            if (s.state !== 'running') return s;
            setProgress({ done: s.done, total: s.total });
          }
        } finally {
          setProgress(null);
        }
      },
    });
  const again = () => {
    setDone(null);
    setPreview(null);
    setFile(null);
    setMapping({});
  };

  if (done) {
    const already = done.alreadyImported ? `；${done.alreadyImported} 行此前已导入，未重复登记` : '';
    const skipped = done.skipped ? `；未导入 ${done.skipped} 行（未通过校验，已记入审计日志）` : '';
    const buttons = [
      ...(done.firstMediationId !== null
        ? [
            <Link key="first" to={`/mediation/${done.firstMediationId}`}>
              <Button type={done.state === 'done' ? 'primary' : 'default'}>查看第一件</Button>
            </Link>,
          ]
        : []),
      <Link key="list" to="/mediation">
        <Button>调解登记簿</Button>
      </Link>,
      <Button key="again" type={done.state === 'done' ? 'default' : 'primary'} onClick={again}>
        {done.state === 'done' ? '继续导入' : '重新选择文件'}
      </Button>,
    ];
    if (done.state === 'failed')
      return (
        <Result
          status="warning"
          title={`导入在中途停止：已导入 ${done.imported} 件，其余 ${done.total - done.done} 行未导入`}
          subTitle={
            <div data-testid="legacy-import-stopped">
              <Typography.Paragraph type="danger">{done.error}</Typography.Paragraph>
              <Typography.Paragraph>
                已导入的 {done.imported} 件{done.firstNumber ? `（案号自 ${done.firstNumber} 至 ${done.lastNumber}）` : ''}
                已保存在调解登记簿中，不会撤销
                {already}。修改该行后重新选择同一工作表、预览并确认：已导入的行会被识别为“此前已导入”并跳过，只导入其余的行。
              </Typography.Paragraph>
            </div>
          }
          extra={buttons}
        />
      );
    return (
      <Result
        status="success"
        icon={<CheckCircleOutlined />}
        title={`已导入 ${done.imported} 件旧诉前调案件`}
        subTitle={
          <span data-testid="legacy-import-done">
            {outcomeText(done.byOutcome)}
            {done.firstNumber ? `；各件保留原案号，如 ${done.firstNumber}` : ''}
            {already}
            {skipped}
          </span>
        }
        extra={buttons}
      />
    );
  }

  const refusedCount = preview?.refused.length ?? 0;

  return (
    <div data-testid="legacy-import-page">
      <PageHeader title="导入旧诉前调案件" />
      <Typography.Paragraph type="secondary">
        导入原系统中 2024
        年及以前的“民诉前调”案件（.xlsx，第一行为表头）。每一行保留原案号，按立案登记的规则校验当事人（身份证号码、统一社会信用代码）、案由、金额和日期，
        并按原状态（调解中、调解成功、调解不成、撤回）和结案日期登记为“诉前调解（旧案）”；调解中的案件导入后可以继续办理。
        预览不写入任何数据。确认后分批登记，每批保存后再登记下一批，其间其他窗口照常使用，本页显示进度；如在中途停止（某行登记时被拒绝等），
        已登记的各批保留，本页列明已导入的件数和停止的行，修改后重新导入同一工作表即可——原案号已登记为旧案的行识别为“此前已导入”并跳过，不会重复登记。
        导入完成的预览不能再次确认。
      </Typography.Paragraph>
      <Card size="small" title="1. 选择文件" style={{ marginBottom: 12 }}>
        <Space>
          <Upload
            accept=".xlsx"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              void readBase64(f).then((base64) => {
                setFile({ name: f.name, base64 });
                setPreview(null);
                setMapping({});
                setDone(null);
              });
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{file ? file.name : '选择 Excel 文件'}</Button>
          </Upload>
          <Button type="primary" loading={busy} disabled={!file} onClick={() => void runPreview({})}>
            预览
          </Button>
        </Space>
      </Card>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="legacy-import-error" />}
      {preview && (
        <>
          <ColumnMappingCard
            fields={LEGACY_IMPORT_FIELD_KEYS}
            label={(f) => LEGACY_IMPORT_FIELDS[f].label}
            headers={preview.headers}
            mapping={mapping}
            width={160}
            onChange={(next) => {
              setMapping(next);
              void runPreview(next);
            }}
          />
          <Card size="small" title="3. 预览" style={{ marginBottom: 12 }}>
            <Descriptions
              size="small"
              column={1}
              data-testid="legacy-import-summary"
              items={[
                {
                  key: 'rows',
                  label: `工作表“${preview.sheet}”`,
                  children: (
                    <span>
                      共 {preview.total} 行：可导入 <b>{preview.accepted}</b> 行，未通过校验{' '}
                      <Typography.Text type={refusedCount ? 'danger' : undefined} strong>
                        {refusedCount}
                      </Typography.Text>{' '}
                      行
                    </span>
                  ),
                },
                { key: 'states', label: '可导入的按原状态', children: outcomeText(preview.byOutcome) },
                ...(preview.alreadyImported
                  ? [
                      {
                        key: 'already',
                        label: '此前已导入',
                        children: `${preview.alreadyImported} 行（原案号已登记为旧诉前调案件，将跳过，不重复登记）`,
                      },
                    ]
                  : []),
              ]}
            />
            {refusedCount > 0 && <RefusedRowsTable refused={preview.refused} testId="legacy-import-refused" style={{ margin: '12px 0' }} />}
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
                    { title: '案号（保留原号）', dataIndex: 'number', width: 230 },
                    { title: '收案日期', dataIndex: 'receivedOn', width: 110 },
                    { title: '申请人', dataIndex: 'applicant' },
                    { title: '被申请人', dataIndex: 'respondent' },
                    { title: '案由', dataIndex: 'cause' },
                    { title: '原状态', dataIndex: 'outcome', width: 90 },
                    { title: '结案日期', dataIndex: 'outcomeOn', width: 110, render: (v: string | null) => v ?? '—' },
                  ]}
                />
              </>
            )}
          </Card>
          <ConfirmImportBar preview={preview} skip={skip} onSkip={setSkip} busy={busy} onConfirm={() => void confirm()} />
          {progress && (
            <Card size="small" style={{ marginTop: 12 }} data-testid="legacy-import-progress">
              <Typography.Text>
                正在分批导入：已处理 {progress.done} / {progress.total} 行（每批保存后再登记下一批）
              </Typography.Text>
              <Progress percent={Math.floor((progress.done / Math.max(1, progress.total)) * 100)} />
            </Card>
          )}
        </>
      )}
    </div>
  );
}
