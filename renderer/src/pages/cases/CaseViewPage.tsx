import { EditOutlined, HistoryOutlined, LinkOutlined, PrinterOutlined } from '@ant-design/icons';
import { CaseDocketCard } from '../docket/CaseDocketCard';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Row,
  Select,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiCallError, send } from '../../api/client';
import { applyApiError } from '../../api/formErrors';
import { PageHeader } from '../../components/PageHeader';
import { QrCode } from '../../components/QrCode';
import { useSubmit } from '../../components/useSubmit';
import {
  agentKindLabel,
  AUTHORITY_LABELS,
  causeRevisionLabel,
  formatCaseCode,
  idTypeLabel,
  LINK_KIND_LABELS,
  linkLabel,
  numberLabel,
  SEX_LABELS,
  STATUS_COLORS,
} from '../../cases/labels';
import { formatFen } from '../../cases/money';
import { formatDateTime } from '../../format';
import { useSession } from '../../session/SessionProvider';
import { CaseFeesPanel } from '../fees/CaseFeesPanel';
import { CaseDocuments } from './CaseDocuments';
import { CorrectPartyModal, PartyHistoryModal } from './PartyModals';
import { useCase, type CaseView } from './useCase';

type CaseParty = CaseView['parties'][number];
type PartyView = CaseParty['party'];

