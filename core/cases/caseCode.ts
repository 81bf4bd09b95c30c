/**
 * One case, one code (一案一码): a short code printed as a QR on the receipt; a USB scanner types it followed
 * by Enter. Crockford's base-32 alphabet (no I, L, O, U — nothing to confuse with 1 or 0), 8 characters
 * that encode the case id through a fixed bijection (so codes are unique without a retry loop and do not
 * reveal how many cases the centre has), plus one Luhn mod-32 check character that catches every single
 * mistyped character and every swap of two neighbours.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = 32n;
const SPACE = BASE ** 8n; // 2^40
// An odd multiplier is invertible modulo 2^40: x → (x·A + B) mod 2^40 is a bijection.
const A = 0x9e3779b97n | 1n;
const B = 0x5bd1e9955n;

export const CASE_CODE_LENGTH = 9;
export const CASE_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{9}$/;

function luhnCheckChar(payload: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = payload.length - 1; i >= 0; i--) {
    let addend = factor * ALPHABET.indexOf(payload[i]!);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 32) + (addend % 32);
    sum += addend;
  }
  return ALPHABET[(32 - (sum % 32)) % 32]!;
}

export function caseCodeForId(id: number): string {
  let x = (BigInt(id) * A + B) % SPACE;
  let payload = '';
  for (let i = 0; i < 8; i++) {
    payload = ALPHABET[Number(x % BASE)] + payload;
    x /= BASE;
  }
  return payload + luhnCheckChar(payload);
}

/** Upper-cases and maps the look-alikes people and scanners produce (o→0, i/l→1), then checks. */
export function normaliseCaseCode(raw: string): string | null {
  const code = raw.trim().toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!CASE_CODE_PATTERN.test(code)) return null;
  return luhnCheckChar(code.slice(0, 8)) === code[8] ? code : null;
}

/** 9 characters shown in groups for reading aloud: K7Q2-M9XD-4 */
export function formatCaseCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}
