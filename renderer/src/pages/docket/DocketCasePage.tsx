import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { send } from '../../api/client';
import { useOperation } from '../../api/useOperation';
import { formatFen } from '../../cases/money';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { useSession } from '../../session/SessionProvider';
import { PROCEDURE_LABELS, SUSPENSION_KINDS } from '../../../../core/docket/meta';
import { ClosingCard, CloseModal } from './ClosingParts';
import { HearingsCard } from './HearingsCard';
import { TierTag } from './TierTag';

type Dialog = 'suspend' | 'extend' | 'convert' | 'close' | 'assign' | null;
const day = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** One docket case: procedure and triage reasons, judge and history, trial period with its changes, closing. */
export function DocketCasePage() {
  const caseId = Number(useParams().id);
  const navigate = useNavigate();
  const { me } = useSession();
  const { message } = AntApp.useApp();
  const { data: view, error, reload } = useOperation(() => send('docket.case', { caseId }), [caseId], { keep: true });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const roles = me?.user.roles ?? [];
  if (error) return <Alert type="error" showIcon title={error} />;
  if (view === null) return null;
  if (!view) return <Empty description="本案不在速裁案件中" />;
  const handler = view.status === 'open' && (me?.user.id === view.judge?.id || roles.includes('approver'));
  const done = (text: string) => {
    message.success(text);
    setDialog(null);
    form.resetFields();
    reload();
  };
  const p = view.period;
  return (
    <>
      <PageHeader
        title={`${view.number}（速裁）`}
        extra={
          <>
            <Button onClick={() => navigate(`/cases/${caseId}`)}>案件详情</Button>
            {handler && <Button onClick={() => setDialog('suspend')}>扣除审限</Button>}
            {handler && <Button onClick={() => setDialog('extend')}>申请延长审限</Button>}
            {handler && view.procedure !== 'ordinary' && <Button onClick={() => setDialog('convert')}>转换程序</Button>}
            {view.status === 'open' && (roles.includes('clerk') || roles.includes('approver')) && (
              <Button onClick={() => setDialog('assign')}>改派法官</Button>
            )}
            {handler && (
              <Button type="primary" onClick={() => setDialog('close')}>
                结案
              </Button>
            )}
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card size="small" title="程序与承办法官" className="case-card">
            <Descriptions
              size="small"
              column={2}
              items={[
                { key: 'cause', label: '案由', children: view.causeName },
                { key: 'amount', label: '标的额', children: formatFen(view.amountFen) },
                { key: 'parties', label: '当事人', children: view.partiesText, span: 2 },
                { key: 'source', label: '来源', children: view.sourceLabel },
                { key: 'status', label: '状态', children: view.statusLabel },
                {
                  key: 'procedure',
                  label: '适用程序',
                  children: (
                    <span data-testid="docket-procedure">
                      {view.procedureLabel ?? '待分流'}
                      {view.byConsent ? '（当事人约定）' : ''}
                    </span>
                  ),
                },
                { key: 'recommended', label: '分流建议', children: view.recommended ? PROCEDURE_LABELS[view.recommended] : '—' },
                { key: 'judge', label: '承办法官', children: <span data-testid="docket-judge">{view.judge?.name ?? '（未分配）'}</span> },
                ...(view.decisionReason ? [{ key: 'reason', label: '分流说明', children: view.decisionReason }] : []),
              ]}
            />
            <List
              size="small"
              header="分流理由"
              dataSource={view.triageReasons}
              renderItem={(r) => (
                <List.Item>
                  {r.text}
                  <Typography.Text type="secondary">〔{r.basis}〕</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title="分配记录" className="case-card">
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={view.assignments}
              columns={[
                { title: '时间', dataIndex: 'at', render: (v: string) => v.slice(0, 16).replace('T', ' ') },
                { title: '法官', key: 'j', render: (_, r) => r.judge.name },
                { title: '方式', dataIndex: 'kindLabel' },
                { title: '理由', dataIndex: 'reason' },
              ]}
            />
          </Card>
          <HearingsCard caseId={caseId} hearings={view.hearings} postponements={view.postponements} handler={handler} onChanged={reload} />
          <ClosingCard view={view} onChanged={reload} />
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title="审限" className="case-card" extra={p && <TierTag tier={p.tier} label={p.tierLabel} />}>
            {view.extensionAdvised && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 8 }}
                title="审限即将届满，如需延长请及时申请（本院设置的提前申请天数）"
              />
            )}
            {p ? (
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'kind', label: '期限', children: p.label },
                  { key: 'filed', label: '立案日期', children: p.filedOn },
                  {
                    key: 'due',
                    label: '届满日期',
                    children: (
                      <span data-testid="docket-due">
                        {p.due}
                        {p.rolledFrom ? `（${p.rolledFrom} 为节假日，顺延）` : ''}
                      </span>
                    ),
                  },
                  { key: 'left', label: '剩余', children: p.daysLeft >= 0 ? `${p.daysLeft} 日` : `已超 ${-p.daysLeft} 日` },
                  { key: 'susp', label: '扣除天数', children: `${p.suspendedDays} 日${p.suspendedNow ? '（中止中）' : ''}` },
                  { key: 'ext', label: '已批准延长', children: `${p.extensionMonths} 个月` },
                  { key: 'basis', label: '依据', children: <Typography.Text type="secondary">{p.basis}</Typography.Text> },
                ]}
              />
            ) : (
              <Typography.Text type="secondary">{view.status === 'triage' ? '分流后开始计算' : '已结案'}</Typography.Text>
            )}
          </Card>
          <Card size="small" title="扣除审限的期间" className="case-card">
            <List
              size="small"
              dataSource={view.suspensions}
              locale={{ emptyText: '无' }}
              renderItem={(s) => (
                <List.Item
                  actions={
                    handler && !s.to
                      ? [
                          <Button
                            key="end"
                            size="small"
                            onClick={() =>
                              send('docket.endSuspension', { suspensionId: s.id, to: dayjs().format('YYYY-MM-DD') }).then(
                                () => done('已恢复计算审限'),
                                (e) => message.error(String(e.message)),
                              )
                            }
                          >
                            今天结束
                          </Button>,
                        ]
                      : []
                  }
                >
                  {s.kindLabel}：{s.from} 至 {s.to ?? '（进行中）'} {s.note ? `（${s.note}）` : ''}
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title="延长审限与程序转换" className="case-card">
            <List
              size="small"
              dataSource={view.extensions}
              locale={{ emptyText: '无延长申请' }}
              renderItem={(e) => (
                <List.Item
                  actions={
                    e.status === 'pending' && roles.includes('approver')
                      ? [
                          <Button
                            key="ok"
                            size="small"
                            type="primary"
                            onClick={() =>
                              send('docket.decideExtension', { extensionId: e.id, approve: true }).then(
                                () => done('已批准'),
                                (x) => message.error(String(x.message)),
                              )
                            }
                          >
                            批准
                          </Button>,
                          <Button
                            key="no"
                            size="small"
                            onClick={() =>
                              send('docket.decideExtension', { extensionId: e.id, approve: false }).then(
                                () => done('不予批准'),
                                (x) => message.error(String(x.message)),
                              )
                            }
                          >
                            不批准
                          </Button>,
                        ]
                      : []
                  }
                >
                  延长 {e.months} 个月（{PROCEDURE_LABELS[e.procedure as keyof typeof PROCEDURE_LABELS]}）：{e.reason} — {e.statusLabel}
                </List.Item>
              )}
            />
            {view.conversions.map((c) => (
              <Alert
                key={c.id}
                type="warning"
                style={{ marginTop: 8 }}
                title={`${c.onDate} ${PROCEDURE_LABELS[c.from as keyof typeof PROCEDURE_LABELS]}转为${PROCEDURE_LABELS[c.to as keyof typeof PROCEDURE_LABELS]}：${c.reason}`}
                description={
                  c.feeDueFen > 0
                    ? `应补交受理费 ${formatFen(c.feeDueFen)}，${c.feeDueOn} 前交纳（《诉讼费用交纳办法》第二十二条）`
                    : '无需补交受理费'
                }
              />
            ))}
          </Card>
        </Col>
      </Row>

      <FormModal
        open={dialog === 'suspend'}
        title="扣除审限"
        form={form}
        onClose={() => setDialog(null)}
        onSubmit={async (v: { kind: 'appraisal'; range: [Dayjs, Dayjs | undefined]; from: Dayjs; to?: Dayjs; note?: string }) => {
          await send('docket.suspend', { caseId, kind: v.kind, from: day(v.from)!, to: day(v.to), note: v.note });
          done('已登记');
        }}
      >
        <Form.Item name="kind" label="事由" rules={[{ required: true, message: '请选择事由' }]}>
          <Select options={Object.entries(SUSPENSION_KINDS).map(([value, k]) => ({ value, label: k.label }))} />
        </Form.Item>
        <Form.Item name="from" label="起始日期" rules={[{ required: true, message: '请选择起始日期' }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="to" label="结束日期（尚未结束可不填）">
          <DatePicker />
        </Form.Item>
        <Form.Item name="note" label="说明">
          <Input />
        </Form.Item>
      </FormModal>
      <FormModal
        open={dialog === 'extend'}
        title="申请延长审限"
        form={form}
        onClose={() => setDialog(null)}
        onSubmit={async (v: { months: number; reason: string }) => {
          await send('docket.requestExtension', { caseId, months: v.months, reason: v.reason });
          done('已提交审批');
        }}
        initialValues={{ months: 1 }}
      >
        <Form.Item name="months" label="延长月数" rules={[{ required: true, message: '请填写延长月数' }]}>
          <InputNumber min={1} max={12} />
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写理由' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormModal>
      <FormModal
        open={dialog === 'convert'}
        title="转换程序"
        form={form}
        onClose={() => setDialog(null)}
        onSubmit={async (v: { to: 'ordinary'; reason: string }) => {
          await send('docket.convert', { caseId, to: v.to, reason: v.reason });
          done('已转换程序');
        }}
      >
        <Form.Item name="to" label="转为" rules={[{ required: true, message: '请选择程序' }]}>
          <Select
            options={(view.procedure === 'small-claims' ? ['simplified', 'ordinary'] : ['ordinary']).map((value) => ({
              value,
              label: PROCEDURE_LABELS[value as 'ordinary'],
            }))}
          />
        </Form.Item>
        <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写理由' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </FormModal>
      <CloseModal open={dialog === 'close'} view={view} onClose={() => setDialog(null)} onDone={() => done('已结案')} />
      <AssignModal open={dialog === 'assign'} caseId={caseId} onClose={() => setDialog(null)} onDone={() => done('已改派')} />
    </>
  );
}

function AssignModal({ open, caseId, onClose, onDone }: { open: boolean; caseId: number; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm();
  const judges = useOperation(open ? () => send('docket.judges') : null, [open]);
  return (
    <FormModal
      open={open}
      title="指定或改派承办法官"
      form={form}
      onClose={onClose}
      onSubmit={async (v: { judgeId: number; reason: string }) => {
        await send('docket.assign', { caseId, judgeId: v.judgeId, reason: v.reason });
        onDone();
      }}
    >
      <Form.Item name="judgeId" label="承办法官" rules={[{ required: true, message: '请选择法官' }]}>
        <Select options={(judges.data?.judges ?? []).map((j) => ({ value: j.id, label: `${j.name}（在办 ${j.open} 件）` }))} />
      </Form.Item>
      <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写理由' }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Space />
    </FormModal>
  );
}
