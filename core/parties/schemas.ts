import { z } from 'zod';
import { optionalText, requiredText } from '../api/fields';
import { isIsoDate } from '../time/clock';
import {
  mobileProblem,
  normaliseIdNumber,
  OTHER_ID_TYPES,
  otherIdProblem,
  phoneProblem,
  residentIdInfo,
  residentIdProblem,
  usccProblem,
  type OtherIdType,
} from './identity';

export const PERSON_ID_TYPES = ['resident', ...(Object.keys(OTHER_ID_TYPES) as OtherIdType[]), 'none'] as const;
export const ID_TYPE_LABELS: Record<string, string> = {
  resident: '居民身份证',
  uscc: '统一社会信用代码',
  none: '无（暂缺）',
  ...Object.fromEntries(Object.entries(OTHER_ID_TYPES).map(([k, v]) => [k, v.label])),
};

export const ETHNICITY_DEFAULT = '汉族';

const optionalDate = (label: string) =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string({ error: `${label}格式不正确` })
      .refine(isIsoDate, { error: `${label}应为有效日期（年-月-日）` })
      .optional(),
  );

const phoneField = optionalText('联系电话', { max: 30 }).superRefine((v, c) => {
  if (v === undefined) return;
  const problem = phoneProblem(v.replace(/\s/g, ''));
  if (problem) c.addIssue({ code: 'custom', message: problem });
});

const personSchema = z.object({
  kind: z.literal('person'),
  name: requiredText('姓名', { max: 40 }),
  idType: z.enum(PERSON_ID_TYPES, { error: '证件类型不是有效的选项' }),
  idNumber: optionalText('证件号码', { max: 30 }),
  sex: z.enum(['male', 'female'], { error: '性别只能是男或女' }).optional(),
  birthDate: optionalDate('出生日期'),
  ethnicity: optionalText('民族', { max: 20 }),
  address: optionalText('住址', { max: 200 }),
  phone: phoneField,
});

const organisationSchema = z.object({
  kind: z.literal('organisation'),
  name: requiredText('单位名称', { max: 100 }),
  idType: z.enum(['uscc', 'none'], { error: '证件类型不是有效的选项' }),
  idNumber: optionalText('统一社会信用代码', { max: 30 }),
  representative: requiredText('法定代表人（负责人）', { max: 40 }),
  representativeTitle: requiredText('法定代表人职务', { max: 40 }),
  address: optionalText('住所地', { max: 200 }),
  phone: phoneField,
});

export type PartyInput = z.output<typeof personSchema> | z.output<typeof organisationSchema>;

/**
 * A party as entered at the counter, checked and normalised: ID numbers per GB 11643 / GB 32100 with sex
 * and birth date derived from a resident ID (a contradicting entry is refused, not silently overwritten).
 * `today` bounds birth dates. Every message names its field.
 */
export function partyInputSchema(today: string) {
  return z.discriminatedUnion('kind', [personSchema, organisationSchema], { error: '当事人类型须为自然人或单位' }).transform((p, c) => {
    const idNumber = p.idNumber === undefined ? undefined : normaliseIdNumber(p.idNumber);
    const issue = (path: string, message: string) => {
      c.addIssue({ code: 'custom', path: [path], message });
      return z.NEVER;
    };
    if (p.idType !== 'none' && !idNumber) {
      return issue('idNumber', `请填写${ID_TYPE_LABELS[p.idType]}号码，或将证件类型选为“无（暂缺）”`);
    }
    if (p.idType === 'none' && idNumber) return issue('idType', '已填写证件号码，请选择证件类型');
    if (p.kind === 'organisation') {
      if (p.idType === 'uscc') {
        const problem = usccProblem(idNumber!);
        if (problem) return issue('idNumber', problem);
      }
      return { ...p, idNumber: idNumber ?? null, phone: p.phone?.replace(/\s/g, '') };
    }
    let { sex, birthDate } = p;
    if (p.idType === 'resident') {
      const problem = residentIdProblem(idNumber!, today);
      if (problem) return issue('idNumber', problem);
      const info = residentIdInfo(idNumber!);
      if (sex && sex !== info.sex) return issue('sex', `性别与身份证号码不符（号码显示为${info.sex === 'male' ? '男' : '女'}）`);
      if (birthDate && birthDate !== info.birthDate) return issue('birthDate', `出生日期与身份证号码不符（号码显示为 ${info.birthDate}）`);
      sex = info.sex;
      birthDate = info.birthDate;
    } else if (p.idType !== 'none') {
      const problem = otherIdProblem(p.idType, idNumber!);
      if (problem) return issue('idNumber', problem);
    }
    if (birthDate && birthDate > today) return issue('birthDate', '出生日期不能晚于今天');
    return {
      ...p,
      idNumber: idNumber ?? null,
      sex,
      birthDate,
      ethnicity: p.ethnicity ?? ETHNICITY_DEFAULT,
      phone: p.phone?.replace(/\s/g, ''),
    };
  });
}

export type CheckedParty = z.output<ReturnType<typeof partyInputSchema>>;

export { mobileProblem };
