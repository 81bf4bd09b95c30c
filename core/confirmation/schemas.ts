import { z } from 'zod';
import { bool, input, integerIn, isoDate, oneOf, optionalText, positiveId, requiredText } from '../api/fields';
import { agentSchema } from '../cases/schemas';
import { partyInputSchema } from '../parties/schemas';
import {
  ART355_CODES,
  ART358_CODES,
  COMPETENCE_BASES,
  MATERIAL_STATES,
  MATERIALS,
  ORGANISATION_KINDS,
  OUTCOMES,
  SERVICE_METHODS,
  STAGES,
  type Art355Code,
  type Art358Code,
} from './meta';

const keys = <T extends Record<string, unknown>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

const dateNotAfter = (label: string, today: string) => isoDate(label).refine((d) => d <= today, { error: `${label}不能晚于今天` });

// ───────────────────────────── the application ─────────────────────────────

/** One party to the agreement: a registered party (by id, e.g. from the mediation register) or a new one. */
export const applicantSchema = (today: string) =>
  z
    .object({
      partyId: positiveId('当事人编号').optional(),
      party: partyInputSchema(today).optional(),
      agents: z.array(agentSchema(today)).max(2, { error: '每名申请人最多委托两名代理人' }).default([]),
    })
    .refine((p) => (p.partyId === undefined) !== (p.party === undefined), {
      error: '请选择已登记的当事人，或填写新当事人信息',
      path: ['party'],
    });

/** The agreement as it was made: by whom, when, and its terms as numbered items (carried over, never retyped). */
export const agreementSchema = (today: string) =>
  z
    .object({
      organisationKind: oneOf('调解组织类型', keys(ORGANISATION_KINDS)),
      organisationName: requiredText('调解组织名称', { max: 100 }),
      organisationPlace: requiredText('调解组织所在地', { max: 100 }),
      mediatorName: requiredText('调解员', { max: 40 }),
      date: dateNotAfter('调解协议签订日期', today),
      effectiveOn: dateNotAfter('调解协议生效日期', today),
      dispute: optionalText('纠纷名称（如买卖合同纠纷）', { max: 60 }),
      terms: z
        .array(requiredText('协议条款', { max: 2000 }), { error: '请逐项填写协议条款' })
        .min(1, { error: '请至少填写一项协议条款' })
        .max(50, { error: '协议条款最多 50 项' }),
    })
    .refine((a) => a.effectiveOn >= a.date, { error: '调解协议生效日期不能早于签订日期', path: ['effectiveOn'] });

export const materialsSchema = z.object(
  Object.fromEntries(Object.entries(MATERIALS).map(([k, label]) => [k, oneOf(label, keys(MATERIAL_STATES))])) as Record<
    keyof typeof MATERIALS,
    z.ZodEnum<{ provided: 'provided'; missing: 'missing'; not_applicable: 'not_applicable' }>
  >,
  { error: '请逐项勾选申请材料' },
);

/**
 * The input of `applyFromAgreement`: the same for the counter (an agreement made elsewhere) and for the hand-off
 * from the mediation register (source 'mediation' with its mediationId; the register's parties by partyId).
 */
export const applicationShape = (today: string) => ({
  source: oneOf('申请来源', ['counter', 'mediation']).default('counter'),
  mediationId: positiveId('调解案件编号').optional(),
  appliedOn: dateNotAfter('申请日期', today),
  applicants: z
    .array(applicantSchema(today), { error: '请填写申请人' })
    .min(2, { error: '司法确认由调解协议的双方当事人共同申请，请至少填写两名申请人（民诉法第二百零五条）' })
    .max(20, { error: '申请人最多 20 名' }),
  agreement: agreementSchema(today),
  applicationForm: oneOf('申请方式', ['written', 'oral']),
  /** an oral application is written down and signed by the applicants (解释 art. 353) */
  oralRecord: optionalText('口头申请笔录', { max: 5000 }),
  oralRecordSigned: bool('笔录已由申请人签名、捺印或盖章').optional(),
  materials: materialsSchema,
});

export function applicationInput(today: string) {
  return input(applicationShape(today)).superRefine((v, c) => {
    if (v.source === 'mediation' && v.mediationId === undefined)
      c.addIssue({ code: 'custom', path: ['mediationId'], message: '来自调解登记的申请须注明调解案件' });
    if (v.source === 'counter' && v.mediationId !== undefined)
      c.addIssue({ code: 'custom', path: ['mediationId'], message: '窗口登记的申请不注明调解案件' });
    if (v.applicationForm === 'oral') {
      if (!v.oralRecord) c.addIssue({ code: 'custom', path: ['oralRecord'], message: '口头申请须记入笔录（解释第三百五十三条）' });
      if (v.oralRecordSigned !== true)
        c.addIssue({
          code: 'custom',
          path: ['oralRecordSigned'],
          message: '口头申请的笔录须由申请人签名、捺印或者盖章（解释第三百五十三条）',
        });
    }
    const ids = v.applicants.map((a) => a.partyId).filter((id) => id !== undefined);
    if (new Set(ids).size !== ids.length) c.addIssue({ code: 'custom', path: ['applicants'], message: '同一当事人不能重复列为申请人' });
    const hasAgent = v.applicants.some((a) => a.agents.length > 0);
    if (hasAgent && v.materials.powerOfAttorney === 'not_applicable') {
      c.addIssue({ code: 'custom', path: ['materials', 'powerOfAttorney'], message: '有委托代理人，须勾选授权委托书是否已提交' });
    }
  });
}
export type ApplyFromAgreementInput = z.output<ReturnType<typeof applicationInput>>;

