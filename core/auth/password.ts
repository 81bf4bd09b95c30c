import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt (memory-hard, in node:crypto — no native add-on to build twice).
 * The parameters are stored with each hash, so raising the cost later keeps old hashes verifiable.
 */
export interface PasswordCost {
  /** log2 of scrypt's N */
  logN: number;
  r: number;
  p: number;
}

/** ~32 MiB and ~60–100 ms per hash on our machines: costly for a guesser, invisible at a login. */
export const PRODUCTION_COST: PasswordCost = { logN: 15, r: 8, p: 1 };
/** For tests only: fast, still the same code path. */
export const TEST_COST: PasswordCost = { logN: 10, r: 8, p: 1 };

const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, cost: PasswordCost): Promise<Buffer> {
  const N = 2 ** cost.logN;
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCb(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `scrypt$15$8$1$<salt base64>$<key base64>` */
export async function hashPassword(password: string, cost: PasswordCost): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, cost);
  return ['scrypt', cost.logN, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const cost = { logN: Number(parts[1]), r: Number(parts[2]), p: Number(parts[3]) };
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  const actual = await scrypt(password, salt, cost);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * The password rule, one place for it: at least 8 characters, letters and digits both present, not the
 * user name. Returns the Chinese reason a password is refused, or null when it is acceptable.
 */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < 8) return '密码至少 8 位';
  if (password.length > 128) return '密码不能超过 128 位';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return '密码须同时包含字母和数字';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}
