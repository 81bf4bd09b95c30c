import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input as TextInput,
  List,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { errorMessage, send } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { PdfFrame } from '../../documents/PdfFrame';
import { formatDateTime } from '../../format';
import { useSession } from '../../session/SessionProvider';
import { ART355, ART358, COMPETENCE_BASES, SERVICE_METHODS } from '../../../../core/confirmation/meta';
import { UrgencyTag } from './urgency';

type Action =
  'accept' | 'assign' | 'appearance' | 'request' | 'supply' | 'withdraw' | 'deem' | 'extend' | 'decide' | 'sign' | 'serve' | null;

/** One application: the agreement, deadlines, checks, review, ruling and service, with the actions of one's role. */
export function ConfirmationPage() {
  const id = Number(useParams().id);
  const session = useSession();
  const { message } = AntApp.useApp();
  const { data: v, error, reload } = useOperation(() => send('confirmation.get', { confirmationId: id }), [id], { keep: true });
  const [action, setAction] = useState<Action>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [form] = Form.useForm();
  const isJudge = v?.judge && session.me?.user.id === v.judge.id;

  // Runs an action; an error reaches the dialog (FormModal shows it on the field it names), success closes it.
  async function submit(run: () => Promise<unknown>, done: string) {
    await run();
    message.success(done);
    setAction(null);
    reload();
  }

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!v) return null;
  const today = dayjs().format('YYYY-MM-DD');
  const openRequests = v.steps.filter((st) => st.kind === 'request' && !st.fulfilledOn);
  const overdueRequests = openRequests.filter((st) => st.dueOn !== null && st.dueOn < today);
  const applicantOptions = v.applicants.map((a) => ({ value: a.casePartyId, label: a.name }));
  return (
    <>
      <PageHeader
        title={`司法确认 ${v.caseNumber}`}
        extra={
          <Space>
            {v.stage === 'applied' && session.hasRole('clerk') && (
              <Button type="primary" onClick={() => setAction('accept')}>
                受理审查
              </Button>
            )}
            {(v.stage === 'accepted' || v.stage === 'not_accepted') &&
              !v.ruling &&
              (session.hasRole('clerk') || session.hasRole('judge')) && (
                <Button onClick={() => setAction('assign')}>{v.judge ? '更换审判员' : '指定审判员'}</Button>
              )}
            {v.stage === 'accepted' && isJudge && (
              <>
                <Button onClick={() => setAction('appearance')}>询问笔录</Button>
                <Button onClick={() => setAction('request')}>要求补充材料</Button>
                {openRequests.length > 0 && <Button onClick={() => setAction('supply')}>登记已补充</Button>}
                {overdueRequests.length > 0 && (
                  <Button danger onClick={() => setAction('deem')}>
                    按撤回申请处理
                  </Button>
                )}
                <Button onClick={() => setAction('withdraw')}>准许撤回</Button>
                <Button type="primary" onClick={() => setAction('decide')}>
                  作出裁定
                </Button>
              </>
            )}
            {v.stage === 'accepted' && !v.extension && session.hasRole('approver') && (
              <Button onClick={() => setAction('extend')}>批准延长审查期限</Button>
            )}
            {v.outcome && !v.ruling && isJudge && (
              <Button
                type="primary"
                onClick={() => {
                  setAction('sign');
                  setPreview(null);
                  send('confirmation.preview', { confirmationId: id }).then(
                    (p) => setPreview(p.pdfBase64),
                    (e) => message.error(errorMessage(e)),
                  );
                }}
              >
                预览并签发裁定书
              </Button>
            )}
            {v.ruling && (session.hasRole('clerk') || session.hasRole('print')) && (
              <Button onClick={() => setAction('serve')}>登记送达</Button>
            )}
          </Space>
        }
      />
      <Card size="small" title="申请与调解协议">
        <Descriptions
          size="small"
          column={2}
          items={[
            {
              key: 'stage',
              label: '阶段',
              children: (
                <Tag>
                  {v.stageLabel}
                  {v.outcomeLabel ? `：${v.outcomeLabel}` : ''}
                </Tag>
              ),
            },
            {
              key: 'applicants',
              label: '申请人',
              children: v.applicants
                .map(
                  (a) => `${a.name}${a.agents.length ? `（代理人：${a.agents.map((g) => `${g.name}，${g.authority}`).join('；')}）` : ''}`,
                )
                .join('、'),
            },
            {
              key: 'org',
              label: '调解组织',
              children: `${v.agreement.organisationName}（${v.agreement.organisationPlace}），调解员${v.agreement.mediatorName}`,
            },
            { key: 'date', label: '协议日期', children: `${v.agreement.date} 签订，${v.agreement.effectiveOn} 生效` },
            { key: 'form', label: '申请方式', children: v.applicationForm === 'oral' ? '口头申请（已记入笔录）' : '书面申请' },
            { key: 'fee', label: '诉讼费', children: `不收取（${v.fee.basis}）` },
          ]}
        />
        <List
          size="small"
          header="协议条款"
          dataSource={v.agreement.terms}
          renderItem={(t, i) => <List.Item>{`${i + 1}. ${t}`}</List.Item>}
        />
        <Space wrap>
          {v.materials.map((m) => (
            <Tag key={m.key} color={m.state === 'missing' ? 'red' : 'default'}>
              {m.label}：{m.stateLabel}
            </Tag>
          ))}
        </Space>
      </Card>
      <Card size="small" title="期限" style={{ marginTop: 12 }}>
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'w',
              label: v.applicationWindow.label,
              children: (
                <>
                  {v.applicationWindow.from} 起至 {v.applicationWindow.due} <UrgencyTag state={v.applicationWindow.state} />{' '}
                  {v.applicationWindow.basis}
                </>
              ),
            },
            {
              key: 'a',
              label: v.acceptanceDeadline.label,
              children: <UrgencyTag state={v.acceptanceDeadline.state} due={v.acceptanceDeadline.due} />,
            },
            ...(v.reviewDeadline
              ? [
                  {
                    key: 'r',
                    label: v.reviewDeadline.label,
                    children: (
                      <>
                        <UrgencyTag state={v.reviewDeadline.state} due={v.reviewDeadline.due} />
                        {v.extension ? `（${v.extension.approvedBy}批准延长 ${v.extension.days} 日：${v.extension.reason}）` : ''}
                      </>
                    ),
                  },
                ]
              : []),
            ...(v.enforcementDue ? [{ key: 'e', label: '申请执行期限', children: `至 ${v.enforcementDue}（民诉法第二百五十条）` }] : []),
          ]}
        />
      </Card>
      {v.acceptanceChecks && (
        <Card size="small" title={`受理审查（${v.acceptanceDecidedOn}）`} style={{ marginTop: 12 }}>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={v.acceptanceChecks}
            columns={[
              { title: '审查项', dataIndex: 'label' },
              {
                title: '结果',
                dataIndex: 'passed',
                render: (p: boolean) => (p ? <Tag color="green">通过</Tag> : <Tag color="red">未通过</Tag>),
              },
              { title: '说明', dataIndex: 'detail' },
              { title: '依据', dataIndex: 'article' },
            ]}
          />
        </Card>
      )}
      <Card size="small" title="审查经过与裁定" style={{ marginTop: 12 }}>
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'j',
              label: '承办',
              children: v.judge
                ? `审判员${v.judge.name}，书记员${v.clerk?.name ?? ''}（${v.judgeAssignedBy ?? ''}于 ${formatDateTime(v.judgeAssignedAt)} 指定）`
                : '未指定',
            },
            ...v.steps.map((s) => ({
              key: `s${s.id}`,
              label: `${s.on} ${s.kindLabel}`,
              children: s.summary + (s.fulfilledOn ? `（${s.fulfilledOn} 已补充）` : ''),
            })),
            ...v.grounds.map((g) => ({ key: g.code, label: '理由', children: `${g.label}（${g.article}）` })),
            ...(v.reasons ? [{ key: 'reasons', label: '审查意见', children: v.reasons }] : []),
            ...(v.ruling
              ? [
                  {
                    key: 'ruling',
                    label: '裁定书',
                    children: `${v.ruling.signedBy}于 ${formatDateTime(v.ruling.signedAt)} 签发；已打印 ${v.ruling.printCount} 次`,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {v.ruling && (
        <Card size="small" title="送达" style={{ marginTop: 12 }}>
          <Table
            size="small"
            rowKey="casePartyId"
            pagination={false}
            dataSource={v.services}
            columns={[
              { title: '受送达人', dataIndex: 'partyName' },
              {
                title: '方式',
                dataIndex: 'method',
                render: (m: keyof typeof SERVICE_METHODS | null) => (m ? SERVICE_METHODS[m] : '未送达'),
              },
              { title: '日期', dataIndex: 'servedOn' },
              { title: '签收人', dataIndex: 'recipient' },
              { title: '凭证', dataIndex: 'proof' },
              { title: '异议期限', dataIndex: 'objectionDue' },
            ]}
          />
        </Card>
      )}

      <FormModal
        open={action === 'accept'}
        title="受理审查"
        okText="记录审查结果"
        form={form}
        onClose={() => setAction(null)}
        initialValues={{ decidedOn: dayjs(today), competence: 'organisation', exclusions: [] }}
        onSubmit={(f) =>
          submit(
            () =>
              send('confirmation.decideAcceptance', {
                confirmationId: id,
                decidedOn: f.decidedOn.format('YYYY-MM-DD'),
                competence: f.competence === 'none' ? null : f.competence,
                competenceNote: f.competenceNote,
                exclusions: f.exclusions,
                reasons: f.reasons,
              }),
            '已记录受理审查',
          )
        }
      >
        <Form.Item name="decidedOn" label="审查日期">
          <DatePicker />
        </Form.Item>
        <Form.Item name="competence" label="本院管辖依据（民诉法第二百零五条）">
          <Radio.Group
            options={[
              ...Object.entries(COMPETENCE_BASES).map(([value, label]) => ({ value, label })),
              { value: 'none', label: '不属于本院管辖（解释第三百五十五条第一款第二项）' },
            ]}
          />
        </Form.Item>
        <Form.Item name="competenceNote" label="管辖说明">
          <TextInput />
        </Form.Item>
        <Form.Item name="exclusions" label="解释第三百五十五条第一款所列情形（有则勾选）">
          <Checkbox.Group
            options={(['art355-1', 'art355-3', 'art355-4', 'art355-5'] as const).map((c) => ({
              value: c,
              label: `第${ART355[c].item}项：${ART355[c].label}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="reasons" label="不予受理的理由（有未通过项时必填）">
          <TextInput.TextArea rows={3} />
        </Form.Item>
      </FormModal>

      <FormModal
        open={action === 'assign'}
        title="指定审判员和书记员"
        okText="指定"
        form={form}
        onClose={() => setAction(null)}
        onSubmit={(f) =>
          submit(() => send('confirmation.assign', { confirmationId: id, judgeId: f.judgeId, clerkId: f.clerkId }), '已指定')
        }
      >
        <AssignFields />
      </FormModal>

      <FormModal
        open={action === 'appearance'}
        title="询问笔录（到场核实）"
        okText="记录"
        form={form}
        onClose={() => setAction(null)}
        initialValues={{ on: dayjs(today), appeared: applicantOptions.map((o) => o.value) }}
        onSubmit={(f) =>
          submit(
            () =>
              send('confirmation.recordAppearance', {
                confirmationId: id,
                on: f.on.format('YYYY-MM-DD'),
                appeared: f.appeared,
                questions: f.questions,
              }),
            '已记录询问笔录',
          )
        }
      >
        <Form.Item name="on" label="到场日期">
          <DatePicker />
        </Form.Item>
        <Form.Item name="appeared" label="到场的申请人（本人或代理人）">
          <Checkbox.Group options={applicantOptions} />
        </Form.Item>
        <Form.Item name="questions" label="询问事项和回答" rules={[{ required: true, message: '请填写询问事项和回答' }]}>
          <TextInput.TextArea rows={4} />
        </Form.Item>
      </FormModal>

      <FormModal
        open={action === 'request'}
        title="要求补充陈述或材料（解释第三百五十七条）"
        okText="记录"
        form={form}
        onClose={() => setAction(null)}
        initialValues={{ on: dayjs(today), dueOn: dayjs(today).add(7, 'day') }}
        onSubmit={(f) =>
          submit(
            () =>
              send('confirmation.requestMaterial', {
                confirmationId: id,
                on: f.on.format('YYYY-MM-DD'),
                what: f.what,
                dueOn: f.dueOn.format('YYYY-MM-DD'),
              }),
            '已记录补充要求',
          )
        }
      >
        <Form.Item name="on" label="通知日期">
          <DatePicker />
        </Form.Item>
        <Form.Item name="what" label="需补充的陈述或材料" rules={[{ required: true, message: '请填写需补充的陈述或材料' }]}>
          <TextInput />
        </Form.Item>
        <Form.Item name="dueOn" label="补充期限">
          <DatePicker />
        </Form.Item>
      </FormModal>

      <FormModal
        open={action === 'supply'}
        title="登记已补充"
        okText="登记"
        form={form}
        onClose={() => setAction(null)}
        initialValues={{ on: dayjs(today) }}
        onSubmit={(f) =>
          submit(
            () => send('confirmation.supplyMaterial', { confirmationId: id, stepId: f.stepId, on: f.on.format('YYYY-MM-DD') }),
            '已登记补充',
          )
        }
      >
        <Form.Item name="stepId" label="补充要求" rules={[{ required: true, message: '请选择补充要求' }]}>
          <Select options={openRequests.map((st) => ({ value: st.id, label: `${st.on} ${st.summary}` }))} />
        </Form.Item>
        <Form.Item name="on" label="补充日期">
          <DatePicker />
        </Form.Item>
      </FormModal>

      <FormModal
        open={action === 'deem'}
        title="按撤回申请处理（解释第三百五十七条第二款）"
        okText="记录"
        form={form}
        onClose={() => setAction(null)}
        onSubmit={(f) =>
          submit(
            () => send('confirmation.deemWithdrawn', { confirmationId: id, stepId: f.stepId, reasons: f.reasons }),
            '已按撤回申请处理，请预览并签发裁定书',
          )
        }
      >
        <Form.Item name="stepId" label="逾期未补充的要求" rules={[{ required: true, message: '请选择逾期未补充的要求' }]}>
          <Select options={overdueRequests.map((st) => ({ value: st.id, label: `${st.summary}（期限 ${st.dueOn ?? ''}）` }))} />
        </Form.Item>
        <Form.Item name="reasons" label="按撤回申请处理的理由（写入裁定书）" rules={[{ required: true, message: '请填写理由' }]}>
          <TextInput.TextArea rows={3} />
        </Form.Item>
      </FormModal>

      <FormModal
        open={action === 'withdraw'}
        title="准许撤回申请（解释第三百五十七条第一款）"
        okText="记录"
        form={form}
        onClose={() => setAction(null)}
        initialValues={{ on: dayjs(today), by: [] }}
        onSubmit={(f) =>
          submit(
            () => send('confirmation.withdraw', { confirmationId: id, on: f.on.format('YYYY-MM-DD'), by: f.by, reasons: f.reasons }),
            '已登记撤回，请预览并签发裁定书',
          )
        }
      >
        <Form.Item name="on" label="撤回日期">
          <DatePicker />
        </Form.Item>
        <Form.Item name="by" label="撤回申请的申请人">
          <Checkbox.Group options={applicantOptions} />
        </Form.Item>
        <Form.Item
          name="reasons"
          label="撤回理由及审查意见（写入裁定书）"
          rules={[{ required: true, message: '请填写撤回理由及审查意见' }]}
        >
          <TextInput.TextArea rows={3} />
        </Form.Item>
      </FormModal>

      <FormModal
        open={action === 'extend'}
        title="批准延长审查期限"
        okText="批准"
        form={form}
        onClose={() => setAction(null)}
        initialValues={{ days: 30 }}
        onSubmit={(f) =>
          submit(() => send('confirmation.extend', { confirmationId: id, days: Number(f.days), reason: f.reason }), '已批准延长')
        }
      >
        <Form.Item name="days" label="延长天数（至多三十日）" rules={[{ required: true, message: '请填写延长天数' }]}>
          <TextInput type="number" min={1} max={30} />
        </Form.Item>
        <Form.Item name="reason" label="延长理由" rules={[{ required: true, message: '请填写延长理由' }]}>
          <TextInput.TextArea rows={2} />
        </Form.Item>
      </FormModal>

      <FormModal
        open={action === 'decide'}
        title="作出裁定"
        okText="记录裁定"
        form={form}
        onClose={() => setAction(null)}
        initialValues={{ outcome: 'valid', grounds: [] }}
        onSubmit={(f) =>
          submit(
            () => send('confirmation.decide', { confirmationId: id, outcome: f.outcome, grounds: f.grounds, reasons: f.reasons }),
            '已记录裁定，请预览并签发裁定书',
          )
        }
      >
        <Form.Item name="outcome" label="裁定结果">
          <Radio.Group
            options={[
              { value: 'valid', label: '确认调解协议有效' },
              { value: 'rejected', label: '驳回申请' },
            ]}
          />
        </Form.Item>
        <Form.Item name="grounds" label="驳回理由（每项引用其条文）">
          <Select
            mode="multiple"
            options={[
              ...Object.entries(ART358).map(([value, g]) => ({ value, label: `解释第三百五十八条第${g.item}项：${g.label}` })),
              ...Object.entries(ART355).map(([value, g]) => ({
                value,
                label: `受理后发现：解释第三百五十五条第二款（第一款第${g.item}项：${g.label}）`,
              })),
            ]}
          />
        </Form.Item>
        <Form.Item name="reasons" label="审查意见（写入裁定书）" rules={[{ required: true, message: '请填写审查意见' }]}>
          <TextInput.TextArea rows={3} />
        </Form.Item>
      </FormModal>

      <Modal
        open={action === 'sign'}
        title="预览裁定书"
        width={900}
        okText="签发（签发后文本固定）"
        onCancel={() => setAction(null)}
        onOk={() =>
          submit(() => send('confirmation.sign', { confirmationId: id }), '裁定书已签发，已进入打印队列').catch((err: unknown) =>
            message.error(errorMessage(err)),
          )
        }
      >
        <div style={{ height: '70vh' }}>
          <PdfFrame pdfBase64={preview} title="裁定书预览" loading={!preview} />
        </div>
      </Modal>

      <FormModal
        open={action === 'serve'}
        title="登记送达"
        okText="登记"
        form={form}
        onClose={() => setAction(null)}
        initialValues={{ servedOn: dayjs(today), method: 'direct' }}
        onSubmit={(f) =>
          submit(
            () =>
              send('confirmation.serve', {
                confirmationId: id,
                casePartyId: f.casePartyId,
                method: f.method,
                servedOn: f.servedOn.format('YYYY-MM-DD'),
                recipient: f.recipient,
                proof: f.proof,
              }),
            '已登记送达',
          )
        }
      >
        <Form.Item name="casePartyId" label="受送达的申请人" rules={[{ required: true, message: '请选择受送达人' }]}>
          <Select options={v.services.filter((s) => !s.servedOn).map((s) => ({ value: s.casePartyId, label: s.partyName }))} />
        </Form.Item>
        <Form.Item name="method" label="送达方式">
          <Select options={Object.entries(SERVICE_METHODS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="servedOn" label="送达日期">
          <DatePicker />
        </Form.Item>
        <Form.Item name="recipient" label="签收人" rules={[{ required: true, message: '请填写签收人' }]}>
          <TextInput />
        </Form.Item>
        <Form.Item name="proof" label="送达凭证" rules={[{ required: true, message: '请填写送达凭证' }]}>
          <TextInput />
        </Form.Item>
      </FormModal>
    </>
  );
}

/** The judge and clerk lists, loaded when the dialog opens. */
function AssignFields() {
  const staff = useOperation(() => send('confirmation.staff', {}), []);
  return (
    <>
      <Form.Item name="judgeId" label="审判员" rules={[{ required: true, message: '请选择审判员' }]}>
        <Select showSearch optionFilterProp="label" options={(staff.data?.judges ?? []).map((u) => ({ value: u.id, label: u.name }))} />
      </Form.Item>
      <Form.Item name="clerkId" label="书记员" rules={[{ required: true, message: '请选择书记员' }]}>
        <Select showSearch optionFilterProp="label" options={(staff.data?.clerks ?? []).map((u) => ({ value: u.id, label: u.name }))} />
      </Form.Item>
    </>
  );
}
