import { z } from 'zod';
import { isIsoDate } from '../time/clock';

/**
 * Schema builders whose every message is Chinese and names the field (docs/ARCHITECTURE.md, rule 3).
 * Use these instead of bare zod types in operation inputs, so that a clerk always reads
 * “法院名称不能为空”, never “Expected string”.
 */

/** At most 50 characters of anything a caller sent, for a message (issue 11 item 7: never echo more). */
export function clip(text: string): string {
  const chars = [...text];
  return chars.length > 50 ? `${chars.slice(0, 50).join('')}…` : text;
}

// ---- text hygiene (issue 11 item 7) ----------------------------------------------------------------
// Every text a user sends is NFC-normalised and trimmed; text that would corrupt a register or a printed
// document is refused with the field's name: control characters (NUL, CR/LF in a one-line field …), the
// bidirectional overrides and isolates that can make a name read backwards (U+202A–202E, U+2066–2069),
// lone surrogates (not text at all) and values made only of zero-width characters (an invisible “name”).

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LINE_BREAK = /[\r\n\t\u2028\u2029]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** What is wrong with a text, or null: the reason completes “<label>…”. */
export function textProblem(value: string, multiline = false): string | null {
  if (LONE_SURROGATE.test(value)) return '包含无法识别的字符（不完整的代理项），请重新输入';
  if (CONTROL.test(value)) return '包含不可见的控制字符，请删除后重新输入';
  if (!multiline && LINE_BREAK.test(value)) return '不能包含换行或制表符';
  if (BIDI.test(value)) return '包含文字方向控制字符（可使文字倒序显示），请删除后重新输入';
  if (value.length > 0 && value.replace(ZERO_WIDTH, '').trim() === '') return '只有不可见字符，请填写实际内容';
  return null;
}

/** NFC, line breaks as \n, trimmed — the one form text is stored in. */
export function normaliseText(value: string): string {
  if (LONE_SURROGATE.test(value)) return value; // refused by textProblem; normalize() would hide it
  return value.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

/**
 * The Chinese name of each field built here, kept with its schema (zod looks a registered schema up through the
 * copies .min(), .optional() … make of it). What reads it: the audit page names the fields of a record by them
 * (core/audit/fieldLabels.ts), so a field has one Chinese name, given once, where its input is declared.
 */
export const fieldLabelRegistry = z.registry<{ label: string }>();

/** Registers a field's Chinese name with its schema (the builders below do it; use it for a hand-built field). */
export function labelled<S extends z.ZodType>(schema: S, label: string): S {
  fieldLabelRegistry.add(schema, { label });
  return schema;
}

/** A ZodString that refuses what textProblem names, then normalises (NFC, \n, trim) — still a ZodString. */
export function cleanString(label: string, multiline = false, error = `请填写${label}`) {
  return labelled(z.string({ error }), label)
    .superRefine((v, ctx) => {
      const problem = textProblem(v, multiline);
      if (problem) ctx.addIssue({ code: 'custom', message: `${label}${problem}`, abort: true });
    })
    .overwrite(normaliseText);
}

/** Fields allowed 500 characters or more are free text (诉讼请求, 事实与理由, 备注): line breaks allowed. */
const MULTILINE_FROM = 500;

/** Required text: NFC, trimmed, one line unless `multiline` (default: when max ≥ 500). */
export function requiredText(label: string, opts: { max?: number; min?: number; multiline?: boolean } = {}) {
  const { max = 200, min = 1 } = opts;
  const multiline = opts.multiline ?? max >= MULTILINE_FROM;
  return cleanString(label, multiline)
    .min(min, { error: min <= 1 ? `${label}不能为空` : `${label}至少 ${min} 个字符` })
    .max(max, { error: `${label}不能超过 ${max} 个字符` });
}

/** Optional text: empty strings become undefined; otherwise as requiredText. */
export function optionalText(label: string, opts: { max?: number; multiline?: boolean } = {}) {
  const { max = 500 } = opts;
  const multiline = opts.multiline ?? max >= MULTILINE_FROM;
  return z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    cleanString(label, multiline, `${label}格式不正确`)
      .max(max, { error: `${label}不能超过 ${max} 个字符` })
      .optional(),
  );
}

export function positiveId(label: string) {
  return labelled(z.number({ error: `${label}必须是数字` }), label)
    .int({ error: `${label}必须是整数` })
    .positive({ error: `${label}必须是正整数` });
}

export function integerIn(label: string, min: number, max: number) {
  return labelled(z.number({ error: `${label}必须是数字` }), label)
    .int({ error: `${label}必须是整数` })
    .min(min, { error: `${label}不能小于 ${min}` })
    .max(max, { error: `${label}不能大于 ${max}` });
}

export function bool(label: string) {
  return labelled(z.boolean({ error: `${label}只能是“是”或“否”` }), label);
}

/** One of a fixed set of values, with their Chinese names for the message. */
export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return labelled(z.enum(values, { error: `${label}不是有效的选项` }), label);
}

/** an uploaded workbook as base64: 8 MB of workbook is tens of thousands of rows (the sheet imports) */
const WORKBOOK_MAX_BASE64 = 11_200_000;

/** An .xlsx sent as base64 for an import (core/excel's reader opens it). */
export function workbookBase64() {
  return labelled(
    z
      .string({ error: '请选择要导入的 Excel 文件' })
      .min(1, { error: '请选择要导入的 Excel 文件' })
      .max(WORKBOOK_MAX_BASE64, { error: '文件过大：一次最多导入 8 MB 的工作簿' })
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: '文件内容不是有效的 base64' }),
    'Excel 文件',
  );
}

/** An object whose unknown keys are refused rather than silently dropped: a client bug shows at once. */
export function input<T extends z.ZodRawShape>(shape: T) {
  return z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? `不支持的字段：${iss.keys.join('、')}` : '请求内容必须是一个对象'),
  });
}

export const noInput = z
  .strictObject({}, { error: '此操作不接受参数' })
  .optional()
  .transform(() => ({}));

/** A calendar date as YYYY-MM-DD, checked to exist (2026-02-30 is refused). */
export function isoDate(label: string) {
  return labelled(z.string({ error: `请填写${label}` }), label).refine(isIsoDate, { error: `${label}应为有效日期（年-月-日）` });
}

/** An amount of money in integer fen, above zero. */
export function positiveFen(label: string) {
  return labelled(z.number({ error: `${label}必须是数字` }), label)
    .int({ error: `${label}须精确到分` })
    .positive({ error: `${label}须大于 0 元` })
    .max(1e15, { error: `${label}过大` });
}
