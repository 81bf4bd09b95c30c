import { Alert, Button, Card, Form, Input, InputNumber, Popconfirm, Select, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { LEVELS, MEDIATOR_KINDS, ORG_KINDS } from '../../../../core/mediation/meta';
import { errorMessage, send, type Output } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';

type Report = Output<'mediation.importRoster'>;

/** 调解名册: organisations by kind and layer, mediators; add, edit, deactivate (history kept), import from Excel. */
export function RosterPage() {
  const [inactive, setInactive] = useState(false);
  const orgs = useOperation(() => send('mediation.listOrgs', { includeInactive: inactive }), [inactive], { keep: true });
  const meds = useOperation(() => send('mediation.listMediators', { includeInactive: inactive }), [inactive], { keep: true });
  const [orgOpen, setOrgOpen] = useState(false);
  const [medOpen, setMedOpen] = useState(false);
  const [orgForm] = Form.useForm();
  const [medForm] = Form.useForm();
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = () => {
    orgs.reload();
    meds.reload();
  };
  const deactivate = async (what: 'org' | 'mediator', id: number) => {
    setError(null);
    try {
      const { today } = await send('mediation.warnings', {});
      await send('mediation.deactivate', { what, id, lastDay: today });
      reload();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <>
      <PageHeader
        title="调解名册"
        extra={
          <Space>
            <Button onClick={() => setInactive(!inactive)}>{inactive ? '只看在册' : '含已停用'}</Button>
            <Upload
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={async (file) => {
                setError(null);
                try {
                  const bytes = new Uint8Array(await file.arrayBuffer());
                  let bin = '';
                  for (const b of bytes) bin += String.fromCharCode(b);
                  setReport(await send('mediation.importRoster', { fileBase64: btoa(bin) }));
                  reload();
                } catch (err) {
                  setError(errorMessage(err));
                }
                return false;
              }}
            >
              <Button>从 Excel 导入</Button>
            </Upload>
            <Button onClick={() => setOrgOpen(true)}>新增调解组织</Button>
            <Button type="primary" onClick={() => setMedOpen(true)}>
              新增调解员
            </Button>
          </Space>
        }
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {report && (
        <Alert
          style={{ marginBottom: 12 }}
          type={report.refused.length ? 'warning' : 'success'}
          showIcon
          closable={{ onClose: () => setReport(null) }}
          title={`导入调解组织 ${report.orgs} 个、调解员 ${report.mediators} 名；未导入 ${report.refused.length} 行`}
          description={
            report.refused.length ? (
              <ul>
                {report.refused.map((r, i) => (
                  <li key={i}>{`工作表“${r.sheet}”第 ${r.row} 行，${r.field}：${r.message}`}</li>
                ))}
              </ul>
            ) : null
          }
        />
      )}
      <Card size="small" title="调解组织">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={orgs.data ?? []}
          loading={!orgs.data}
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '类别', dataIndex: 'kindLabel' },
            { title: '层级', dataIndex: 'levelLabel' },
            { title: '覆盖区域', dataIndex: 'region' },
            { title: '联系人', dataIndex: 'contact' },
            { title: '有效期', render: (_x, o) => `${o.activeFrom} 起${o.activeTo ? `，${o.activeTo} 止` : ''}` },
            {
              title: '',
              width: 90,
              render: (_x, o) =>
                o.active ? (
                  <Popconfirm title="停用该组织？历史记录保留" onConfirm={() => deactivate('org', o.id)}>
                    <Button size="small">停用</Button>
                  </Popconfirm>
                ) : (
                  <Tag>已停用</Tag>
                ),
            },
          ]}
        />
      </Card>
      <Card size="small" title="调解员" style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={meds.data ?? []}
          loading={!meds.data}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '类别', dataIndex: 'kindLabel' },
            { title: '所属组织', dataIndex: 'orgName' },
            { title: '擅长领域', render: (_x, m) => m.fields.join('、') },
            { title: '服务区域', render: (_x, m) => m.regions.join('、') },
            { title: '在办 / 上限', render: (_x, m) => `${m.load} / ${m.capacity}` },
            {
              title: '',
              width: 90,
              render: (_x, m) =>
                m.active ? (
                  <Popconfirm title="停用该调解员？历史记录保留" onConfirm={() => deactivate('mediator', m.id)}>
                    <Button size="small">停用</Button>
                  </Popconfirm>
                ) : (
                  <Tag>已停用</Tag>
                ),
            },
          ]}
        />
      </Card>
      <FormModal
        open={orgOpen}
        title="新增调解组织"
        form={orgForm}
        initialValues={{ kind: 'people', level: 'village' }}
        onClose={() => setOrgOpen(false)}
        onSubmit={async (x: Record<string, unknown>) => {
          await send('mediation.saveOrg', x as never);
          setOrgOpen(false);
          reload();
        }}
      >
        <Form.Item name="name" label="名称">
          <Input />
        </Form.Item>
        <Form.Item name="kind" label="类别">
          <Select options={Object.entries(ORG_KINDS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="level" label="层级">
          <Select options={Object.entries(LEVELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="region" label="覆盖区域">
          <Input placeholder="如 长兴县/雉城街道/明珠社区" />
        </Form.Item>
        <Form.Item name="contact" label="联系人">
          <Input />
        </Form.Item>
        <Form.Item name="phone" label="联系电话">
          <Input />
        </Form.Item>
        <Form.Item name="activeFrom" label="入册日期">
          <Input placeholder="年-月-日" />
        </Form.Item>
      </FormModal>
      <FormModal
        open={medOpen}
        title="新增调解员"
        form={medForm}
        width={560}
        initialValues={{ kind: 'invited', capacity: 5 }}
        onClose={() => setMedOpen(false)}
        onSubmit={async (x: { fields?: string; regions?: string } & Record<string, unknown>) => {
          const split = (s?: string) =>
            (s ?? '')
              .split(/[、,，]/)
              .map((t) => t.trim())
              .filter(Boolean);
          await send('mediation.saveMediator', { ...x, fields: split(x.fields), regions: split(x.regions) } as never);
          setMedOpen(false);
          reload();
        }}
      >
        <Form.Item name="name" label="姓名">
          <Input />
        </Form.Item>
        <Form.Item name="kind" label="类别">
          <Select options={Object.entries(MEDIATOR_KINDS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="orgId" label="所属组织">
          <Select allowClear options={(orgs.data ?? []).filter((o) => o.active).map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item name="fields" label="擅长领域（案由，以顿号分隔）">
          <Input placeholder="如 婚姻家庭纠纷、物业服务合同纠纷" />
        </Form.Item>
        <Form.Item name="regions" label="服务区域（以顿号分隔）">
          <Input />
        </Form.Item>
        <Form.Item name="capacity" label="同时承办上限">
          <InputNumber min={1} max={200} />
        </Form.Item>
        <Form.Item name="idNumber" label="身份证号码（用于回避审查）">
          <Input />
        </Form.Item>
        <Form.Item name="phone" label="联系电话">
          <Input />
        </Form.Item>
        <Form.Item name="activeFrom" label="入册日期">
          <Input placeholder="年-月-日" />
        </Form.Item>
      </FormModal>
    </>
  );
}
