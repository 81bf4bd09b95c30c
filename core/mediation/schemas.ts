import { z } from 'zod';
import { bool, input, integerIn, isoDate, oneOf, optionalText, positiveId, requiredText } from '../api/fields';
import { CLOSING_IDS, FAILURE_REASON_IDS, FLOW_IDS, LEVEL_IDS, MEDIATOR_KIND_IDS, ORG_KIND_IDS, STATUS_IDS } from './labels';

/** A region path: 长兴县/雉城街道/明珠社区 (levels separated by “/”). */
export const regionPath = (label: string) =>
  requiredText(label, { max: 100 }).transform((s) =>
    s
      .split(/[/／]/)
      .map((p) => p.trim())
      .filter(Boolean)
      .join('/'),
  );

// ---------------------------------------------------------------------------------------------------------
// Rosters
// ---------------------------------------------------------------------------------------------------------

export const orgShape = {
  name: requiredText('调解组织名称', { max: 60 }),
  kind: oneOf('调解组织类别', ORG_KIND_IDS),
  level: oneOf('调解组织层级', LEVEL_IDS),
  region: regionPath('调解组织覆盖区域'),
  contact: optionalText('联系人', { max: 30 }),
  phone: optionalText('联系电话', { max: 30 }),
  activeFrom: isoDate('入册日期'),
};
export const orgInput = input(orgShape);
export type OrgInput = z.output<typeof orgInput>;

export const mediatorShape = {
  name: requiredText('调解员姓名', { max: 30 }),
  kind: oneOf('调解员类别', MEDIATOR_KIND_IDS),
  orgId: positiveId('所属调解组织').optional(),
  fields: z
    .array(requiredText('擅长领域', { max: 40 }), { error: '擅长领域应为列表' })
    .max(20, { error: '擅长领域最多 20 项' })
    .default([]),
  regions: z.array(regionPath('服务区域'), { error: '服务区域应为列表' }).max(20, { error: '服务区域最多 20 项' }).default([]),
  capacity: integerIn('同时承办上限', 1, 200),
  idNumber: optionalText('调解员身份证号码', { max: 30 }),
  phone: optionalText('调解员联系电话', { max: 30 }),
  activeFrom: isoDate('入册日期'),
};
export const mediatorInput = input(mediatorShape);
export type MediatorInput = z.output<typeof mediatorInput>;

export const orgView = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  level: z.string(),
  levelLabel: z.string(),
  region: z.string(),
  contact: z.string().nullable(),
  phone: z.string().nullable(),
  activeFrom: z.string(),
  activeTo: z.string().nullable(),
  active: z.boolean(),
});
export type OrgView = z.infer<typeof orgView>;

export const mediatorView = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
  fields: z.array(z.string()),
  regions: z.array(z.string()),
  capacity: z.number(),
  load: z.number(),
  phone: z.string().nullable(),
  activeFrom: z.string(),
  activeTo: z.string().nullable(),
  active: z.boolean(),
});
export type MediatorView = z.infer<typeof mediatorView>;

export const importReport = z.object({
  imported: z.number(),
  refused: z.array(z.object({ sheet: z.string(), row: z.number(), field: z.string(), message: z.string() })),
  orgs: z.number(),
  mediators: z.number(),
});

// ---------------------------------------------------------------------------------------------------------
// The register
// ---------------------------------------------------------------------------------------------------------

export const consentInput = z.object({
  partyId: positiveId('当事人'),
  answer: oneOf('当事人意见', ['agree', 'refuse', 'sue']),
  on: isoDate('表示意见日期'),
  note: optionalText('备注', { max: 200 }),
});

export const agreementShape = {
  terms: z
    .array(requiredText('协议条款', { max: 2000 }), { error: '请填写协议条款' })
    .min(1, { error: '调解协议至少应有一项条款' })
    .max(30, { error: '协议条款最多 30 项' }),
  signedOn: isoDate('协议签署日期'),
  signatories: z
    .array(requiredText('签署人', { max: 60 }), { error: '请填写签署人' })
    .min(2, { error: '调解协议须由双方当事人签署（至少两名签署人）' })
    .max(20),
};

