import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dispatch } from './dispatcher';
import { operations } from './operations';
import { inputSchemaOf, type AnyOp } from './contract';
import { createHarness, setUpCourt, userToken } from '../../test/harness';
import { ROLE_KEYS } from '../auth/roles';

/**
 * Hostile inputs over every mutating operation (issue 11 items 7 and 10): each generated input holds at least
 * one value no field may take (a control character, a bidi override, a lone surrogate, an invisible-only
 * value, or the wrong type). Every one must be refused with a Chinese message naming a field, must never echo
 * more than 50 characters of what was sent, must not be a server error, and must write nothing.
 */
const MUTATING =
  /\.(update|create|set|reset|file|link|correct|record|apply|act$|withdraw|flag|save|revert|generate|reprint|batchStart|mark|change)/;
const mutating = (Object.values(operations) as AnyOp[]).filter((op) => MUTATING.test(op.name));

const hostileString = fc.oneof(
  fc.constantFrom('\u0000', '\u202E', '\u2066', '\u200B\u200B', '\uFEFF', '\uD800', '\uDC00x', '\u0007', '\u001B[31m'),
  fc
    .tuple(fc.string({ maxLength: 20 }), fc.constantFrom('\u0000', '\u202E', '\uD83D', '\u0085', '\u2069'), fc.string({ maxLength: 20 }))
    .map(([a, b, c]) => a + b + c),
  fc.integer({ min: 60, max: 3000 }).map((n) => `${'长'.repeat(n)}\u202E`),
  fc.constantFrom('\u200B', '\u200C\u200D', '\u2060'),
);
const wrongType = fc.oneof(
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
  fc.double(),
  fc.boolean(),
);
const hostileValue = fc.oneof({ weight: 3, arbitrary: hostileString }, { weight: 1, arbitrary: wrongType });

function keysOf(op: AnyOp, core: Parameters<typeof inputSchemaOf>[1]): string[] {
  const schema = inputSchemaOf(op, core) as unknown as {
    shape?: Record<string, unknown>;
    def?: { innerType?: { shape?: Record<string, unknown> } };
  };
  const shape = schema.shape ?? schema.def?.innerType?.shape;
  const keys = shape ? Object.keys(shape) : [];
  return keys.length > 0 ? keys : ['value'];
}

function stringsIn(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => stringsIn(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => stringsIn(x, out));
  return out;
}

describe('fuzz: hostile inputs to every mutating operation are refused and write nothing', () => {
  it('refuses ≥ 1,000 generated inputs with a Chinese message naming the field', { timeout: 60_000 }, async () => {
    const h = createHarness();
    const admin = await setUpCourt(h);
    const token = await userToken(h, admin, 'fuzz', '模糊测试', [...ROLE_KEYS]);
    expect(mutating.length).toBeGreaterThan(15);
    const changes = () => (h.core.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    let tried = 0;
    const byOp = new Map<string, number>();

    const inputFor = (op: AnyOp) => {
      const keys = keysOf(op, h.core);
      const nested = (v: unknown) => fc.constantFrom<unknown>(v, [v]);
      return fc
        .record({
          hostileKey: fc.constantFrom(...keys),
          hostile: hostileValue.chain(nested),
          others: fc.dictionary(fc.constantFrom(...keys), fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), hostileValue), {
            maxKeys: 3,
          }),
        })
        .map(({ hostileKey, hostile, others }) => ({ ...others, [hostileKey]: hostile }));
    };

    for (const op of mutating) {
      await fc.assert(
        fc.asyncProperty(inputFor(op), async (input) => {
          tried += 1;
          byOp.set(op.name, (byOp.get(op.name) ?? 0) + 1);
          const before = changes();
          const r = await dispatch(h.core, op.name, input, { token, client: { transport: 'test' } });
          expect(r.ok, `${op.name} accepted ${JSON.stringify(input).slice(0, 200)}`).toBe(false);
          if (r.ok) return;
          expect(r.status, `${op.name}: ${r.error.message}`).toBeLessThan(500);
          expect(r.error.message).toMatch(/[\u4e00-\u9fff]/);
          if (r.error.code === 'VALIDATION')
            expect(r.error.field ?? (r.error.message.includes('请求内容') ? '请求内容' : undefined), r.error.message).toBeTruthy();
          for (const s of stringsIn(input)) if (s.length > 50) expect(r.error.message).not.toContain(s.slice(0, 51));
          expect(changes(), `${op.name} wrote after refusing`).toBe(before);
        }),
        { numRuns: Math.ceil(1100 / mutating.length), seed: 20261202 },
      );
    }
    h.close();
    expect(tried).toBeGreaterThanOrEqual(1000);
    console.info(`fuzz: ${tried} hostile inputs over ${byOp.size} mutating operations, 0 accepted, 0 rows written`);
  });

  it('zod defaults speak Chinese and name the field', async () => {
    const h = createHarness();
    const admin = await setUpCourt(h);
    const r = await dispatch(
      h.core,
      'users.create',
      { username: 'zhang', displayName: '李', password: 'Clerk2026ok', roles: null },
      { token: admin, client: { transport: 'test' } },
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe('roles');
      expect(r.error.message).not.toMatch(/Invalid|expected/);
    }
    h.close();
    expect(z).toBeDefined();
  });
});