function PartyBlock({
  cp,
  canCorrect,
  canSeeHistory,
  onCorrect,
  onHistory,
}: {
  cp: CaseParty;
  canCorrect: boolean;
  canSeeHistory: boolean;
  onCorrect: () => void;
  onHistory: () => void;
}) {
  const p = cp.party;
  const items = [
    p.kind === 'person' && p.sex ? { key: 'sex', label: '性别', children: SEX_LABELS[p.sex] } : null,
    p.kind === 'person' && p.birthDate ? { key: 'birth', label: '出生日期', children: p.birthDate } : null,
    p.kind === 'person' && p.ethnicity ? { key: 'eth', label: '民族', children: p.ethnicity } : null,
    p.kind === 'organisation' ? { key: 'rep', label: p.representativeTitle || '法定代表人', children: p.representative ?? '—' } : null,
    { key: 'id', label: idTypeLabel(p.idType), children: <span className="mono-number">{p.idNumber ?? '—'}</span> },
    { key: 'phone', label: '联系电话', children: <span className="mono-number">{p.phone ?? '—'}</span> },
    { key: 'addr', label: p.kind === 'person' ? '住址' : '住所地', children: p.address ?? '—', span: 2 },
  ].filter((x): x is NonNullable<typeof x> => x !== null);
  return (
    <div className="case-party" role="group" aria-label={`${cp.role}：${p.name}`}>
      <div className="case-party-head">
        <Space size={8} wrap>
          <Tag color={cp.role === '原告' || cp.role === '申请人' ? 'blue' : cp.role === '第三人' ? 'default' : 'orange'}>{cp.role}</Tag>
          <strong className="case-party-name">{p.name}</strong>
          <Typography.Text type="secondary">{p.kind === 'person' ? '自然人' : '单位'}</Typography.Text>
          {p.revision > 1 && <Typography.Text type="secondary">（已更正 {p.revision - 1} 次）</Typography.Text>}
        </Space>
        <Space size={4}>
          {canCorrect && (
            <Button size="small" icon={<EditOutlined />} onClick={onCorrect} aria-label={`更正${p.name}的信息`}>
              更正
            </Button>
          )}
          {canSeeHistory && p.revision > 1 && (
            <Button size="small" icon={<HistoryOutlined />} onClick={onHistory} aria-label={`${p.name}的更正记录`}>
              更正记录
            </Button>
          )}
        </Space>
      </div>
      <Descriptions size="small" column={3} items={items} className="case-party-details" />
      {cp.agents.length > 0 && (
        <div className="case-agents">
          {cp.agents.map((a) => (
            <div key={a.id} className="case-agent">
              <Tag>委托诉讼代理人</Tag>
              <strong>{a.name}</strong>（{agentKindLabel(a.kind)}
              {a.organisation ? `，${a.organisation}` : ''}
              {a.licenseNo ? `，执业证号 ${a.licenseNo}` : ''}）{a.phone ? ` · 电话 ${a.phone}` : ''}
              {a.idNumber ? ` · 身份证 ${a.idNumber}` : ''} · {AUTHORITY_LABELS[a.authority] ?? a.authority}
              {a.authorityDetail ? `：${a.authorityDetail}` : ''}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

interface LinkValues {
  number: string;
  kind: 'related' | 'converted' | 'sameParties';
  note?: string;
}

/** 关联案件: type the other case's 案号; a conversion runs from this case to the other. */
function AddLink({ view, onLinked }: { view: CaseView; onLinked: () => void }) {
  const [form] = Form.useForm<LinkValues>();
  const [busy, run] = useSubmit();
  const [error, setError] = useState<string | null>(null);
  const { message } = AntApp.useApp();

  const submit = (v: LinkValues) =>
    run(async () => {
      setError(null);
      try {
        let other: CaseView;
        try {
          other = await send('cases.get', { number: v.number });
        } catch (err) {
          if (err instanceof ApiCallError && err.code === 'NOT_FOUND') {
            form.setFields([{ name: 'number', errors: ['没有找到这个案号的案件，请核对'] }]);
            form.focusField('number');
            return;
          }
          throw err;
        }
        await send('cases.link', { fromId: view.id, toId: other.id, kind: v.kind, note: v.note });
        message.success(`已关联 ${other.number}`);
        form.resetFields();
        onLinked();
      } catch (err) {
        setError(applyApiError(form, err, { toId: 'number' }));
      }
    });

  return (
    <>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} role="alert" />}
      <Form<LinkValues>
        form={form}
        name="link"
        layout="inline"
        onFinish={submit}
        initialValues={{ kind: 'related' }}
        requiredMark={false}
        className="link-form"
      >
        <Form.Item name="number" label="关联案号" rules={[{ required: true, whitespace: true, message: '请填写要关联的案号' }]}>
          <Input placeholder="如（2026）浙0522民初12号" style={{ width: 240 }} />
        </Form.Item>
        <Form.Item name="kind" label="关联类型">
          <Select
            style={{ width: 150 }}
            options={[
              { value: 'related', label: LINK_KIND_LABELS.related },
              { value: 'sameParties', label: LINK_KIND_LABELS.sameParties },
              { value: 'converted', label: '转立案（本案转至该案）' },
            ]}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={200} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" icon={<LinkOutlined />} loading={busy}>
            添加关联
          </Button>
        </Form.Item>
      </Form>
    </>
  );
}

/** 案件详情: header with number, type, status and code; parties and agents; cause; amounts; links; timeline. */
export function CaseViewPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const { message } = AntApp.useApp();
  const { view, error, reload } = useCase(Number(id));
  const [correcting, setCorrecting] = useState<PartyView | null>(null);
  const [history, setHistory] = useState<PartyView | null>(null);

  const counter = session.hasRole('clerk') || session.hasRole('mediation');
  const historyRoles = counter || session.hasRole('judge') || session.hasRole('approver');
  // the administrator reads a case only to trace an audit entry: the record and its timeline, nothing to act on
  const readOnly = !(['clerk', 'mediation', 'judge', 'print', 'approver'] as const).some((r) => session.hasRole(r));

  if (error) return <Alert type="error" showIcon title={error} />;
  if (!view || view.id !== Number(id)) return <Skeleton active />;

  return (
    <div className="case-view">
      <PageHeader
        title={view.number}
        extra={
          readOnly ? (
            <Tag color="default">只读</Tag>
          ) : (
            <Button icon={<PrinterOutlined />} onClick={() => navigate(`/cases/${view.id}/receipt`)}>
              收案回执
            </Button>
          )
        }
      />
      {readOnly && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="管理员只读查看：用于追溯审计记录。证件号码部分隐去；文书、费用和速裁信息不显示，也不能修改。"
        />
      )}
      <Card size="small" className="case-summary">
        <div className="case-summary-body">
          <Descriptions
            size="small"
            column={3}
            className="case-summary-details"
            items={[
              {
                key: 'number',
                label: numberLabel(view.caseType),
                children: (
                  <span className="mono-number" data-testid="case-number">
                    {view.number}
                  </span>
                ),
              },
              { key: 'type', label: '案件类型', children: `${view.caseType}（${view.caseTypeLabel}）` },
              { key: 'status', label: '状态', children: <Tag color={STATUS_COLORS[view.status] ?? 'default'}>{view.status}</Tag> },
              { key: 'received', label: '收案日期', children: view.receivedOn },
              {
                key: 'cause',
                label: '案由',
                span: 2,
                children: (
                  <span data-testid="case-cause">
                    {view.cause.no && <span className="mono-number cause-no">{view.cause.no}</span>} {view.cause.name}{' '}
                    <Typography.Text type="secondary">（{causeRevisionLabel(view.cause.revision)}）</Typography.Text>
                    {view.cause.needsReview && (
                      <Tag color="orange" style={{ marginLeft: 6 }}>
                        待核
                      </Tag>
                    )}
                  </span>
                ),
              },
              { key: 'amount', label: '争议金额', children: <span className="mono-number">{formatFen(view.amountFen)}</span> },
              {
                key: 'code',
                label: '案件码',
                children: (
                  <span className="mono-number case-code" data-testid="case-code">
                    {formatCaseCode(view.code)}
                  </span>
                ),
              },
              { key: 'filed', label: '登记时间', children: formatDateTime(view.createdAt) },
            ]}
          />
          <QrCode text={view.code} size={84} className="case-summary-qr" />
        </div>
      </Card>

      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card size="small" title="当事人" className="case-card">
            {view.parties.map((cp) => (
              <PartyBlock
                key={cp.casePartyId}
                cp={cp}
                canCorrect={counter}
                canSeeHistory={historyRoles}
                onCorrect={() => setCorrecting(cp.party)}
                onHistory={() => setHistory(cp.party)}
              />
            ))}
          </Card>
          <Card size="small" title={view.caseType === '民初' ? '诉讼请求与事实理由' : '请求事项与事实理由'} className="case-card">
            <Descriptions
              size="small"
              column={1}
              styles={{ label: { width: 110 } }}
              items={[
                {
                  key: 'claims',
                  label: view.caseType === '民初' ? '诉讼请求' : '请求事项',
                  children: <div className="pre-wrap">{view.claims || '—'}</div>,
                },
                { key: 'facts', label: '事实与理由', children: <div className="pre-wrap">{view.facts || '—'}</div> },
              ]}
            />
          </Card>
          {!readOnly && <CaseDocuments caseId={view.id} onChanged={reload} />}
          {!readOnly && <CaseFeesPanel caseId={view.id} caseNumber={view.number} onChanged={reload} />}
          <Card size="small" title="收到材料" className="case-card">
            {view.materials.length === 0 ? (
              <Typography.Text type="secondary">未登记收到材料</Typography.Text>
            ) : (
              <ol className="materials-list">
                {view.materials.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ol>
            )}
          </Card>
          <Card size="small" title="关联案件" className="case-card">
            {view.links.length === 0 ? (
              <Typography.Text type="secondary">暂无关联案件</Typography.Text>
            ) : (
              <ul className="links-list">
                {view.links.map((l) => (
                  <li key={l.id}>
                    <Tag>{linkLabel(l.kind, l.direction)}</Tag>
                    {l.case ? <Link to={`/cases/${l.case.id}`}>{l.case.number}</Link> : '（案件不存在）'}
                    {l.note && <Typography.Text type="secondary"> · {l.note}</Typography.Text>}
                  </li>
                ))}
              </ul>
            )}
            {counter && (
              <div style={{ marginTop: 12 }}>
                <AddLink view={view} onLinked={reload} />
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          {view.caseType === '民初' && !readOnly && <CaseDocketCard caseId={view.id} />}
          <Card size="small" title="时间线" className="case-card">
            {view.timeline.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />
            ) : (
              <Timeline
                className="case-timeline"
                items={view.timeline.map((e) => ({
                  key: e.id,
                  color: e.kind === 'filed' ? 'blue' : e.kind === 'party.corrected' ? 'orange' : 'gray',
                  content: (
                    <div className="timeline-event">
                      <div>{e.summary}</div>
                      <Typography.Text type="secondary" className="timeline-meta">
                        {formatDateTime(e.at)}
                        {e.actorName ? ` · ${e.actorName}` : ''}
                      </Typography.Text>
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>

      <CorrectPartyModal
        party={correcting}
        today={dayjs().format('YYYY-MM-DD')}
        onClose={() => setCorrecting(null)}
        onSaved={(changed) => {
          setCorrecting(null);
          message.success(changed.length ? `已更正：${changed.join('、')}` : '信息没有变化，未作更正');
          reload();
        }}
      />
      <PartyHistoryModal party={history} onClose={() => setHistory(null)} />
    </div>
  );
}