export const openInput = (today: string) =>
  input({
    caseId: positiveId('案件'),
    flow: oneOf('调解类型', FLOW_IDS),
    procedure: oneOf('适用程序', ['ordinary', 'simplified']).optional(),
    region: optionalText('当事人所在区域', { max: 100 }),
    consents: z.array(consentInput, { error: '请记录当事人是否同意调解' }).max(50).default([]),
    outsideOrgName: optionalText('调解组织', { max: 60 }),
    outsideOrgId: positiveId('调解组织').optional(),
    outsideMediatorName: optionalText('调解员', { max: 30 }),
    agreement: z.object(agreementShape).optional(),
  }).superRefine((v, c) => {
    v.consents.forEach((k, i) => {
      if (k.on > today) c.addIssue({ code: 'custom', path: ['consents', i, 'on'], message: '表示意见日期不能晚于今天' });
    });
    if (v.agreement && v.agreement.signedOn > today)
      c.addIssue({ code: 'custom', path: ['agreement', 'signedOn'], message: '协议签署日期不能晚于今天' });
  });
export type OpenInput = z.output<ReturnType<typeof openInput>>;

export const idInput = input({ mediationId: positiveId('调解案件') });

export const assignInput = input({
  mediationId: positiveId('调解案件'),
  mediatorId: positiveId('调解员'),
  how: oneOf('指派方式', ['joint', 'recommended', 'appointed']),
  overCapacityReason: optionalText('超出承办上限的理由', { max: 200 }),
});
export type AssignInput = z.output<typeof assignInput>;

export const respondInput = input({
  mediationId: positiveId('调解案件'),
  accept: bool('是否接受'),
  on: isoDate('签收或答复日期'),
  reason: optionalText('拒绝理由', { max: 200 }),
});
export type RespondInput = z.output<typeof respondInput>;

export const recuseInput = input({ mediationId: positiveId('调解案件'), reason: requiredText('回避理由', { max: 200 }) });

export const contactInput = input({ mediationId: positiveId('调解案件'), on: isoDate('首次联系日期') });

export const recordConsentInput = input({
  mediationId: positiveId('调解案件'),
  subject: oneOf('意见事项', ['mediate', 'extension']),
  partyId: positiveId('当事人'),
  answer: oneOf('当事人意见', ['agree', 'refuse', 'sue']),
  on: isoDate('表示意见日期'),
  note: optionalText('备注', { max: 200 }),
});
export type RecordConsentInput = z.output<typeof recordConsentInput>;

export const agreementInput = input({
  mediationId: positiveId('调解案件'),
  ...agreementShape,
  closing: oneOf('结案方式', CLOSING_IDS),
});
export type AgreementInput = z.output<typeof agreementInput>;

export const failureInput = input({
  mediationId: positiveId('调解案件'),
  reason: oneOf('调解不成的原因', FAILURE_REASON_IDS),
  on: isoDate('调解终结日期'),
  undisputedFacts: optionalText('无争议事实', { max: 5000 }),
  /** a failed 委派: file the 民初 case now (the party insists on suing) */
  fileNow: bool('是否立即转立案').default(true),
});
export type FailureInput = z.output<typeof failureInput>;

export const listInput = input({
  flow: oneOf('调解类型', FLOW_IDS).optional(),
  status: oneOf('状态', STATUS_IDS).optional(),
  orgId: positiveId('调解组织').optional(),
  mediatorId: positiveId('调解员').optional(),
  overdue: bool('仅看超期').optional(),
  q: optionalText('查询内容', { max: 60 }),
  receivedFrom: isoDate('收案起始日期').optional(),
  receivedTo: isoDate('收案截止日期').optional(),
  /** keyset: the last id of the previous page */
  after: positiveId('翻页位置').optional(),
  limit: integerIn('每页条数', 1, 200).default(50),
});
export type ListInput = z.output<typeof listInput>;

export const lookupInput = input({
  code: requiredText('案件码', { max: 20 }),
  phoneLast4: z.string({ error: '请填写手机号码后四位' }).regex(/^\d{4}$/, { error: '手机号码后四位应为 4 位数字' }),
});

// ---------------------------------------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------------------------------------

export const deadlineView = z.object({ due: z.string(), basis: z.string(), label: z.string() });

export const assignmentView = z.object({
  id: z.number(),
  mediatorId: z.number(),
  mediatorName: z.string(),
  orgName: z.string().nullable(),
  how: z.string(),
  howLabel: z.string(),
  assignedOn: z.string(),
  state: z.string(),
  stateLabel: z.string(),
  respondedOn: z.string().nullable(),
  reason: z.string().nullable(),
  overCapacityReason: z.string().nullable(),
});

export const consentView = z.object({
  partyId: z.number(),
  partyName: z.string(),
  subject: z.string(),
  subjectLabel: z.string(),
  answer: z.string(),
  answerLabel: z.string(),
  on: z.string(),
  note: z.string().nullable(),
});

