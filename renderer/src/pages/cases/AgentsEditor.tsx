import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Radio, Row, Select } from 'antd';
import type { AgentFields } from '../../cases/filing';
import { AGENT_KIND_OPTIONS } from '../../cases/labels';
import { focusWhenReady } from '../../components/keyboard';
import { phoneRules } from './partyRules';

type Path = (string | number)[];

const MAX_AGENTS = 2;

function AgentRow({ name, path, index, onRemove }: { name: number; path: Path; index: number; onRemove: () => void }) {
  const form = Form.useFormInstance();
  const kind = Form.useWatch([...path, name, 'kind'], form) as AgentFields['kind'] | undefined;
  const authority = Form.useWatch([...path, name, 'authority'], form) as AgentFields['authority'] | undefined;
  return (
    <div className="agent-row" role="group" aria-label={`代理人 ${index + 1}`}>
      <div className="agent-title">委托诉讼代理人 {index + 1}</div>
      <Row gutter={12} align="bottom">
        <Col span={4}>
          <Form.Item name={[name, 'kind']} label="代理人类型">
            <Select options={[...AGENT_KIND_OPTIONS]} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item name={[name, 'name']} label="代理人姓名" rules={[{ required: true, whitespace: true, message: '请填写代理人姓名' }]}>
            <Input maxLength={40} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name={[name, 'idNumber']} label="代理人身份证号码">
            <Input maxLength={30} className="mono-number" />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name={[name, 'phone']} label="代理人电话" rules={phoneRules} validateTrigger={['onBlur']}>
            <Input maxLength={30} className="mono-number" />
          </Form.Item>
        </Col>
        <Col span={5} style={{ textAlign: 'right' }}>
          <Form.Item label=" " colon={false}>
            <Button icon={<DeleteOutlined />} onClick={onRemove} aria-label={`删除代理人 ${index + 1}`}>
              删除代理人
            </Button>
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name={[name, 'organisation']} label={kind === 'lawyer' ? '律师事务所' : '工作单位'}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        {kind === 'lawyer' && (
          <Col span={6}>
            <Form.Item name={[name, 'licenseNo']} label="律师执业证号">
              <Input maxLength={30} className="mono-number" />
            </Form.Item>
          </Col>
        )}
        <Col span={kind === 'lawyer' ? 10 : 16}>
          <Form.Item name={[name, 'authority']} label="代理权限">
            <Radio.Group>
              <Radio value="general">一般授权</Radio>
              <Radio value="special">特别授权</Radio>
            </Radio.Group>
          </Form.Item>
        </Col>
      </Row>
      {authority === 'special' && (
        <Form.Item name={[name, 'authorityDetail']} label="特别授权事项">
          <Input maxLength={300} placeholder="如 代为承认、放弃、变更诉讼请求，进行和解，提起反诉或者上诉" />
        </Form.Item>
      )}
    </div>
  );
}

/**
 * A party's agents (诉讼代理人), at most two; collapsed to one button until the clerk adds one. Whether a
 * lawyer needs a licence number and firm, and a special authority its scope, is checked by the host,
 * whose messages land on these fields.
 */
export function AgentsEditor({ name, path, partyLabel }: { name: Path; path: Path; partyLabel: string }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div className="agents">
          {fields.map((f, i) => (
            <AgentRow key={f.key} name={f.name} path={path} index={i} onRemove={() => remove(f.name)} />
          ))}
          {fields.length < MAX_AGENTS && (
            <Button
              type="dashed"
              size="small"
              icon={<PlusOutlined />}
              aria-label={`为${partyLabel}添加代理人`}
              onClick={() => {
                add({ kind: 'lawyer', authority: 'general' } satisfies Partial<AgentFields>);
                const index = fields.length;
                focusWhenReady(() => document.getElementById([...path, index, 'kind'].join('_')));
              }}
            >
              {fields.length === 0 ? '添加代理人（可选）' : '再添加一名代理人'}
            </Button>
          )}
        </div>
      )}
    </Form.List>
  );
}
