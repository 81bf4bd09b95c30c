import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from './errors';
import { input, requiredText } from './fields';
import { declaredMaxLength, hygienicInput, MAX_STRING } from './inputHygiene';

function refusal(raw: unknown, schema?: z.ZodType) {
  try {
    hygienicInput(raw, schema);
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return (e as ApiError).toBody();
  }
  throw new Error('accepted');
}

describe('input hygiene: the length cap and a schema’s own maximum', () => {
  const upload = input({
    fileName: requiredText('文件名', { max: 140 }),
    contentBase64: z
      .string()
      .min(1)
      .max(3 * MAX_STRING),
    note: z.string().optional(),
    parts: z.array(z.strictObject({ text: z.preprocess((v) => v, z.string().max(2 * MAX_STRING)) })).optional(),
    either: z.union([z.string().max(10), z.number()]).optional(),
  });

  it('reads the declared maximum through objects, wrappers, pipes, arrays and unions', () => {
    expect(declaredMaxLength(upload, ['contentBase64'])).toBe(3 * MAX_STRING);
    expect(declaredMaxLength(upload, ['fileName'])).toBe(140);
    expect(declaredMaxLength(upload, ['parts', 0, 'text'])).toBe(2 * MAX_STRING);
    expect(declaredMaxLength(upload, ['either'])).toBe(10);
    expect(declaredMaxLength(upload, ['note'])).toBeNull();
    expect(declaredMaxLength(upload, ['unknown'])).toBeNull();
  });

  it('lets a string longer than the cap through where the schema declares room for it', () => {
    const big = 'A'.repeat(MAX_STRING + 1000);
    expect(hygienicInput({ fileName: 'x.ttf', contentBase64: big }, upload)).toEqual({ fileName: 'x.ttf', contentBase64: big });
    expect(hygienicInput({ parts: [{ text: big }] }, upload)).toEqual({ parts: [{ text: big }] });
  });

  it('keeps the cap for a string with no declared maximum, and the declared maximum above it', () => {
    const big = 'A'.repeat(MAX_STRING + 1);
    expect(refusal({ note: big }, upload)).toMatchObject({ field: 'note', message: `备注（note）过长（超过 ${MAX_STRING} 个字符）` });
    expect(refusal({ note: big })).toMatchObject({ field: 'note' }); // no schema: the cap
    expect(refusal({ contentBase64: 'A'.repeat(3 * MAX_STRING + 1) }, upload)).toMatchObject({
      field: 'contentBase64',
      message: `字段“contentBase64”过长（超过 ${3 * MAX_STRING} 个字符）`,
    });
  });

  it('still refuses control characters in a long declared string', () => {
    expect(refusal({ contentBase64: 'A'.repeat(MAX_STRING + 10) + '\u0000' }, upload)).toMatchObject({ field: 'contentBase64' });
  });
});
