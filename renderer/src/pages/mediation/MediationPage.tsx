import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ASSIGN_HOW, CLOSINGS, CONSENT_ANSWERS, FAILURE_REASONS } from '../../../../core/mediation/meta';
import { errorMessage, send, type Output } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session/SessionProvider';
import { may } from './access';
import { ConfirmationHandOff } from './ConfirmationHandOff';
import { MediationDocuments } from './MediationDocuments';

type View = Output<'mediation.get'>;
type Action = 'assign' | 'respond' | 'contact' | 'consent' | 'agreement' | 'failure' | null;

/** One mediation: its flow, parties' consent, assignments with history, limits with their basis, outcome; the next actions. */
export function MediationPage() {
  const id = Number(useParams().id);
  const { me } = useSession();
  const roles = me?.user.roles ?? [];
  const { data: v, error, reload } = useOperation<View>(() => send('mediation.get', { id }), [id], { keep: true });
  const { data: clock } = useOperation(() => send('mediation.warnings', {}), [id]);
  const today = clock?.today ?? '';
  const [action, setAction] = useState<Action>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const done = () => {
    setAction(null);
    reload();
  };
  if (error && !v) return <Alert type="error" showIcon title={error} />;
  if (!v) return null;
  const open = ['awaiting-assignment', 'awaiting-acceptance', 'in-progress'].includes(v.status);
  const simple = async (work: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await work();
      reload();
    } catch (err) {
      setActionError(errorMessage(err));
    }
  };
  const coordinator = may('mediation.assign', roles);
  return (
    <>
      <PageHeader
        title={`调解案件 ${v.caseNumber}`}
        extra={
          <Space wrap>
            {coordinator && open && (
              <Button type={v.status === 'awaiting-assignment' ? 'primary' : 'default'} onClick={() => setAction('assign')}>
                {v.status === 'awaiting-assignment' ? '指派调解员' : '改派'}
              </Button>
            )}
            {coordinator && v.status === 'awaiting-acceptance' && (
              <Button type="primary" onClick={() => setAction('respond')}>
                调解员答复
              </Button>
            )}
            {coordinator && v.status === 'in-progress' && v.limits.contactDue && (
              <Button onClick={() => setAction('contact')}>记录首次联系</Button>
            )}
            {open && may('mediation.recordConsent', roles) && <Button onClick={() => setAction('consent')}>记录当事人意见</Button>}
            {coordinator && v.status === 'in-progress' && !v.extendedOn && (
              <Popconfirm
                title="经双方当事人同意，延长调解期限三十日？"
                okText="延长"
                cancelText="取消"
                onConfirm={() => simple(() => send('mediation.extend', { mediationId: v.id }))}
              >
                <Button>延长期限</Button>
              </Popconfirm>
            )}
            {coordinator && v.status === 'in-progress' && (
              <Button type="primary" onClick={() => setAction('agreement')}>
                达成协议
              </Button>
            )}
            {coordinator && open && (
              <Button danger onClick={() => setAction('failure')}>
                调解不成
              </Button>
            )}
            {v.status === 'failed' && v.flow === 'delegated' && may('mediation.convert', roles) && (
              <Button type="primary" onClick={() => simple(() => send('mediation.convert', { mediationId: v.id }))}>
                转立案
              </Button>
            )}
            <Link to={`/cases/${v.caseId}`}>案件详情</Link>
            <Link to={`/cases/${v.caseId}/receipt`}>收案回执</Link>
          </Space>
        }
      />
      {actionError && <Alert type="error" showIcon title={actionError} style={{ marginBottom: 12 }} />}
      <Card size="small">
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'flow', label: '调解类型', children: v.flowLabel },
            {
              key: 'status',
              label: '状态',
              children: (
                <Tag color="blue" data-testid="mediation-status">
                  {v.statusLabel}
                </Tag>
              ),
            },
            { key: 'next', label: '下一步', children: v.nextStep },
            { key: 'cause', label: '案由', children: v.causeName },
            { key: 'parties', label: '当事人', children: v.parties.map((p) => `${p.role} ${p.name}`).join('；') },
            { key: 'region', label: '所在区域', children: v.region || '—' },
            { key: 'org', label: '调解组织', children: v.org?.name ?? '—' },
            { key: 'med', label: '调解员', children: v.mediator?.name ?? '—' },
            { key: 'signed', label: '签收材料', children: v.signedOn ?? '—' },
            {
              key: 'due',
              label: '调解期限',
              children: v.dueOn ? (
                <span title={v.periodBasis ?? ''}>
                  {v.dueOn}
                  {v.extendedOn ? `（已延长，原期限 ${v.baseDueOn}；延长期间不计入审理期限）` : ''}
                </span>
              ) : (
                '—'
              ),
            },
            { key: 'assignDue', label: '分派期限', children: v.limits.assignDue ?? '—' },
            { key: 'acceptDue', label: '接受期限', children: v.limits.acceptDue ?? '—' },
            {
              key: 'contactDue',
              label: '首次联系期限',
              children: v.limits.contactDue ?? (v.limits.firstContactOn ? `已于 ${v.limits.firstContactOn} 联系` : '—'),
            },
            ...(v.convertedCase
              ? [{ key: 'conv', label: '转立案', children: <Link to={`/cases/${v.convertedCase.id}`}>{v.convertedCase.number}</Link> }]
              : []),
            ...(v.failureReasonLabel ? [{ key: 'fail', label: '调解不成原因', children: v.failureReasonLabel }] : []),
            ...(v.closingLabel ? [{ key: 'closing', label: '结案方式', children: v.closingLabel }] : []),
          ]}
        />
        {v.periodBasis && <Typography.Text type="secondary">期限依据：{v.periodBasis}</Typography.Text>}
      </Card>
      {v.agreement && (
        <Card size="small" title={`调解协议（${v.agreement.signedOn} 签署）`} style={{ marginTop: 16 }}>
          <ol data-testid="agreement-terms">
            {v.agreement.terms.map((t, i) => (
              <li key={i}>{t}</li>
            ))}
          </ol>
          {/* a legacy record brought in from the old system may not have kept its signatories */}
          <div>签署人：{v.agreement.signatories.length ? v.agreement.signatories.join('、') : '（原系统未记录）'}</div>
        </Card>
      )}
      {v.undisputedFacts && (
        <Card size="small" title="无争议事实" style={{ marginTop: 16 }}>
          {v.undisputedFacts}
        </Card>
      )}
      <ConfirmationHandOff v={v} today={today} roles={roles} />
      <MediationDocuments v={v} />
      <Card size="small" title="当事人意见" style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey={(_r, i) => String(i)}
          pagination={false}
          dataSource={v.consents}
          columns={[
            { title: '当事人', dataIndex: 'partyName' },
            { title: '事项', dataIndex: 'subjectLabel' },
            { title: '意见', dataIndex: 'answerLabel' },
            { title: '日期', dataIndex: 'on' },
            { title: '备注', dataIndex: 'note' },
          ]}
        />
      </Card>
      <Card size="small" title="指派记录" style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={v.assignments}
          columns={[
            { title: '调解员', dataIndex: 'mediatorName' },
            { title: '调解组织', dataIndex: 'orgName' },
            { title: '方式', dataIndex: 'howLabel' },
            { title: '指派日期', dataIndex: 'assignedOn' },
            { title: '状态', dataIndex: 'stateLabel' },
            { title: '答复日期', dataIndex: 'respondedOn' },
            { title: '理由', render: (_x, a) => a.reason ?? a.overCapacityReason ?? '' },
          ]}
        />
      </Card>
      <AssignModal open={action === 'assign'} v={v} onClose={() => setAction(null)} onDone={done} />
      <RespondModal open={action === 'respond'} v={v} today={today} onClose={() => setAction(null)} onDone={done} />
      <ContactModal open={action === 'contact'} v={v} today={today} onClose={() => setAction(null)} onDone={done} />
      <ConsentModal open={action === 'consent'} v={v} today={today} onClose={() => setAction(null)} onDone={done} />
      <AgreementModal open={action === 'agreement'} v={v} today={today} onClose={() => setAction(null)} onDone={done} />
      <FailureModal open={action === 'failure'} v={v} today={today} onClose={() => setAction(null)} onDone={done} />
    </>
  );
}

