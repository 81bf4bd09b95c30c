import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Card, Checkbox, Col, DatePicker, Form, Input, Radio, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { COMPETENCE_BASES, MATERIAL_STATES, MATERIALS, ORGANISATION_KINDS } from '../../../../core/confirmation/meta';
import { LEGAL_PERIODS } from '../../../../core/periods/table';
import { send, type Input as ApiInput } from '../../api/client';
import { applyApiError } from '../../api/formErrors';
import { toAgentInput, toPartyInput, type AgentFields, type PartyFields as PartyValues } from '../../cases/filing';
import { PageHeader } from '../../components/PageHeader';
import { useSubmit } from '../../components/useSubmit';
import { AgentsEditor } from '../cases/AgentsEditor';
import { PartyFields, PartyKindField } from '../cases/PartyFields';

type ApplyInput = ApiInput<'confirmation.apply'>;
type MaterialKey = keyof typeof MATERIALS;
type MaterialState = keyof typeof MATERIAL_STATES;

interface Values {
  appliedOn: Dayjs;
  applicants: { party: PartyValues; agents?: AgentFields[] }[];
  organisationKind: keyof typeof ORGANISATION_KINDS;
  organisationName: string;
  organisationPlace: string;
  mediatorName: string;
  date: Dayjs;
  effectiveOn: Dayjs;
  dispute?: string;
  /** one term per line, as the agreement numbers them */
  terms: string;
  applicationForm: 'written' | 'oral';
  oralRecord?: string;
  oralRecordSigned?: boolean;
  materials: Record<MaterialKey, MaterialState>;
}

const DAY = 'YYYY-MM-DD';
/** 民诉法 2023 art. 205: thirty days from the agreement taking effect (the one table of legal periods) */
const APPLICATION_DAYS = LEGAL_PERIODS['confirmation-application'].length;

/** The terms typed one per line, their leading numbers (一、 1. （1）) dropped: the ruling numbers them itself. */
export function splitTerms(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(?:[（(]?[0-9一二三四五六七八九十]+[)）.、．]\s*)/u, '').trim())
    .filter((l) => l.length > 0);
}

/** The form's values → the counter's application (confirmation.apply). */
function toInput(v: Values): ApplyInput {
  return {
    source: 'counter',
    appliedOn: v.appliedOn.format(DAY),
    applicants: v.applicants.map((a) => ({ party: toPartyInput(a.party), agents: (a.agents ?? []).map(toAgentInput) })),
    agreement: {
      organisationKind: v.organisationKind,
      organisationName: v.organisationName,
      organisationPlace: v.organisationPlace,
      mediatorName: v.mediatorName,
      date: v.date.format(DAY),
      effectiveOn: v.effectiveOn.format(DAY),
      ...(v.dispute ? { dispute: v.dispute } : {}),
      terms: splitTerms(v.terms),
    },
    applicationForm: v.applicationForm,
    ...(v.applicationForm === 'oral' ? { oralRecord: v.oralRecord, oralRecordSigned: v.oralRecordSigned === true } : {}),
    materials: v.materials,
  } as ApplyInput;
}

/** the host's field names → the form's (the agreement's fields sit at the top of the form; terms are one text box) */
const ALIASES = {
  'agreement.terms': 'terms',
  'agreement.organisationKind': 'organisationKind',
  'agreement.organisationName': 'organisationName',
  'agreement.organisationPlace': 'organisationPlace',
  'agreement.mediatorName': 'mediatorName',
  'agreement.date': 'date',
  'agreement.effectiveOn': 'effectiveOn',
  'agreement.dispute': 'dispute',
};

/**
 * 登记司法确认申请 at the counter, for an agreement made elsewhere (a people's mediation committee, a 特邀
 * organisation): every party to the agreement is a 申请人 of one joint application (民诉法 2023 art. 205; 解释
 * art. 351), at least two, none a 被申请人; the agreement with its organisation, mediator, dates and terms one per
 * line; written or oral (oral: the record, signed, 解释 art. 353); the materials of 解释 art. 354. The form shows
 * the 30-day window from the agreement taking effect as the clerk types; the acceptance checks with their
 * articles (解释 art. 355) follow on the application's page (受理审查). An agreement of the centre's own mediation
 * register is not typed here: 申请司法确认 on the mediation carries it over.
 */
