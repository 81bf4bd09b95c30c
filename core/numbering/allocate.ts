import { sql } from 'drizzle-orm';
import type { Tx } from '../context';
import { ApiError } from '../api/errors';
import { yearOfDate } from '../time/clock';
import { formatCaseNumber, type CaseNumberParts } from './caseNumber';
import { isCourtCode } from './courtCode';
import { formatRegisterNumber, registerSeriesKey } from './registerNumber';
import { findTypeCode, SPECIAL_TRIAL_CODES } from './typeCodes';

/**
 * Takes the next serial of a sequence. Must run inside the transaction that creates the numbered record:
 * if that transaction rolls back, so does the serial — numbers are never skipped, never reused (docs/DOMAIN.md “案号与登记号”).
 * One UPSERT … RETURNING statement: the row lock of SQLite's single writer serialises concurrent callers.
 */
function nextSerial(
  tx: Tx,
  key: { kind: 'case' | 'register'; courtCode: string; specialCode: string; typeCode: string; year: number },
): number {
  const row = tx.get<{ last_serial: number }>(sql`
    INSERT INTO number_sequences (kind, court_code, special_code, type_code, year, last_serial)
    VALUES (${key.kind}, ${key.courtCode}, ${key.specialCode}, ${key.typeCode}, ${key.year}, 1)
    ON CONFLICT (kind, court_code, special_code, type_code, year)
    DO UPDATE SET last_serial = last_serial + 1
    RETURNING last_serial`);
  return row.last_serial;
}

export interface CaseNumberRequest {
  courtCode: string;
  specialCode?: string;
  typeCode: string;
  /** date of receipt, YYYY-MM-DD: its calendar year is the 年度 and the serial's series */
  receivedOn: string;
}

export interface AllocatedNumber {
  text: string;
  year: number;
  serial: number;
}

export function allocateCaseNumber(tx: Tx, req: CaseNumberRequest): AllocatedNumber & { parts: CaseNumberParts } {
  if (!isCourtCode(req.courtCode)) throw new ApiError('VALIDATION', `法院代字无效：${req.courtCode}`, 'courtCode');
  const type = findTypeCode(req.typeCode);
  if (!type) throw new ApiError('VALIDATION', `类型代字无效：${req.typeCode}`, 'typeCode');
  if (type.openUntil && req.receivedOn > type.openUntil) {
    throw new ApiError('VALIDATION', `自 ${type.openUntil.slice(0, 4)} 年后不再编立“${type.code}”案号（${type.name}）`, 'typeCode');
  }
  const specialCode = req.specialCode ?? '';
  if (specialCode && !SPECIAL_TRIAL_CODES.some((s) => s.code === specialCode)) {
    throw new ApiError('VALIDATION', `专门审判代字无效：${specialCode}`, 'specialCode');
  }
  const year = yearOfDate(req.receivedOn);
  const serial = nextSerial(tx, { kind: 'case', courtCode: req.courtCode, specialCode, typeCode: type.code, year });
  const parts = { year, courtCode: req.courtCode, specialCode, typeCode: type.code, serial };
  return { text: formatCaseNumber(parts), year, serial, parts };
}

/**
 * A number brought in from another system (a legacy record keeps its 案号): its series' last serial moves up to it,
 * never down, so no later allocation in that series can hand out the same number.
 */
export function advanceCaseSeries(tx: Tx, p: CaseNumberParts): void {
  tx.run(sql`
    INSERT INTO number_sequences (kind, court_code, special_code, type_code, year, last_serial)
    VALUES ('case', ${p.courtCode}, ${p.specialCode}, ${p.typeCode}, ${p.year}, ${p.serial})
    ON CONFLICT (kind, court_code, special_code, type_code, year)
    DO UPDATE SET last_serial = max(last_serial, excluded.last_serial)`);
}

export function allocateRegisterNumber(tx: Tx, req: { courtCode: string; pattern: string; receivedOn: string }): AllocatedNumber {
  const year = yearOfDate(req.receivedOn);
  const serial = nextSerial(tx, {
    kind: 'register',
    courtCode: req.courtCode,
    specialCode: '',
    typeCode: registerSeriesKey(req.pattern),
    year,
  });
  return { text: formatRegisterNumber(req.pattern, { year, court: req.courtCode, serial }), year, serial };
}