interface ModalProps {
  open: boolean;
  v: View;
  today?: string;
  onClose: () => void;
  onDone: () => void;
}

function AssignModal({ open, v, onClose, onDone }: ModalProps) {
  const [form] = Form.useForm<{ mediatorId: number; how: 'joint' | 'recommended' | 'appointed'; overCapacityReason?: string }>();
  const { data } = useOperation(open ? () => send('mediation.recommend', { mediationId: v.id }) : null, [open, v.id]);
  const { data: all } = useOperation(open ? () => send('mediation.listMediators', {}) : null, [open]);
  const first = data?.ranked[0]?.mediatorId;
  // the recommendation arrives after the dialog opened: preselect its first place
  useEffect(() => {
    if (open && first && !form.getFieldValue('mediatorId')) form.setFieldValue('mediatorId', first);
  }, [open, first, form]);
  return (
    <FormModal
      open={open}
      title="指派调解员"
      form={form}
      width={900}
      okText="指派"
      initialValues={{ how: 'recommended', mediatorId: first }}
      onClose={onClose}
      onSubmit={async (x) => {
        await send('mediation.assign', { mediationId: v.id, ...x });
        onDone();
      }}
    >
      <Table
        size="small"
        rowKey="mediatorId"
        pagination={false}
        loading={!data}
        dataSource={data?.ranked ?? []}
        style={{ marginBottom: 12 }}
        columns={[
          { title: '序', width: 40, render: (_x, _r, i) => i + 1 },
          { title: '调解员', dataIndex: 'name', width: 90 },
          { title: '组织', dataIndex: 'orgName' },
          {
            title: '推荐理由',
            render: (_x, r) => (
              <>
                {r.reasons.join('；')}
                {r.warnings.length ? <Typography.Text type="warning">；{r.warnings.join('；')}</Typography.Text> : null}
              </>
            ),
          },
        ]}
      />
      {data?.excluded.length ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`不予推荐：${data.excluded.map((e) => `${e.name}（${e.reason}）`).join('；')}`}
        />
      ) : null}
      <Space wrap>
        <Form.Item name="mediatorId" label="调解员" rules={[{ required: true, message: '请选择调解员' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 320 }}
            aria-label="调解员"
            options={[
              ...(data?.ranked ?? []).map((r, i) => ({ value: r.mediatorId, label: `${i + 1}. ${r.name}（${r.orgName ?? r.kindLabel}）` })),
              ...(all ?? [])
                .filter((m) => !data?.ranked.some((r) => r.mediatorId === m.id))
                .map((m) => ({ value: m.id, label: `${m.name}（${m.orgName ?? m.kindLabel}）` })),
            ]}
          />
        </Form.Item>
        <Form.Item name="how" label="指派方式">
          <Select style={{ width: 180 }} options={Object.entries(ASSIGN_HOW).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="overCapacityReason" label="超出承办上限的理由">
          <Input style={{ width: 240 }} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

function RespondModal({ open, v, today, onClose, onDone }: ModalProps) {
  const [form] = Form.useForm<{ accept: boolean; on: string; reason?: string }>();
  return (
    <FormModal
      open={open}
      title="调解员答复"
      form={form}
      okText="记录"
      initialValues={{ accept: true, on: today }}
      onClose={onClose}
      onSubmit={async (x) => {
        await send('mediation.respond', { mediationId: v.id, ...x });
        onDone();
      }}
    >
      <Form.Item name="on" label="签收或答复日期">
        <Input placeholder="年-月-日" />
      </Form.Item>
      <Form.Item name="accept" label="答复">
        <Select
          options={[
            { value: true, label: '接受并签收材料' },
            { value: false, label: '拒绝接受' },
          ]}
        />
      </Form.Item>
      <Form.Item name="reason" label="拒绝理由">
        <Input />
      </Form.Item>
    </FormModal>
  );
}

function ContactModal({ open, v, today, onClose, onDone }: ModalProps) {
  const [form] = Form.useForm<{ on: string }>();
  return (
    <FormModal
      open={open}
      title="记录首次联系"
      form={form}
      okText="记录"
      initialValues={{ on: today }}
      onClose={onClose}
      onSubmit={async (x) => {
        await send('mediation.recordContact', { mediationId: v.id, ...x });
        onDone();
      }}
    >
      <Form.Item name="on" label="首次联系日期">
        <Input placeholder="年-月-日" />
      </Form.Item>
    </FormModal>
  );
}

function ConsentModal({ open, v, today, onClose, onDone }: ModalProps) {
  const [form] = Form.useForm<{
    partyId: number;
    subject: 'mediate' | 'extension';
    answer: 'agree' | 'refuse' | 'sue';
    on: string;
    note?: string;
  }>();
  return (
    <FormModal
      open={open}
      title="记录当事人意见"
      form={form}
      okText="记录"
      initialValues={{ on: today, subject: v.status === 'in-progress' ? 'extension' : 'mediate', answer: 'agree' }}
      onClose={onClose}
      onSubmit={async (x) => {
        await send('mediation.recordConsent', { mediationId: v.id, ...x });
        onDone();
      }}
    >
      <Form.Item name="on" label="表示意见日期">
        <Input placeholder="年-月-日" />
      </Form.Item>
      <Form.Item name="partyId" label="当事人" rules={[{ required: true, message: '请选择当事人' }]}>
        <Select options={v.parties.map((p) => ({ value: p.partyId, label: `${p.role} ${p.name}` }))} />
      </Form.Item>
      <Form.Item name="subject" label="事项">
        <Select
          options={[
            { value: 'mediate', label: '是否同意调解' },
            { value: 'extension', label: '是否同意延长调解期限' },
          ]}
        />
      </Form.Item>
      <Form.Item name="answer" label="意见">
        <Select options={Object.entries(CONSENT_ANSWERS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="note" label="备注">
        <Input />
      </Form.Item>
    </FormModal>
  );
}

function AgreementModal({ open, v, today, onClose, onDone }: ModalProps) {
  const [form] = Form.useForm<{ terms: string; signedOn: string; signatories: string; closing: keyof typeof CLOSINGS }>();
  const closings = Object.entries(CLOSINGS).filter(([k]) => k !== 'mediation-document' || v.flow === 'entrusted');
  return (
    <FormModal
      open={open}
      title="记录调解协议"
      form={form}
      width={640}
      okText="保存协议"
      initialValues={{
        signedOn: today,
        signatories: v.parties.map((p) => p.name).join('、'),
        closing: v.flow === 'delegated' ? 'confirmation' : 'withdrawn',
      }}
      onClose={onClose}
      onSubmit={async (x) => {
        await send('mediation.recordAgreement', {
          mediationId: v.id,
          terms: x.terms
            .split('\n')
            .map((t) => t.trim())
            .filter(Boolean),
          signedOn: x.signedOn,
          signatories: x.signatories.split(/[、,，\s]+/).filter(Boolean),
          closing: x.closing,
        });
        onDone();
      }}
    >
      <Form.Item name="terms" label="协议条款（每行一项）" rules={[{ required: true, message: '请填写协议条款' }]}>
        <Input.TextArea rows={5} />
      </Form.Item>
      <Form.Item name="signedOn" label="签署日期">
        <Input placeholder="年-月-日" />
      </Form.Item>
      <Form.Item name="signatories" label="签署人（以顿号分隔）">
        <Input />
      </Form.Item>
      <Form.Item name="closing" label="结案方式">
        <Select options={closings.map(([value, label]) => ({ value, label }))} />
      </Form.Item>
    </FormModal>
  );
}

function FailureModal({ open, v, today, onClose, onDone }: ModalProps) {
  const [form] = Form.useForm<{ reason: keyof typeof FAILURE_REASONS; on: string; undisputedFacts?: string; fileNow: boolean }>();
  return (
    <FormModal
      open={open}
      title="记录调解不成"
      form={form}
      width={600}
      okText={v.flow === 'delegated' ? '记录并转立案' : '记录'}
      initialValues={{ on: today, reason: 'too-far-apart', fileNow: true }}
      onClose={onClose}
      onSubmit={async (x) => {
        await send('mediation.recordFailure', { mediationId: v.id, ...x });
        onDone();
      }}
    >
      <Form.Item name="on" label="调解终结日期">
        <Input placeholder="年-月-日" />
      </Form.Item>
      <Form.Item name="reason" label="原因">
        <Select options={Object.entries(FAILURE_REASONS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="undisputedFacts" label="无争议事实">
        <Input.TextArea rows={3} />
      </Form.Item>
      {v.flow === 'delegated' && (
        <Form.Item name="fileNow" valuePropName="checked">
          <Checkbox>当事人坚持起诉，立即转立案（民初）</Checkbox>
        </Form.Item>
      )}
    </FormModal>
  );
}
