import { EditOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { errorMessage, send, type Output } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { OriginTag, VersionTag } from './templateLabels';

type Listing = Output<'documents.templates'>['templates'][number];

/** 文书模板 (admin): every template with the version in use and where it comes from. */
export function TemplatesPage() {
  const navigate = useNavigate();
  const [rows, setRows] = useState<Listing[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    send('documents.templates', {})
      .then((r) => live && setRows(r.templates))
      .catch((err) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, []);

  return (
    <>
      <PageHeader title="文书模板" />
      <Typography.Paragraph type="secondary" className="page-intro">
        本院可以修改内置模板中的文字（如裁定书中的一句话、回执上的联系电话）。修改保存为新版本，下一份文书即使用新版本，每份文书都记录所用的模板版本；随时可以恢复内置模板。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} className="page-alert" role="alert" />}
      <Table<Listing>
        rowKey="id"
        size="middle"
        className="dense-table"
        loading={rows === null && !error}
        dataSource={rows ?? []}
        pagination={false}
        onRow={(r) => ({ onDoubleClick: () => navigate(`/admin/templates/${r.id}`) })}
        columns={[
          {
            title: '文书名称',
            dataIndex: 'title',
            render: (title: string, r) => (
              <div>
                <a onClick={() => navigate(`/admin/templates/${r.id}`)} className="template-title-link">
                  {title}
                </a>
                <div className="template-desc">{r.description}</div>
              </div>
            ),
          },
          { title: '模板编号', dataIndex: 'id', width: 200, render: (id: string) => <span className="op-code">{id}</span> },
          { title: '使用版本', dataIndex: 'version', width: 110, render: (v: string) => <VersionTag version={v} /> },
          {
            title: '来源',
            dataIndex: 'origin',
            width: 260,
            render: (origin: Listing['origin'], r) => (
              <>
                <OriginTag origin={origin} />
                {r.builtinChangedSince !== undefined && (
                  <Tooltip
                    title={`本院版本是在内置模板第 ${r.builtinChangedSince} 版上修改的，内置模板此后已更新。请对照内置模板检查本院版本，或恢复内置模板。`}
                  >
                    <Tag color="warning" icon={<WarningOutlined />} data-testid={`builtin-changed-${r.id}`}>
                      内置模板已更新
                    </Tag>
                  </Tooltip>
                )}
              </>
            ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 100,
            render: (_, r) => (
              <Button
                size="small"
                icon={<EditOutlined />}
                onClick={() => navigate(`/admin/templates/${r.id}`)}
                aria-label={`修改${r.title}`}
              >
                修改
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
