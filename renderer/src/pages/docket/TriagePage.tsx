import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Form,
  Input,
  List,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage, send, type Input as OpInput } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { formatFen } from '../../cases/money';
import { PageHeader } from '../../components/PageHeader';
import { useSubmit } from '../../components/useSubmit';
import { PROCEDURE_LABELS } from '../../../../core/docket/meta';

type Flags = NonNullable<OpInput<'docket.triage'>['flags']>;

const EXCLUSIONS: { key: keyof Flags; label: string; group: string }[] = [
  { key: 'personalStatus', label: '人身关系案件', group: '不适用小额诉讼（民诉法第一百六十六条）' },
  { key: 'ownership', label: '财产确权案件', group: '不适用小额诉讼（民诉法第一百六十六条）' },
  { key: 'foreign', label: '涉外案件', group: '不适用小额诉讼（民诉法第一百六十六条）' },
  { key: 'appraisal', label: '需要评估、鉴定', group: '不适用小额诉讼（民诉法第一百六十六条）' },
  { key: 'counterclaim', label: '当事人提出反诉', group: '不适用小额诉讼（民诉法第一百六十六条）' },
  { key: 'unsuitable', label: '其他不宜适用小额诉讼', group: '不适用小额诉讼（民诉法第一百六十六条）' },
  { key: 'whereaboutsUnknown', label: '起诉时被告下落不明', group: '不适用简易程序（解释第二百五十七条）' },
  { key: 'remanded', label: '发回重审', group: '不适用简易程序（解释第二百五十七条）' },
  { key: 'manyParties', label: '当事人一方人数众多', group: '不适用简易程序（解释第二百五十七条）' },
  { key: 'retrial', label: '适用审判监督程序', group: '不适用简易程序（解释第二百五十七条）' },
  { key: 'publicInterest', label: '涉及国家利益、社会公共利益', group: '不适用简易程序（解释第二百五十七条）' },
  { key: 'thirdPartyRevocation', label: '第三人撤销之诉', group: '不适用简易程序（解释第二百五十七条）' },
  { key: 'complex', label: '案情复杂', group: '不适用简易程序（解释第二百五十七条）' },
];

/** 程序分流: the queue of 民初 cases, the rules' recommendation with its reasons, and the officer's decision. */
export function TriagePage() {
  const queue = useOperation(() => send('docket.triageQueue'), []);
  const [caseId, setCaseId] = useState<number | null>(null);
  return (
    <>
      <PageHeader title="程序分流" />
      {queue.error && <Alert type="error" showIcon title={queue.error} />}
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card size="small" title="待分流的民初案件">
            <Table
              size="small"
              rowKey="caseId"
              loading={!queue.data && !queue.error}
              dataSource={queue.data?.rows ?? []}
              pagination={false}
              locale={{ emptyText: '没有待分流的案件' }}
              rowClassName={(r) => (r.caseId === caseId ? 'ant-table-row-selected' : '')}
              onRow={(r) => ({ onClick: () => setCaseId(r.caseId) })}
              columns={[
                {
                  title: '案号',
                  dataIndex: 'number',
                  render: (v: string, r) => (
                    <Typography.Link className="mono-number" onClick={() => setCaseId(r.caseId)}>
                      {v}
                    </Typography.Link>
                  ),
                },
                { title: '案由', dataIndex: 'causeName' },
                { title: '标的额', dataIndex: 'amountFen', align: 'right', render: (v: number | null) => formatFen(v) },
                {
                  title: '来源',
                  dataIndex: 'sourceLabel',
                  render: (v: string, r) => <Tag color={r.source === 'filing' ? 'default' : 'purple'}>{v}</Tag>,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          {caseId === null ? (
            <Card size="small">
              <Empty description="选择左侧案件进行分流" />
            </Card>
          ) : (
            <TriageForm key={caseId} caseId={caseId} onDone={queue.reload} />
          )}
        </Col>
      </Row>
    </>
  );
}

function TriageForm({ caseId, onDone }: { caseId: number; onDone: () => void }) {
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const [flags, setFlags] = useState<Flags>({});
  const [consent, setConsent] = useState(false);
  const [procedure, setProcedure] = useState<string | undefined>(undefined);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, run] = useSubmit();
  const preview = useOperation(() => send('docket.previewTriage', { caseId, consent, flags }), [caseId, consent, JSON.stringify(flags)], {
    keep: true,
  });
  const decided = procedure ?? preview.data?.procedure;
  const differs = preview.data && decided !== preview.data.procedure;

  const submit = () =>
    run(async () => {
      setError(null);
      try {
        const v = await send('docket.triage', {
          caseId,
          consent,
          flags,
          procedure: decided as 'small-claims',
          reason: reason || undefined,
        });
        message.success(`已分流：${v.procedureLabel}${v.judge ? `，承办法官 ${v.judge.name}` : ''}`);
        onDone();
        navigate(`/docket/cases/${caseId}`);
      } catch (err) {
        setError(errorMessage(err));
      }
    });

  const groups = [...new Set(EXCLUSIONS.map((e) => e.group))];
  return (
    <Card size="small" title="分流建议与决定">
      {preview.error && <Alert type="error" showIcon title={preview.error} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" onFinish={submit}>
        {groups.map((g) => (
          <Form.Item key={g} label={g} style={{ marginBottom: 8 }}>
            <Space wrap>
              {EXCLUSIONS.filter((e) => e.group === g).map((e) => (
                <Checkbox
                  key={e.key}
                  checked={Boolean(flags[e.key])}
                  onChange={(ev) => setFlags((f) => ({ ...f, [e.key]: ev.target.checked }))}
                >
                  {e.label}
                </Checkbox>
              ))}
            </Space>
          </Form.Item>
        ))}
        <Form.Item style={{ marginBottom: 8 }}>
          <Checkbox checked={consent} onChange={(e) => setConsent(e.target.checked)}>
            当事人双方约定适用小额诉讼的程序
          </Checkbox>
        </Form.Item>
        {preview.data && (
          <Alert
            type="info"
            style={{ marginBottom: 12 }}
            title={`建议：${preview.data.procedureLabel}${preview.data.byConsent ? '（当事人约定）' : ''}`}
            description={
              <List
                size="small"
                dataSource={preview.data.reasons}
                renderItem={(r) => (
                  <List.Item data-testid="triage-reason">
                    {r.text}
                    <Typography.Text type="secondary">〔{r.basis}〕</Typography.Text>
                  </List.Item>
                )}
              />
            }
          />
        )}
        <Form.Item label="决定适用的程序">
          <Select
            value={decided}
            onChange={setProcedure}
            options={Object.entries(PROCEDURE_LABELS).map(([value, label]) => ({ value, label }))}
            style={{ maxWidth: 240 }}
            aria-label="决定适用的程序"
          />
        </Form.Item>
        <Form.Item
          label={differs ? '与建议不同的理由（必填）' : '说明（可不填）'}
          validateStatus={differs && !reason ? 'warning' : undefined}
        >
          <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={500} aria-label="理由" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={busy} disabled={!preview.data}>
          确定分流并分配法官
        </Button>
      </Form>
    </Card>
  );
}
