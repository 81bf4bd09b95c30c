import type { FormInstance, FormRule } from 'antd';
import {
  normaliseIdNumber,
  OTHER_ID_TYPES,
  otherIdProblem,
  phoneProblem,
  residentIdInfo,
  residentIdProblem,
  usccProblem,
  type OtherIdType,
} from '../../../../core/parties/identity';

/**
 * Instant checks for the party fields, with the host's own functions and messages
 * (core/parties/identity.ts): the clerk sees a wrong check digit as the last digit is typed. The host
 * checks everything again when the case is saved.
 */

type Path = (string | number)[];

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export function normaliseId(v: unknown): string {
  return typeof v === 'string' ? normaliseIdNumber(v) : '';
}

/** Problems that are certain while the number is still being typed. */
function partialProblem(idType: string, id: string, today: string): string | null {
  if (id === '') return null;
  if (idType === 'resident') {
    if (!/^\d{0,17}[\dX]?$/.test(id)) return '身份证号码前 17 位须为数字，最后一位为数字或 X';
    if (id.length >= 18) return residentIdProblem(id, today);
    return null;
  }
  if (idType === 'uscc') {
    const bad = [...id].find((c) => !USCC_CHARS.includes(c));
    if (bad) {
      return /[IOZSV]/.test(bad)
        ? `统一社会信用代码不使用字母 I、O、Z、S、V（含有“${bad}”），请核对`
        : `统一社会信用代码含有无效字符“${bad}”`;
    }
    if (id.length >= 18) return usccProblem(id);
  }
  return null;
}

/** Every problem of a complete number. */
export function idProblem(idType: string, id: string, today: string): string | null {
  if (id === '' || idType === 'none') return null;
  if (idType === 'resident') return residentIdProblem(id, today);
  if (idType === 'uscc') return usccProblem(id);
  if (idType in OTHER_ID_TYPES) return otherIdProblem(idType as OtherIdType, id);
  return null;
}

const ID_LABELS: Record<string, string> = {
  resident: '居民身份证',
  uscc: '统一社会信用代码',
  ...Object.fromEntries(Object.entries(OTHER_ID_TYPES).map(([k, v]) => [k, v.label])),
};

/**
 * Rules of an ID number field whose ID type sits at `idTypePath` (from the form root). Use with
 * validateFirst and validateTrigger ['onChange', 'onBlur']: certain problems show while typing, the
 * rest when the field is left or the form is saved.
 */
export function idNumberRules(idTypePath: Path, today: string): FormRule[] {
  const typeOf = (form: Pick<FormInstance, 'getFieldValue'>) => (form.getFieldValue(idTypePath) as string | undefined) ?? 'none';
  return [
    (form) => ({
      validator: async (_, value) => {
        const idType = typeOf(form);
        if (idType !== 'none' && normaliseId(value) === '') {
          throw new Error(`请填写${ID_LABELS[idType] ?? '证件'}号码，或将证件类型选为“无（暂缺）”`);
        }
      },
      validateTrigger: ['onBlur'],
    }),
    (form) => ({
      validator: async (_, value) => {
        const problem = partialProblem(typeOf(form), normaliseId(value), today);
        if (problem) throw new Error(problem);
      },
      validateTrigger: ['onChange', 'onBlur'],
    }),
    (form) => ({
      validator: async (_, value) => {
        const problem = idProblem(typeOf(form), normaliseId(value), today);
        if (problem) throw new Error(problem);
      },
      validateTrigger: ['onBlur'],
    }),
  ];
}

export const phoneRules: FormRule[] = [
  {
    validator: async (_, value) => {
      const phone = typeof value === 'string' ? value.replace(/\s/g, '') : '';
      if (phone === '') return;
      const problem = phoneProblem(phone);
      if (problem) throw new Error(problem);
    },
    validateTrigger: ['onBlur'],
  },
];

/** What a valid resident ID tells: '男 · 1990-01-01 出生' */
export function residentIdSummary(id: string, today: string): string | null {
  if (residentIdProblem(id, today) !== null) return null;
  const info = residentIdInfo(id);
  return `${info.sex === 'male' ? '男' : '女'} · ${info.birthDate} 出生`;
}

export const DATE_RULE: FormRule = {
  validator: async (_, value) => {
    if (!value) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
      throw new Error('出生日期应为 年-月-日，如 1990-01-31');
  },
  validateTrigger: ['onBlur'],
};
