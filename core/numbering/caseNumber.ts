import { COURT_CODE_PATTERN } from './courtCode';
import { CASE_TYPE_CODES, SPECIAL_TRIAL_CODES } from './typeCodes';

/** The parts of a 案号: （2026）浙0522民初1234号. */
export interface CaseNumberParts {
  year: number;
  courtCode: string;
  /** special-trial code, '' when none */
  specialCode: string;
  typeCode: string;
  serial: number;
}

/** Formats with full-width brackets, as printed on court documents. */
export function formatCaseNumber(p: CaseNumberParts): string {
  return `（${p.year}）${p.courtCode}${p.specialCode}${p.typeCode}${p.serial}号`;
}

// Longest type codes first, so 执保 is not read as 执 + 保, nor 民诉前调 as something shorter.
const TYPE_ALTERNATION = [...CASE_TYPE_CODES]
  .map((t) => t.code)
  .sort((a, b) => b.length - a.length)
  .join('|');
const SPECIAL_ALTERNATION = SPECIAL_TRIAL_CODES.map((s) => s.code).join('|');

const CASE_NUMBER_RE = new RegExp(
  `^[（(〔\\[]\\s*(\\d{4})\\s*[）)〕\\]]\\s*(${COURT_CODE_PATTERN})\\s*(${SPECIAL_ALTERNATION})?(${TYPE_ALTERNATION})\\s*(\\d{1,7})\\s*号?$`,
);

function toHalfWidthDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Parses a 案号 as people type it: half- or full-width brackets and digits, spaces, the final 号 optional.
 * Returns null when the text is not a case number of a known type.
 */
export function parseCaseNumber(text: string): CaseNumberParts | null {
  const m = CASE_NUMBER_RE.exec(toHalfWidthDigits(text.trim()));
  if (!m) return null;
  const serial = Number(m[5]);
  if (serial < 1) return null;
  return { year: Number(m[1]), courtCode: m[2]!, specialCode: m[3] ?? '', typeCode: m[4]!, serial };
}

/** Canonical form of a typed case number (full-width brackets), or null. */
export function normaliseCaseNumber(text: string): string | null {
  const parts = parseCaseNumber(text);
  return parts ? formatCaseNumber(parts) : null;
}
