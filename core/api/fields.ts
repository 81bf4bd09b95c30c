import { z } from 'zod';
import { isIsoDate } from '../time/clock';

/**
 * Schema builders whose every message is Chinese and names the field (ARCHITECTURE.md rule 3).
 * Use these instead of bare zod types in operation inputs, so that a clerk always reads
 * “法院名称不能为空”, never “Expected string”.
 */

/** At most 50 characters of anything a caller sent, for a message (issue 11 item 7: never echo more). */
export function clip(text: string): string {
  const chars = [...text];
  return chars.length > 50 ? `${chars.slice(0, 50).join('')}…` : text;
}

/** Required text, trimmed. */
export function requiredText(label: string, opts: { max?: number; min?: number } = {}) {
  const { max = 200, min = 1 } = opts;
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(min, { error: min <= 1 ? `${label}不能为空` : `${label}至少 ${min} 个字符` })
    .max(max, { error: `${label}不能超过 ${max} 个字符` });
}

/** Optional text: empty strings become undefined. */
export function optionalText(label: string, opts: { max?: number } = {}) {
  const { max = 500 } = opts;
  return z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.string({ error: `${label}格式不正确` }).trim().max(max, { error: `${label}不能超过 ${max} 个字符` }).optional(),
  );
}

export function positiveId(label: string) {
  return z
    .number({ error: `${label}必须是数字` })
    .int({ error: `${label}必须是整数` })
    .positive({ error: `${label}必须是正整数` });
}

export function integerIn(label: string, min: number, max: number) {
  return z
    .number({ error: `${label}必须是数字` })
    .int({ error: `${label}必须是整数` })
    .min(min, { error: `${label}不能小于 ${min}` })
    .max(max, { error: `${label}不能大于 ${max}` });
}

export function bool(label: string) {
  return z.boolean({ error: `${label}只能是“是”或“否”` });
}

/** One of a fixed set of values, with their Chinese names for the message. */
export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: `${label}不是有效的选项` });
}

/** An object whose unknown keys are refused rather than silently dropped: a client bug shows at once. */
export function input<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys' ? `不支持的字段：${iss.keys.join('、')}` : '请求内容必须是一个对象',
  });
}

export const noInput = z
  .strictObject({}, { error: '此操作不接受参数' })
  .optional()
  .transform(() => ({}));

/** A calendar date as YYYY-MM-DD, checked to exist (2026-02-30 is refused). */
export function isoDate(label: string) {
  return z.string({ error: `请填写${label}` }).refine(isIsoDate, { error: `${label}应为有效日期（年-月-日）` });
}

/** An amount of money in integer fen, above zero. */
export function positiveFen(label: string) {
  return z
    .number({ error: `${label}必须是数字` })
    .int({ error: `${label}须精确到分` })
    .positive({ error: `${label}须大于 0 元` })
    .max(1e15, { error: `${label}过大` });
}
