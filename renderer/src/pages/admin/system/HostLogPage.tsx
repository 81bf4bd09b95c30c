import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { send, type Output } from '../../../api/client';
import { useOperation } from '../../../api/useOperation';
import { PageHeader } from '../../../components/PageHeader';
import { formatDateTime } from '../../../format';

type Entry = Output<'system.log'>['entries'][number];
type Level = Entry['level'];

const LEVELS: Record<Level, { label: string; color: string }> = {
  info: { label: '信息', color: 'default' },
  warn: { label: '警告', color: 'warning' },
  error: { label: '错误', color: 'error' },
};

/** 系统管理 → 运行日志 (admin): the last entries of the host log, newest first, optionally warnings and errors only. */
export function HostLogPage() {
  const [level, setLevel] = useState<Level | 'all'>('all');
  const { data, error, reload } = useOperation(() => send('system.log', { limit: 300, ...(level === 'all' ? {} : { level }) }), [level], {
    keep: true,
  });
  return (
    <>
      <PageHeader title="运行日志" />
      <Typography.Paragraph type="secondary">
        主机记录每个请求（操作、用户、结果、耗时）和出现的错误、数据库繁忙、磁盘已满；不记录令牌、密码和身份证号。最新的在前。
      </Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <Select<Level | 'all'>
          aria-label="级别"
          value={level}
          onChange={setLevel}
          style={{ width: 160 }}
          options={[
            { value: 'all', label: '全部' },
            { value: 'warn', label: '警告和错误' },
            { value: 'error', label: '仅错误' },
          ]}
        />
        <Button icon={<ReloadOutlined />} onClick={reload}>
          刷新
        </Button>
      </Space>
      {error && <Alert type="error" showIcon title={error} role="alert" />}
      {data && !data.hostLog && <Alert type="info" showIcon title="本机未以主机方式运行，没有运行日志" />}
      <Table<Entry>
        size="small"
        rowKey={(e, i) => `${e.time}-${i}`}
        loading={!data && !error}
        dataSource={data?.entries ?? []}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        columns={[
          { title: '时间', dataIndex: 'time', width: 170, render: (t: string) => formatDateTime(t, true) },
          { title: '级别', dataIndex: 'level', width: 70, render: (l: Level) => <Tag color={LEVELS[l].color}>{LEVELS[l].label}</Tag> },
          { title: '操作', dataIndex: 'operation', width: 200, render: (v: string | null) => v ?? '' },
          { title: '用户', dataIndex: 'user', width: 100, render: (v: string | null) => v ?? '' },
          { title: '结果', dataIndex: 'status', width: 70, render: (v: number | null) => v ?? '' },
          { title: '耗时（毫秒）', dataIndex: 'ms', width: 100, render: (v: number | null) => (v === null ? '' : Math.round(v)) },
          { title: '说明', dataIndex: 'message', render: (m: string, e) => [m, e.code].filter(Boolean).join(' · ') },
          { title: '来源地址', dataIndex: 'address', width: 130, render: (v: string | null) => v ?? '' },
        ]}
      />
    </>
  );
}