export function ApplicationPage() {
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, run] = useSubmit();
  const [error, setError] = useState<string | null>(null);
  const today = dayjs().format(DAY);
  const form_ = Form.useWatch('applicationForm', form);
  const effectiveOn = Form.useWatch('effectiveOn', form) as Dayjs | undefined;
  const appliedOn = Form.useWatch('appliedOn', form) as Dayjs | undefined;
  const applicants = (Form.useWatch('applicants', form) as Values['applicants'] | undefined) ?? [];
  const hasAgent = applicants.some((a) => (a?.agents ?? []).length > 0);
  // a first look at the window (calendar days); the acceptance check decides with holidays (legal periods table)
  const windowEnd = effectiveOn ? effectiveOn.add(APPLICATION_DAYS, 'day') : null;
  const late = windowEnd && appliedOn ? appliedOn.isAfter(windowEnd, 'day') : false;

  const submit = (v: Values) =>
    run(async () => {
      setError(null);
      try {
        const r = await send('confirmation.apply', toInput(v));
        message.success(`已登记 ${r.caseNumber}，请作受理审查`);
        navigate(`/confirmation/${r.id}`);
      } catch (err) {
        setError(applyApiError(form, err, ALIASES));
      }
    });

  return (
    <>
      <PageHeader title="登记司法确认申请" />
      <Typography.Paragraph type="secondary">
        调解协议的各方当事人共同申请，均列为申请人（《中华人民共和国民事诉讼法》第二百零五条；解释第三百五十一条），不列被申请人；
        自调解协议生效之日起三十日内向本院提出。不交纳案件受理费（《诉讼费用交纳办法》第八条第（一）项）。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          appliedOn: dayjs(),
          applicants: [
            { party: { kind: 'person', idType: 'resident' }, agents: [] },
            { party: { kind: 'person', idType: 'resident' }, agents: [] },
          ],
          organisationKind: 'people',
          applicationForm: 'written',
          materials: {
            agreement: 'provided',
            mediationProof: 'provided',
            propertyProof: 'not_applicable',
            identity: 'provided',
            powerOfAttorney: 'not_applicable',
          },
        }}
      >
        <Card size="small" title="申请人（调解协议的各方当事人）">
          <Form.List
            name="applicants"
            rules={[
              {
                validator: async (_, list: unknown[]) => {
                  if (!list || list.length < 2) throw new Error('司法确认由双方当事人共同申请，请至少填写两名申请人');
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((f, index) => (
                  <div key={f.key} className="party-card" role="group" aria-label={`申请人 ${index + 1}`}>
                    <Row gutter={12} align="bottom">
                      <Col flex="none">
                        <div className="party-index">申请人 {index + 1}</div>
                      </Col>
                      <Col flex="auto">
                        <PartyKindField name={[f.name, 'party']} path={['applicants', f.name, 'party']} />
                      </Col>
                      <Col flex="none">
                        <Button
                          icon={<DeleteOutlined />}
                          disabled={fields.length <= 2}
                          onClick={() => remove(f.name)}
                          aria-label={`删除申请人 ${index + 1}`}
                        >
                          删除
                        </Button>
                      </Col>
                    </Row>
                    <PartyFields name={[f.name, 'party']} path={['applicants', f.name, 'party']} today={today} />
                    <AgentsEditor name={[f.name, 'agents']} path={['applicants', f.name, 'agents']} partyLabel={`申请人 ${index + 1}`} />
                  </div>
                ))}
                <Form.ErrorList errors={errors} />
                <Button icon={<PlusOutlined />} onClick={() => add({ party: { kind: 'person', idType: 'resident' }, agents: [] })}>
                  增加申请人
                </Button>
              </>
            )}
          </Form.List>
        </Card>

        <Card size="small" title="调解协议" style={{ marginTop: 16 }}>
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item name="organisationKind" label="调解组织类型" rules={[{ required: true, message: '请选择调解组织类型' }]}>
                <Select options={Object.entries(ORGANISATION_KINDS).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="organisationName" label="调解组织名称" rules={[{ required: true, message: '请填写调解组织名称' }]}>
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="organisationPlace"
                label="调解组织所在地"
                extra={`管辖：${Object.values(COMPETENCE_BASES).join('、')}`}
                rules={[{ required: true, message: '请填写调解组织所在地' }]}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item name="mediatorName" label="调解员" rules={[{ required: true, message: '请填写调解员' }]}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="dispute" label="纠纷名称（如买卖合同纠纷）">
                <Input maxLength={60} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="date" label="调解协议签订日期" rules={[{ required: true, message: '请选择调解协议签订日期' }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                name="effectiveOn"
                label="调解协议生效日期"
                extra="各方签名（盖章）之日生效（人民调解法第二十九条），协议另有约定的从其约定"
                rules={[{ required: true, message: '请选择调解协议生效日期' }]}
              >
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="terms"
            label="协议条款（每行一项，按协议顺序）"
            extra="裁定书按此顺序逐项写明；行首的编号可不输入"
            rules={[
              {
                validator: async (_, v: string) => {
                  if (splitTerms(v).length === 0) throw new Error('请至少填写一项协议条款');
                },
              },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} />
          </Form.Item>
        </Card>

        <Card size="small" title="申请方式与材料（解释第三百五十三条、第三百五十四条）" style={{ marginTop: 16 }}>
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item name="appliedOn" label="申请日期" rules={[{ required: true, message: '请选择申请日期' }]}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
              </Form.Item>
            </Col>
            <Col span={18}>
              {windowEnd && (
                <Alert
                  data-testid="application-window"
                  style={{ marginTop: 30 }}
                  type={late ? 'warning' : 'info'}
                  showIcon
                  title={
                    late
                      ? `申请日期已超过调解协议生效之日起三十日（约至 ${windowEnd.format(DAY)}），受理审查时将按《中华人民共和国民事诉讼法》第二百零五条不予受理（遇节假日顺延，以受理审查为准）`
                      : `申请期限约至 ${windowEnd.format(DAY)}（调解协议生效之日起三十日，遇节假日顺延，以受理审查为准）`
                  }
                />
              )}
            </Col>
          </Row>
          <Form.Item name="applicationForm" label="申请方式">
            <Radio.Group
              options={[
                { value: 'written', label: '书面申请' },
                { value: 'oral', label: '口头申请（记入笔录）' },
              ]}
            />
          </Form.Item>
          {form_ === 'oral' && (
            <>
              <Form.Item
                name="oralRecord"
                label="口头申请笔录"
                rules={[{ required: true, message: '口头申请须记入笔录（解释第三百五十三条）' }]}
              >
                <Input.TextArea autoSize={{ minRows: 3 }} maxLength={5000} />
              </Form.Item>
              <Form.Item
                name="oralRecordSigned"
                valuePropName="checked"
                rules={[
                  {
                    validator: async (_, v: boolean) => {
                      if (v !== true) throw new Error('口头申请的笔录须由申请人签名、捺印或者盖章（解释第三百五十三条）');
                    },
                  },
                ]}
              >
                <Checkbox>笔录已由申请人签名、捺印或盖章</Checkbox>
              </Form.Item>
            </>
          )}
          {(Object.keys(MATERIALS) as MaterialKey[]).map((k) => (
            <Form.Item key={k} name={['materials', k]} label={MATERIALS[k]} style={{ marginBottom: 8 }}>
              <Radio.Group
                options={(Object.keys(MATERIAL_STATES) as MaterialState[])
                  .filter((s) => !(k === 'powerOfAttorney' && s === 'not_applicable' && hasAgent))
                  .map((s) => ({ value: s, label: MATERIAL_STATES[s] }))}
              />
            </Form.Item>
          ))}
        </Card>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={busy}>
            登记申请
          </Button>
          <Button onClick={() => navigate('/confirmation')}>取消</Button>
        </Space>
      </Form>
    </>
  );
}
