import { CloudUploadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, InputNumber, Progress, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { ApiCallError, errorMessage, send, type Output } from '../../../api/client';
import { useOperation } from '../../../api/useOperation';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../format';

type Status = Output<'backup.status'>;
type Run = Status['runs'][number];
type Job = Output<'backup.progress'>;

const TRIGGERS: Record<string, string> = { schedule: '定时', manual: '手动', cli: '命令行' };

function size(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function RunResult({ run }: { run: Run }) {
  if (run.ok === null) return <Tag color="processing">进行中</Tag>;
  if (!run.ok) return <Tag color="error">失败</Tag>;
  return run.present ? <Tag color="success">已校验</Tag> : <Tag>已按保留份数删除</Tag>;
}

/** 系统管理 → 数据备份 (admin): the policy, 立即备份 with progress, the backups taken and their checks. */
export function BackupPage() {
  const { data: status, error, reload } = useOperation(() => send('backup.status'), [], { keep: true });
  const [job, setJob] = useState<Job | null>(null);
  const [startError, setStartError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Status['policy']>();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (status) form.setFieldsValue(status.policy);
  }, [status, form]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const follow = (runId: number) => {
    send('backup.progress', { runId })
      .then((j) => {
        setJob(j);
        if (j.state === 'running') timer.current = setTimeout(() => follow(runId), 300);
        else reload();
      })
      .catch((err) => setStartError(errorMessage(err)));
  };

  const backupNow = async () => {
    setStartError(null);
    try {
      const { runId } = await send('backup.start');
      setJob({ runId, state: 'running', done: 0, total: 0, file: null, message: null });
      follow(runId);
    } catch (err) {
      setStartError(errorMessage(err));
    }
  };

  const savePolicy = async (values: Status['policy']) => {
    setSaving(true);
    try {
      await send('backup.setPolicy', { folder: values.folder, everyHours: values.everyHours, keep: values.keep, enabled: values.enabled });
      reload();
    } catch (err) {
      if (err instanceof ApiCallError && err.body.field)
        form.setFields([{ name: err.body.field as keyof Status['policy'], errors: [err.message] }]);
      else setStartError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const running = job?.state === 'running';
  const percent = job && job.total > 0 ? Math.round((job.done / job.total) * 100) : 0;
  return (
    <>
      <PageHeader
        title="数据备份"
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={reload}>
              刷新
            </Button>
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              loading={running}
              onClick={() => void backupNow()}
              data-testid="backup-now"
            >
              立即备份
            </Button>
          </>
        }
      />
      {error && <Alert type="error" showIcon className="page-alert" title={error} />}
      {startError && <Alert type="error" showIcon className="page-alert" title={startError} />}
      {status?.warning && <Alert type="warning" showIcon className="page-alert" title={status.warning} data-testid="backup-warning" />}
      {job && (
        <Card size="small" style={{ marginBottom: 16 }} data-testid="backup-progress">
          <Progress
            percent={job.state === 'done' ? 100 : percent}
            status={job.state === 'failed' ? 'exception' : job.state === 'done' ? 'success' : 'active'}
          />
          <Typography.Text type={job.state === 'failed' ? 'danger' : 'secondary'}>
            {job.state === 'running' ? `正在复制数据库（${job.done} / ${job.total} 页），其他人可照常使用` : job.message}
            {job.file ? `　备份文件：${job.file}` : ''}
          </Typography.Text>
        </Card>
      )}
      <Card title="定时备份" size="small" style={{ marginBottom: 16 }}>
        <Form form={form} layout="inline" onFinish={(v) => void savePolicy(v)} disabled={!status}>
          <Form.Item
            name="folder"
            label="备份文件夹"
            rules={[{ required: true, message: '请填写备份文件夹' }]}
            extra="移动硬盘或网络共享的完整路径"
          >
            <Input style={{ width: 360 }} placeholder="如 E:\诉服台备份" />
          </Form.Item>
          <Form.Item name="everyHours" label="间隔（小时）" rules={[{ required: true, message: '请填写间隔' }]}>
            <InputNumber min={1} max={168} precision={0} />
          </Form.Item>
          <Form.Item name="keep" label="保留份数" rules={[{ required: true, message: '请填写保留份数' }]}>
            <InputNumber min={1} max={365} precision={0} />
          </Form.Item>
          <Form.Item name="enabled" label="启用" valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" loading={saving}>
              保存
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          每份备份是一个文件，含数据库、备份清单和审计密钥：请像保管数据目录一样保管备份。恢复用命令行 court
          restore（见说明书“备份与恢复”）。
        </Typography.Paragraph>
      </Card>
      <Table<Run>
        rowKey="id"
        size="small"
        loading={!status && !error}
        dataSource={status?.runs ?? []}
        pagination={false}
        columns={[
          { title: '开始时间', dataIndex: 'startedAt', width: 170, render: (v: string) => formatDateTime(v, true) },
          { title: '方式', dataIndex: 'trigger', width: 80, render: (v: string) => TRIGGERS[v] ?? v },
          { title: '结果', key: 'ok', width: 130, render: (_: unknown, r) => <RunResult run={r} /> },
          { title: '大小', dataIndex: 'bytes', width: 90, render: (v: number | null) => size(v) },
          { title: '说明', dataIndex: 'message' },
          { title: '文件', dataIndex: 'file', ellipsis: true },
        ]}
      />
    </>
  );
}

/** The dashboard card for admins: the last backup and a warning when it is older than the policy. */
export function BackupSummary() {
  const { data } = useOperation(() => send('backup.status'), []);
  if (!data) return null;
  const last = data.lastGood;
  return (
    <Alert
      type={data.warning ? 'warning' : 'success'}
      showIcon
      className="page-alert"
      data-testid="dashboard-backup"
      title={data.warning ?? `最近一次备份：${formatDateTime(last?.finishedAt ?? null)}，已校验`}
      description={data.warning && last ? `最近一次成功的备份：${formatDateTime(last.finishedAt)}` : undefined}
    />
  );
}