/**
 * The hand-off from the mediation register (confirmation.applyFromMediation): the parties, organisation,
 * mediator, date and terms come from the register; the counter adds what it does not hold.
 */
export function fromMediationInput(today: string) {
  return input({
    mediationId: positiveId('调解案件'),
    appliedOn: dateNotAfter('申请日期', today),
    /** when the agreement took effect, if not on the day it was signed */
    effectiveOn: dateNotAfter('调解协议生效日期', today).optional(),
    /** only when the organisation is not on the roster (an outside agreement) */
    organisationKind: oneOf('调解组织类型', keys(ORGANISATION_KINDS)).optional(),
    organisationPlace: optionalText('调解组织所在地', { max: 100 }),
    applicationForm: oneOf('申请方式', ['written', 'oral']),
    oralRecord: optionalText('口头申请笔录', { max: 5000 }),
    oralRecordSigned: bool('笔录已由申请人签名、捺印或盖章').optional(),
    materials: materialsSchema,
  });
}
export type FromMediationInput = z.output<ReturnType<typeof fromMediationInput>>;

// ───────────────────────────── acceptance ─────────────────────────────

export const acceptanceInput = input({
  confirmationId: positiveId('司法确认编号'),
  decidedOn: isoDate('审查日期'),
  /** the basis of this court's competence, or null when none applies (解释 art. 355(2)) */
  competence: oneOf('管辖依据', keys(COMPETENCE_BASES)).nullable(),
  competenceNote: optionalText('管辖说明', { max: 200 }),
  /** the exclusions of 解释 art. 355 para. 1 found (items 1, 3, 4, 5) */
  exclusions: z
    .array(oneOf('不予受理情形', ART355_CODES.filter((c) => c !== 'art355-2') as [Art355Code, ...Art355Code[]]))
    .max(4)
    .default([]),
  reasons: optionalText('不予受理的理由', { max: 2000 }),
});

// ───────────────────────────── review ─────────────────────────────

export const idInput = input({ confirmationId: positiveId('司法确认编号') });

export const assignInput = input({
  confirmationId: positiveId('司法确认编号'),
  judgeId: positiveId('审判员'),
  clerkId: positiveId('书记员'),
});

export const appearanceInput = input({
  confirmationId: positiveId('司法确认编号'),
  on: isoDate('到场日期'),
  /** casePartyIds of the applicants who appeared in person or by agent */
  appeared: z.array(positiveId('到场的申请人')).min(1, { error: '请勾选到场的申请人' }),
  questions: requiredText('询问事项和回答', { max: 5000 }),
});

export const requestInput = input({
  confirmationId: positiveId('司法确认编号'),
  on: isoDate('通知日期'),
  what: requiredText('需补充的陈述或材料', { max: 1000 }),
  dueOn: isoDate('补充期限'),
});

export const supplyInput = input({ confirmationId: positiveId('司法确认编号'), stepId: positiveId('补充要求'), on: isoDate('补充日期') });

export const withdrawInput = input({
  confirmationId: positiveId('司法确认编号'),
  on: isoDate('撤回日期'),
  /** casePartyIds of the applicants withdrawing */
  by: z.array(positiveId('撤回的申请人')).min(1, { error: '请勾选撤回申请的申请人' }),
  reasons: requiredText('撤回理由及审查意见', { max: 2000 }),
});

export const deemWithdrawnInput = input({
  confirmationId: positiveId('司法确认编号'),
  stepId: positiveId('逾期未补充的要求'),
  reasons: requiredText('按撤回申请处理的理由', { max: 2000 }),
});

export const extendInput = input({
  confirmationId: positiveId('司法确认编号'),
  days: integerIn('延长天数', 1, 30),
  reason: requiredText('延长理由', { max: 1000 }),
});

export const decideInput = input({
  confirmationId: positiveId('司法确认编号'),
  outcome: oneOf('裁定结果', ['valid', 'rejected']),
  /** rejection grounds: art. 355 items found after acceptance and art. 358 items */
  grounds: z
    .array(oneOf('驳回理由', [...ART355_CODES, ...ART358_CODES] as [Art355Code | Art358Code, ...(Art355Code | Art358Code)[]]))
    .max(11)
    .default([]),
  reasons: requiredText('审查意见（裁定理由）', { max: 3000 }),
});

export const serveInput = input({
  confirmationId: positiveId('司法确认编号'),
  casePartyId: positiveId('受送达的申请人'),
  method: oneOf('送达方式', keys(SERVICE_METHODS)),
  servedOn: isoDate('送达日期'),
  recipient: requiredText('签收人', { max: 60 }),
  proof: requiredText('送达凭证（送达回证号、邮件号等）', { max: 200 }),
});

