import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { numberSequences } from '../../db/schema';
import { defineOperation } from '../api/contract';
import { numberingMeta } from './meta';
import { fieldError } from '../api/errors';
import { input, requiredText } from '../api/fields';
import { readSetting } from '../settings';
import { dateShanghai, yearOfDate } from '../time/clock';
import { formatCaseNumber, parseCaseNumber } from './caseNumber';
import { formatRegisterNumber, registerSeriesKey } from './registerNumber';
import { CASE_TYPE_CODES, findTypeCode } from './typeCodes';

const partsSchema = z.object({
  year: z.number(),
  courtCode: z.string(),
  specialCode: z.string(),
  typeCode: z.string(),
  serial: z.number(),
});

export const parseCaseNumberOperation = defineOperation({
  ...numberingMeta['numbering.parse'],
  input: input({ text: requiredText('案号', { max: 40 }) }),
  output: z.object({ canonical: z.string(), parts: partsSchema, typeName: z.string() }),
  handler: (_ctx, i) => {
    const parts = parseCaseNumber(i.text);
    if (!parts) throw fieldError('text', '案号格式不正确，应如（2026）浙0522民初1234号');
    return { canonical: formatCaseNumber(parts), parts, typeName: findTypeCode(parts.typeCode)?.name ?? '' };
  },
});

export const previewNumbersOperation = defineOperation({
  ...numberingMeta['numbering.preview'],
  input: z.object({}).optional(),
  output: z.object({
    year: z.number(),
    caseNumbers: z.array(z.object({ typeCode: z.string(), typeName: z.string(), next: z.string() })),
    registerNumber: z.string(),
  }),
  handler: (ctx) => {
    const db = ctx.core.db;
    const courtCode = readSetting(db, 'court.code') ?? '';
    const pattern = readSetting(db, 'numbering.registerPattern')!;
    const today = dateShanghai(ctx.core.clock.now());
    const year = yearOfDate(today);
    const lastSerial = (kind: 'case' | 'register', typeCode: string) =>
      db
        .select({ last: numberSequences.lastSerial })
        .from(numberSequences)
        .where(
          and(
            eq(numberSequences.kind, kind),
            eq(numberSequences.courtCode, courtCode),
            eq(numberSequences.specialCode, ''),
            eq(numberSequences.typeCode, typeCode),
            eq(numberSequences.year, year),
          ),
        )
        .get()?.last ?? 0;
    return {
      year,
      caseNumbers: CASE_TYPE_CODES.filter((t) => !t.openUntil || today <= t.openUntil).map((t) => ({
        typeCode: t.code,
        typeName: t.name,
        next: formatCaseNumber({ year, courtCode, specialCode: '', typeCode: t.code, serial: lastSerial('case', t.code) + 1 }),
      })),
      registerNumber: formatRegisterNumber(pattern, {
        year,
        court: courtCode,
        serial: lastSerial('register', registerSeriesKey(pattern)) + 1,
      }),
    };
  },
});

export const numberingOperations = [parseCaseNumberOperation, previewNumbersOperation] as const;
