import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Progress, Select, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage, send, type Output } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { OPERATION_OPTIONS } from '../../auditOperations';
import { AuditDetails } from './AuditDetails';

type AuditRow = Output<'audit.list'>['rows'][number];
type Verify = Output<'audit.verify'>;
type VerifyProgress = Output<'audit.verifyProgress'>;

const PHASES: Record<NonNullable<VerifyProgress['phase']>, string> = {
  integrity: '数据库完整性检查',
  chain: '审计链',
  records: '受审计记录',
};

const PAGE = 50;

function VerifyResult({ result }: { result: Verify }) {
  if (result.ok) {
    return (
      <Alert
        type="success"
        showIcon
        className="page-alert"
        data-testid="verify-result"
        title="哈希链完整"
        description={`共 ${result.auditRows} 条审计记录，逐条校验无误；数据库完整性检查通过。`}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      className="page-alert"
      data-testid="verify-result"
      title={result.firstBroken ? `哈希链断裂：第 ${result.firstBroken.id} 条审计记录起不可信` : '校验未通过'}
      description={
        <ul className="problem-list">
          {result.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      }
    />
  );
}

/** 审计日志 (admin): newest first, paged backwards by id, with a check of the hash chain. */
export function AuditPage() {
  const [rows, setRows] = useState<AuditRow[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [operation, setOperation] = useState<string | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [verify, setVerify] = useState<Verify | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [progress, setProgress] = useState<VerifyProgress | null>(null);

  // the check runs in a worker on the host; its phase and count are polled while it runs
  useEffect(() => {
    if (!verifying) return;
    const timer = setInterval(() => {
      send('audit.verifyProgress')
        .then(setProgress)
        .catch(() => {});
    }, 500);
    return () => clearInterval(timer);
  }, [verifying]);

  const load = useCallback(async (beforeId: number | null, op: string | undefined) => {
    setLoading(true);
    try {
      const page = await send('audit.list', { limit: PAGE, ...(beforeId ? { beforeId } : {}), ...(op ? { operation: op } : {}) });
      setRows((old) => (beforeId ? [...old, ...page.rows] : page.rows));
      setNext(page.nextBeforeId);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(null, operation);
  }, [load, operation]);

  const runVerify = async () => {
    setVerifying(true);
    try {
      setVerify(await send('audit.verify'));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setVerifying(false);
      setProgress(null);
    }
  };

  const broken = verify?.firstBroken?.id;

  return (
    <>
      <PageHeader
        title="审计日志"
        extra={
          <>
            <Select
              allowClear
              placeholder="全部操作"
              aria-label="按操作筛选"
              style={{ width: 240 }}
              options={OPERATION_OPTIONS}
              value={operation}
              onChange={(v: string | undefined) => setOperation(v)}
            />
            <Button icon={<ReloadOutlined />} onClick={() => void load(null, operation)}>
              刷新
            </Button>
            <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void runVerify()}>
              校验哈希链
            </Button>
          </>
        }
      />
      {verifying && progress?.running && progress.phase && (
        <Alert
          type="info"
          showIcon
          className="page-alert"
          data-testid="verify-progress"
          title={`正在校验：${PHASES[progress.phase]}（后台进行，其他操作不受影响）`}
          description={
            progress.total > 0 ? (
              <Progress
                percent={Math.min(100, Math.round((progress.done / progress.total) * 100))}
                format={() => `${progress.done} / ${progress.total}`}
              />
            ) : undefined
          }
        />
      )}
      {verify && <VerifyResult result={verify} />}
      {error && <Alert type="error" showIcon title={error} className="page-alert" />}
      <Table<AuditRow>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={rows}
        pagination={false}
        className="dense-table"
        rowClassName={(r) => (r.id === broken ? 'row-broken' : '')}
        locale={loading && rows.length === 0 ? { emptyText: ' ' } : undefined}
        scroll={{ x: 960 }}
        expandable={{
          rowExpandable: (r) => r.fields.length > 0,
          expandedRowRender: (r) => <AuditDetails fields={r.fields} />,
        }}
        columns={[
          { title: '编号', dataIndex: 'id', width: 64 },
          { title: '时间', className: 'no-wrap', dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v, true) },
          { title: '操作人', dataIndex: 'actorName', className: 'no-wrap', width: 168 },
          {
            title: '操作',
            dataIndex: 'operation',
            width: 220,
            render: (v: string, r) => (
              <>
                {r.operationLabel}{' '}
                <Typography.Text type="secondary" className="op-code">
                  {v}
                </Typography.Text>
              </>
            ),
          },
          {
            title: '对象',
            key: 'entity',
            // a 案号 stays on one line: below ~1000 px the table scrolls sideways (scroll.x) rather than break it
            className: 'no-wrap',
            render: (_v, r) => {
              const text = r.subject.name ? `${r.subject.label} ${r.subject.name}` : r.subject.label;
              // a case entry opens the case read-only, to trace what was done (issue 15 item 5)
              return r.entityType === 'case' && r.entityId ? <Link to={`/cases/${r.entityId}`}>{text}</Link> : text;
            },
          },
        ]}
      />
      <Flex justify="center" className="load-more">
        {next !== null ? (
          <Button onClick={() => void load(next, operation)} loading={loading}>
            加载更早的记录
          </Button>
        ) : (
          rows.length > 0 && <Typography.Text type="secondary">已显示全部 {rows.length} 条</Typography.Text>
        )}
      </Flex>
    </>
  );
}