export const objectionInput = input({
  confirmationId: positiveId('司法确认编号'),
  on: isoDate('提出异议日期'),
  by: requiredText('异议人', { max: 100 }),
  role: oneOf('异议人身份', ['party', 'third_party']),
  /** for an interested person: the day they knew or should have known of the harm (解释 art. 372) */
  knewOn: isoDate('知道或者应当知道权益受侵害的日期').optional(),
  content: requiredText('异议内容', { max: 3000 }),
});

export const listInput = input({
  stage: oneOf('阶段', keys(STAGES)).optional(),
  outcome: oneOf('裁定结果', keys(OUTCOMES)).optional(),
  judgeId: positiveId('审判员').optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份应为 YYYY-MM' })
    .optional(),
  overdue: bool('只看超期').optional(),
  page: integerIn('页码', 1, 100000).default(1),
  pageSize: integerIn('每页条数', 1, 200).default(50),
});

export const figuresInput = input({ year: integerIn('年份', 2000, 2100) });

// ───────────────────────────── outputs ─────────────────────────────

export const deadlineSchema = z.object({
  label: z.string(),
  from: z.string(),
  due: z.string(),
  basis: z.string(),
  state: z.enum(['ok', 'warning', 'overdue', 'met']),
});

export const groundSchema = z.object({ code: z.string(), label: z.string(), article: z.string() });

export const checkSchema = z.object({ key: z.string(), label: z.string(), passed: z.boolean(), article: z.string(), detail: z.string() });

export const stepSchema = z.object({
  id: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  on: z.string(),
  summary: z.string(),
  dueOn: z.string().nullable(),
  fulfilledOn: z.string().nullable(),
});

export const serviceSchema = z.object({
  casePartyId: z.number(),
  partyName: z.string(),
  method: z.string().nullable(),
  servedOn: z.string().nullable(),
  recipient: z.string().nullable(),
  proof: z.string().nullable(),
  objectionDue: z.string().nullable(),
});

export const confirmationViewSchema = z.object({
  id: z.number(),
  caseId: z.number(),
  caseNumber: z.string(),
  source: z.string(),
  mediationId: z.number().nullable(),
  stage: z.string(),
  stageLabel: z.string(),
  outcome: z.string().nullable(),
  outcomeLabel: z.string().nullable(),
  applicants: z.array(
    z.object({ casePartyId: z.number(), name: z.string(), agents: z.array(z.object({ name: z.string(), authority: z.string() })) }),
  ),
  agreement: z.object({
    organisationKind: z.string(),
    organisationName: z.string(),
    organisationPlace: z.string(),
    mediatorName: z.string(),
    date: z.string(),
    effectiveOn: z.string(),
    dispute: z.string().nullable(),
    terms: z.array(z.string()),
  }),
  applicationForm: z.string(),
  oralRecord: z.string().nullable(),
  materials: z.array(z.object({ key: z.string(), label: z.string(), state: z.string(), stateLabel: z.string() })),
  appliedOn: z.string(),
  fee: z.object({ feeFen: z.number(), basis: z.string() }),
  applicationWindow: deadlineSchema,
  acceptanceDeadline: deadlineSchema,
  acceptanceChecks: z.array(checkSchema).nullable(),
  acceptanceDecidedOn: z.string().nullable(),
  judge: z.object({ id: z.number(), name: z.string() }).nullable(),
  clerk: z.object({ id: z.number(), name: z.string() }).nullable(),
  judgeAssignedAt: z.string().nullable(),
  judgeAssignedBy: z.string().nullable(),
  reviewDeadline: deadlineSchema.nullable(),
  extension: z.object({ days: z.number(), approvedBy: z.string(), approvedAt: z.string(), reason: z.string() }).nullable(),
  steps: z.array(stepSchema),
  grounds: z.array(groundSchema),
  reasons: z.string().nullable(),
  decidedOn: z.string().nullable(),
  ruling: z
    .object({
      documentId: z.number(),
      templateId: z.string(),
      signedAt: z.string(),
      signedBy: z.string(),
      printCount: z.number(),
      lastPrintedAt: z.string().nullable(),
    })
    .nullable(),
  services: z.array(serviceSchema),
  enforcementDue: z.string().nullable(),
});
export type ConfirmationView = z.output<typeof confirmationViewSchema>;

export const listRowSchema = z.object({
  id: z.number(),
  caseId: z.number(),
  caseNumber: z.string(),
  applicants: z.string(),
  appliedOn: z.string(),
  stage: z.string(),
  stageLabel: z.string(),
  outcome: z.string().nullable(),
  outcomeLabel: z.string().nullable(),
  judgeName: z.string().nullable(),
  due: z.string().nullable(),
  dueLabel: z.string().nullable(),
  urgency: z.enum(['ok', 'warning', 'overdue', 'met']),
  signed: z.boolean(),
});
export type ListRow = z.output<typeof listRowSchema>;
