import { z } from 'zod';
import { input, optionalText, positiveId, requiredText } from '../api/fields';
import { isIsoDate } from '../time/clock';
import { normaliseIdNumber, residentIdProblem } from '../parties';
import { partyInputSchema } from '../parties';
import { CASE_TYPE_RULES, FILING_CASE_TYPES, PARTY_ROLES, type CaseType } from './types';

export const agentSchema = (today: string) =>
  z
    .object({
      kind: z.enum(['lawyer', 'relative', 'other'], { error: '代理人类型须为律师、近亲属或其他' }),
      name: requiredText('代理人姓名', { max: 40 }),
      idNumber: optionalText('代理人身份证号码', { max: 30 }),
      phone: optionalText('代理人电话', { max: 30 }),
      organisation: optionalText('律师事务所或工作单位', { max: 100 }),
      licenseNo: optionalText('律师执业证号', { max: 30 }),
      authority: z.enum(['general', 'special'], { error: '代理权限须为一般授权或特别授权' }),
      authorityDetail: optionalText('特别授权事项', { max: 300 }),
    })
    .transform((a, c) => {
      const idNumber = a.idNumber ? normaliseIdNumber(a.idNumber) : undefined;
      if (idNumber) {
        const problem = residentIdProblem(idNumber, today);
        if (problem) c.addIssue({ code: 'custom', path: ['idNumber'], message: `代理人${problem}` });
      }
      if (a.kind === 'lawyer' && !a.licenseNo) c.addIssue({ code: 'custom', path: ['licenseNo'], message: '律师代理须填写律师执业证号' });
      if (a.kind === 'lawyer' && !a.organisation)
        c.addIssue({ code: 'custom', path: ['organisation'], message: '律师代理须填写律师事务所' });
      if (a.authority === 'special' && !a.authorityDetail) {
        c.addIssue({
          code: 'custom',
          path: ['authorityDetail'],
          message: '特别授权须写明授权事项（如代为承认、放弃、变更诉讼请求，进行和解）',
        });
      }
      return { ...a, idNumber };
    });

const casePartySchema = (today: string) =>
  z
    .object({
      role: z.enum(PARTY_ROLES, { error: '诉讼地位不是有效的选项' }),
      partyId: positiveId('当事人编号').optional(),
      party: partyInputSchema(today).optional(),
      agents: z.array(agentSchema(today)).max(2, { error: '每名当事人最多委托两名诉讼代理人' }).default([]),
    })
    .refine((p) => (p.partyId === undefined) !== (p.party === undefined), {
      error: '请选择已登记的当事人，或填写新当事人信息',
      path: ['party'],
    });

export const causeInputSchema = z.union(
  [
    z.strictObject({ revision: z.string({ error: '请选择案由' }), no: z.string({ error: '请选择案由' }) }),
    z.strictObject({ text: requiredText('案由', { max: 60 }) }),
  ],
  { error: '请选择案由' },
);

/** The counter filing form (立案登记), checked as a whole: `today` bounds dates. */
export function fileCaseInput(today: string) {
  return caseRecordInput(today, FILING_CASE_TYPES);
}

/**
 * A legacy 民诉前调 record brought in from the centre's old system (core/mediation/importLegacy.ts): the counter's
 * own rules for parties, cause, amount and dates, on the one case type the counter no longer opens.
 */
export function legacyCaseInput(today: string) {
  return caseRecordInput(today, ['民诉前调'] as const);
}

function caseRecordInput<T extends readonly [CaseType, ...CaseType[]]>(today: string, caseTypes: T) {
  return input({
    caseType: z.enum(caseTypes, { error: '案件类型不是有效的选项' }),
    receivedOn: z
      .string({ error: '请填写收案日期' })
      .refine(isIsoDate, { error: '收案日期应为有效日期（年-月-日）' })
      .refine((d) => d <= today, { error: '收案日期不能晚于今天' })
      .refine((d) => d >= '2000-01-01', { error: '收案日期不能早于 2000 年' }),
    parties: z.array(casePartySchema(today), { error: '请填写当事人' }).min(1, { error: '请至少填写一名当事人' }).max(50),
    cause: causeInputSchema,
    amountFen: z
      .number({ error: '争议金额必须是数字' })
      .int({ error: '争议金额最小单位为分' })
      .min(0, { error: '争议金额不能为负数' })
      .max(1e15, { error: '争议金额过大' })
      .optional(),
    claims: optionalText('诉讼请求', { max: 5000 }),
    facts: optionalText('事实与理由', { max: 20000 }),
    materials: z
      .array(requiredText('材料名称', { max: 100 }))
      .max(50)
      .default([]),
  }).superRefine((v, c) => {
    const rule = CASE_TYPE_RULES[v.caseType];
    v.parties.forEach((p, i) => {
      if (!(p.role in rule.roles)) {
        c.addIssue({ code: 'custom', path: ['parties', i, 'role'], message: `${rule.label}案件中没有“${p.role}”这一诉讼地位` });
      }
    });
    for (const [role, min] of Object.entries(rule.roles)) {
      const n = v.parties.filter((p) => p.role === role).length;
      if (n < min) c.addIssue({ code: 'custom', path: ['parties'], message: `${rule.label}案件须至少有 ${min} 名${role}` });
    }
    if (rule.amountRequired && v.amountFen === undefined) {
      c.addIssue({ code: 'custom', path: ['amountFen'], message: `${rule.label}须填写争议金额` });
    }
    if (v.caseType === '民初' && !v.claims) c.addIssue({ code: 'custom', path: ['claims'], message: '请填写诉讼请求' });
  });
}

export type FileCaseInput = z.output<ReturnType<typeof fileCaseInput>>;
export type LegacyCaseInput = z.output<ReturnType<typeof legacyCaseInput>>;