export const mediationView = z.object({
  id: z.number(),
  caseId: z.number(),
  caseNumber: z.string(),
  caseCode: z.string(),
  caseType: z.string(),
  flow: z.string(),
  flowLabel: z.string(),
  procedure: z.string().nullable(),
  status: z.string(),
  statusLabel: z.string(),
  region: z.string(),
  causeName: z.string(),
  receivedOn: z.string(),
  parties: z.array(z.object({ partyId: z.number(), name: z.string(), role: z.string() })),
  org: z.object({ id: z.number().nullable(), name: z.string() }).nullable(),
  mediator: z.object({ id: z.number().nullable(), name: z.string() }).nullable(),
  limits: z.object({
    assignDue: z.string().nullable(),
    acceptDue: z.string().nullable(),
    contactDue: z.string().nullable(),
    firstContactOn: z.string().nullable(),
  }),
  signedOn: z.string().nullable(),
  dueOn: z.string().nullable(),
  baseDueOn: z.string().nullable(),
  extendedOn: z.string().nullable(),
  periodBasis: z.string().nullable(),
  outcome: z.string().nullable(),
  closing: z.string().nullable(),
  closingLabel: z.string().nullable(),
  outcomeOn: z.string().nullable(),
  failureReason: z.string().nullable(),
  failureReasonLabel: z.string().nullable(),
  undisputedFacts: z.string().nullable(),
  agreement: z.object({ terms: z.array(z.string()), signedOn: z.string(), signatories: z.array(z.string()) }).nullable(),
  convertedCase: z.object({ id: z.number(), number: z.string() }).nullable(),
  consents: z.array(consentView),
  assignments: z.array(assignmentView),
  nextStep: z.string(),
});
export type MediationView = z.infer<typeof mediationView>;

export const listRow = z.object({
  id: z.number(),
  caseNumber: z.string(),
  caseCode: z.string(),
  flow: z.string(),
  flowLabel: z.string(),
  status: z.string(),
  statusLabel: z.string(),
  causeName: z.string(),
  receivedOn: z.string(),
  partiesText: z.string(),
  orgName: z.string().nullable(),
  mediatorName: z.string().nullable(),
  dueOn: z.string().nullable(),
});
export const listOutput = z.object({ rows: z.array(listRow), next: z.number().nullable() });

export const recommendationView = z.object({
  mediationId: z.number(),
  ranked: z.array(
    z.object({
      mediatorId: z.number(),
      name: z.string(),
      kindLabel: z.string(),
      orgName: z.string().nullable(),
      levelLabel: z.string().nullable(),
      load: z.number(),
      capacity: z.number(),
      successRate: z.number().nullable(),
      averageDays: z.number().nullable(),
      reasons: z.array(z.string()),
      warnings: z.array(z.string()),
    }),
  ),
  excluded: z.array(z.object({ mediatorId: z.number(), name: z.string(), reason: z.string() })),
});

export const warningRow = z.object({
  mediationId: z.number(),
  caseNumber: z.string(),
  limit: z.string(),
  limitLabel: z.string(),
  due: z.string(),
  tier: z.string(),
  tierLabel: z.string(),
  mediatorName: z.string().nullable(),
  orgName: z.string().nullable(),
  escalate: z.boolean(),
});
export const warningsOutput = z.object({
  today: z.string(),
  rows: z.array(warningRow),
  counts: z.object({ overdue: z.number(), today: z.number(), soon: z.number() }),
  /** every open limit due within two days or overdue; `rows` holds the most urgent, at most WARNINGS_CAP */
  total: z.number(),
  capped: z.boolean(),
});

export const lookupOutput = z.object({
  found: z.boolean(),
  stage: z.string().nullable(),
  organisation: z.string().nullable(),
  nextStep: z.string().nullable(),
  nextDate: z.string().nullable(),
});

export const confirmationHandOff = z.object({
  mediationId: z.number(),
  caseId: z.number(),
  caseNumber: z.string(),
  flow: z.string(),
  /** how the agreement was closed (CLOSINGS), and the cause of action's name (the dispute) */
  closing: z.string().nullable(),
  dispute: z.string(),
  parties: z.array(z.object({ partyId: z.number(), role: z.string(), name: z.string() })),
  /** region: where a rostered organisation sits (its covered region path), null for an outside organisation */
  organisation: z.object({ id: z.number().nullable(), name: z.string(), kind: z.string().nullable(), region: z.string().nullable() }),
  mediator: z.object({ id: z.number().nullable(), name: z.string() }),
  agreementDate: z.string(),
  terms: z.array(z.string()),
  signatories: z.array(z.string()),
});
export type ConfirmationHandOff = z.infer<typeof confirmationHandOff>;
