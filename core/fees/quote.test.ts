import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROVINCIAL, DEFAULT_ROUNDING, provincialProblems, type ProvincialAmounts } from './config';
import { quoteFee, QuoteError, type QuoteRequest, type QuoteSettings } from './quote';
import type { FeeKind } from './schedule';

const S: QuoteSettings = { provincial: DEFAULT_PROVINCIAL, rounding: DEFAULT_ROUNDING };
const ON = '2026-11-23';
const fenOf = (yuanText: string) => Math.round(Number(yuanText) * 100);
const q = (kind: FeeKind, amountYuan?: string, extra: Partial<QuoteRequest> = {}, settings = S) =>
  quoteFee({ kind, on: ON, ...(amountYuan ? { amountsFen: [fenOf(amountYuan)] } : {}), ...extra }, settings);
const fee = (...a: Parameters<typeof q>) => q(...a).feeFen / 100;

/**
 * Hand computations from the 办法, art. 13(1): every break, one yuan on each side of it, and one fen above it
 * (where the exact fee is a fraction of a fen and the single half-up rounding decides).
 */
const PROPERTY_TABLE: [string, number][] = [
  ['0.01', 50],
  ['10000', 50],
  ['10000.01', 50], // 50.00025
  ['10001', 50.03], // 50.025 → half-up
  ['99999', 2299.98], // 2,299.975
  ['100000', 2300],
  ['100001', 2300.02],
  ['150000', 3300], // 办法 art. 13(1): 50 + 90,000 × 2.5% + 50,000 × 2%
  ['199999', 4299.98],
  ['200000', 4300],
  ['200001', 4300.02], // 4,300.015
  ['499999', 8799.99], // 8,799.985
  ['500000', 8800],
  ['500001', 8800.01],
  ['999999', 13799.99],
  ['1000000', 13800],
  ['1000001', 13800.01], // 13,800.009
  ['1999999', 22799.99],
  ['2000000', 22800],
  ['2000001', 22800.01],
  ['4999999', 46799.99],
  ['5000000', 46800],
  ['5000001', 46800.01],
  ['9999999', 81799.99],
  ['10000000', 81800],
  ['10000001', 81800.01],
  ['19999999', 141799.99], // 141,799.995 → half-up
  ['20000000', 141800],
  ['20000001', 141800.01], // 141,800.005 → half-up
  ['100000000', 541800],
];

describe('property cases (办法 art. 13(1))', () => {
  it.each(PROPERTY_TABLE)('claim %s yuan → fee %s yuan', (amount, expected) => {
    expect(fee('property', amount)).toBe(expected);
  });

  it('explains each slice with its legal basis and the amount in words', () => {
    const r = q('property', '150000');
    expect(r.breakdown.map((l) => [l.label, l.yuan])).toEqual([
      ['不超过 1 万元的，每件 50 元', '50'],
      ['超过 1 万元至 10 万元的部分', '2,250'],
      ['超过 10 万元至 20 万元的部分', '1,000'],
    ]);
    expect(r.breakdown[1]!.formula).toBe('90,000.00 元 × 2.5%');
    expect(r.breakdown.every((l) => l.basis?.includes('第十三条第（一）项'))).toBe(true);
    expect(r.inWords).toBe('人民币叁仟叁佰元整');
    expect(r.notes.join()).toContain('7 日内');
  });

  it('adds several property claims together', () => {
    const r = quoteFee({ kind: 'property', amountsFen: [10_000_000, 5_000_000], on: ON }, S);
    expect(r.amountFen).toBe(15_000_000);
    expect(r.feeFen).toBe(330_000);
    expect(r.notes.join()).toContain('合并计算');
  });
});

describe('halvings (arts. 15, 16, 18): only once per case', () => {
  it.each([
    [{ procedure: 'simplified' }, 1650],
    [{ procedure: 'small-claims' }, 1650],
    [{ closing: 'mediation' }, 1650],
    [{ closing: 'withdrawal' }, 1650],
    [{ counterclaim: true }, 1650],
    [{ procedure: 'simplified', closing: 'mediation' }, 1650],
    [{ procedure: 'small-claims', closing: 'withdrawal', counterclaim: true }, 1650],
    [{ procedure: 'ordinary', closing: 'judgment' }, 3300],
  ] as [Partial<QuoteRequest>, number][])('%o on 150,000 → %s', (extra, expected) => {
    expect(fee('property', '150000', extra)).toBe(expected);
  });

  it('says which halving applied and that the others were not applied again', () => {
    const r = q('property', '150000', { procedure: 'simplified', closing: 'mediation' });
    expect(r.rules.filter((x) => x.startsWith('halved:'))).toHaveLength(1);
    expect(r.breakdown.at(-1)!.label).toContain('只能减半一次');
  });

  it('halves other acceptance fees too: a mediated labour dispute pays 5 yuan', () => {
    expect(fee('labour', undefined, { closing: 'mediation' })).toBe(5);
  });

  it('refuses halving an application fee, naming the argument', () => {
    expect(() => q('preservation', '100000', { procedure: 'simplified' })).toThrow(expect.objectContaining({ field: 'procedure' }));
    expect(() => q('enforcement', '100000', { closing: 'mediation' })).toThrow(/不适用减半/);
    expect(() => q('payment-order', '100000', { counterclaim: true })).toThrow(expect.objectContaining({ field: 'counterclaim' }));
  });

  it('refuses small claims outside money claims', () => {
    expect(() => q('divorce', undefined, { procedure: 'small-claims' })).toThrow(expect.objectContaining({ field: 'procedure' }));
  });
});

describe('other cases (art. 13(2)–(6)) with the default provincial amounts', () => {
  it.each([
    ['divorce', undefined, 50],
    ['divorce', '200000', 50],
    ['divorce', '300000', 550], // 50 + 100,000 × 0.5 %
    ['personality', undefined, 100],
    ['personality', '50000', 100],
    ['personality', '80000', 400], // 100 + 30,000 × 1 %
    ['personality', '150000', 850], // 100 + 500 + 250
    ['non-property', undefined, 50],
    ['ip', undefined, 500],
    ['ip', '150000', 3300],
    ['labour', undefined, 10],
    ['administrative', undefined, 50],
    ['administrative-special', undefined, 100],
    ['jurisdiction', undefined, 50],
  ] as [FeeKind, string | undefined, number][])('%s %s → %s', (kind, amount, expected) => {
    expect(fee(kind, amount)).toBe(expected);
  });

  it('uses the provincial amounts in force on the quote date', () => {
    const zhejiang: ProvincialAmounts = {
      effectiveFrom: '2026-01-01',
      source: '某省发改委、财政厅文件',
      amounts: { divorce: 200, personality: 300, nonProperty: 80, ip: 800, jurisdiction: 80, enforcementNoAmount: 300 },
    };
    const s = { ...S, provincial: [...DEFAULT_PROVINCIAL, zhejiang] };
    expect(quoteFee({ kind: 'divorce', on: '2025-12-31' }, s).feeFen).toBe(5_000);
    const r = quoteFee({ kind: 'divorce', on: '2026-01-01' }, s);
    expect(r.feeFen).toBe(20_000);
    expect(r.breakdown[0]!.label).toContain('某省发改委、财政厅文件');
  });

  it('refuses provincial amounts outside the statutory range, naming the item', () => {
    const bad = { ...DEFAULT_PROVINCIAL[0]!, amounts: { ...DEFAULT_PROVINCIAL[0]!.amounts, divorce: 350 } };
    expect(provincialProblems(bad)).toEqual([
      { field: 'amounts.divorce', message: expect.stringContaining('离婚案件每件应在 50 元至 300 元之间') },
    ]);
  });
});

describe('application fees (art. 14) and free cases (art. 8)', () => {
  it.each([
    ['enforcement', undefined, 50],
    ['enforcement', '10000', 50],
    ['enforcement', '500000', 7400],
    ['enforcement', '5000000', 52400],
    ['enforcement', '10000000', 77400],
    ['enforcement', '20000000', 87400],
    ['preservation', undefined, 30],
    ['preservation', '1000', 30],
    ['preservation', '100000', 1020],
    ['preservation', '500000', 3020],
    ['preservation', '896000', 5000], // exactly the cap
    ['preservation', '1000000', 5000], // 5,520 capped
    ['payment-order', '150000', 1100],
    ['payment-order', '10000', 16.67], // 50 / 3
    ['public-notice', undefined, 100],
    ['arbitration-review', undefined, 400],
    ['bankruptcy', '150000', 1650],
    ['bankruptcy', '200000000', 300000], // 520,900 capped
    ['judicial-confirmation', undefined, 0],
  ] as [FeeKind, string | undefined, number][])('%s %s → %s', (kind, amount, expected) => {
    expect(fee(kind, amount)).toBe(expected);
  });

  it('records the caps and the one-third rule', () => {
    expect(q('preservation', '1000000').rules).toContain('cap:preservation');
    expect(q('preservation', '500000').rules).not.toContain('cap:preservation');
    expect(q('bankruptcy', '200000000').rules).toContain('cap:bankruptcy');
    expect(q('payment-order', '10000').breakdown.at(-1)).toMatchObject({ step: 'rounding', yuan: '16.67' });
    expect(q('judicial-confirmation').breakdown[0]!.basis).toContain('第八条');
  });

  it('notes that enforcement fees are paid after enforcement', () => {
    expect(q('enforcement', '10000').notes.join()).toContain('执行后交纳');
  });
});

describe('amounts', () => {
  it('requires the amount where the fee is computed on it', () => {
    for (const kind of ['property', 'payment-order', 'bankruptcy'] as const) {
      expect(() => q(kind)).toThrow(expect.objectContaining({ field: 'amount' }));
    }
  });

  it('refuses zero and negative amounts', () => {
    expect(() => quoteFee({ kind: 'property', amountsFen: [0], on: ON }, S)).toThrow(QuoteError);
    expect(() => quoteFee({ kind: 'property', amountsFen: [-100], on: ON }, S)).toThrow(/大于 0/);
  });

  it('ignores a valid amount where the kind does not use one, and says so', () => {
    const r = q('labour', '50000');
    expect(r.feeFen).toBe(1_000);
    expect(r.amountFen).toBeNull();
    expect(r.notes[0]).toContain('不按金额计算');
  });
});

describe('rounding (a setting; once, at the end)', () => {
  it('rounds to yuan when the court says so', () => {
    expect(fee('payment-order', '10000', {}, { ...S, rounding: { unit: 'yuan', mode: 'half-up' } })).toBe(17);
    expect(fee('payment-order', '10000', {}, { ...S, rounding: { unit: 'yuan', mode: 'down' } })).toBe(16);
    expect(fee('payment-order', '10000', {}, { ...S, rounding: { unit: 'fen', mode: 'down' } })).toBe(16.66);
  });

  it('rounds once: halving a fee with a fraction of a fen does not round twice', () => {
    // 10,001 yuan: 50.025 exact; halved 25.0125 → 25.01 (rounding first would give 50.03 / 2 = 25.015 → 25.02)
    expect(fee('property', '10001', { procedure: 'simplified' })).toBe(25.01);
  });
});

describe('properties', () => {
  const amount = fc.integer({ min: 1, max: 5_000_000_000_00 }); // up to 50 亿元, in fen
  const amountKinds = ['property', 'enforcement', 'preservation', 'payment-order', 'bankruptcy', 'divorce', 'personality', 'ip'] as const;

  it('the fee never decreases as the amount grows', () => {
    fc.assert(
      fc.property(fc.constantFrom(...amountKinds), amount, amount, (kind, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return quoteFee({ kind, amountsFen: [lo], on: ON }, S).feeFen <= quoteFee({ kind, amountsFen: [hi], on: ON }, S).feeFen;
      }),
      { numRuns: 2000 },
    );
  });

  it('any combination of halvings halves exactly once', () => {
    const halvings = fc.record({
      procedure: fc.constantFrom('ordinary', 'simplified', 'small-claims'),
      closing: fc.constantFrom('judgment', 'mediation', 'withdrawal'),
      counterclaim: fc.boolean(),
    });
    fc.assert(
      fc.property(amount, halvings, (a, h) => {
        const full = quoteFee({ kind: 'property', amountsFen: [a], on: ON }, S);
        const r = quoteFee({ kind: 'property', amountsFen: [a], on: ON, ...h } as QuoteRequest, S);
        const halvedOnce = quoteFee({ kind: 'property', amountsFen: [a], on: ON, procedure: 'simplified' }, S);
        const any = h.procedure !== 'ordinary' || h.closing !== 'judgment' || h.counterclaim;
        return (
          r.rules.filter((x) => x.startsWith('halved:')).length === (any ? 1 : 0) &&
          r.feeFen === (any ? halvedOnce.feeFen : full.feeFen) &&
          Math.abs(halvedOnce.feeFen * 2 - full.feeFen) <= 1
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('the caps hold for every amount', () => {
    fc.assert(
      fc.property(amount, (a) => {
        return (
          quoteFee({ kind: 'preservation', amountsFen: [a], on: ON }, S).feeFen <= 500_000 &&
          quoteFee({ kind: 'bankruptcy', amountsFen: [a], on: ON }, S).feeFen <= 30_000_000
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('a payment order costs a third and a bankruptcy half of the property fee (before the cap), to the fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000_000_00 }), (a) => {
        const p = quoteFee({ kind: 'property', amountsFen: [a], on: ON }, S).feeFen;
        const po = quoteFee({ kind: 'payment-order', amountsFen: [a], on: ON }, S).feeFen;
        const b = quoteFee({ kind: 'bankruptcy', amountsFen: [a], on: ON }, S).feeFen;
        return Math.abs(po * 3 - p) <= 2 && Math.abs(b * 2 - p) <= 1;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('small claims and labour disputes (办法 arts. 13(4), 16; 民诉法 art. 165)', () => {
  it('a wage claim under small claims pays the labour fee of 10 yuan halved once: 5 yuan', () => {
    const r = q('labour', undefined, { procedure: 'small-claims' });
    expect(r.feeFen).toBe(500);
    expect(r.rules).toEqual(['halved:small-claims']);
    expect(r.breakdown.at(-1)?.basis).toBe('《诉讼费用交纳办法》第十六条');
  });
  it('halves once even when the labour case is also closed by mediation', () => {
    expect(q('labour', undefined, { procedure: 'small-claims', closing: 'mediation' }).feeFen).toBe(500);
  });
  it('non-money cases are still refused under small claims, naming the procedure', () => {
    expect(() => q('personality', undefined, { procedure: 'small-claims' })).toThrow(expect.objectContaining({ field: 'procedure' }));
  });
});

/**
 * 办法 art. 14(2): the preservation fee is charged on the amount actually preserved — 30 yuan up to 1,000;
 * 1 % of the part to 100,000; 0.5 % above; at most 5,000 — collected in advance on the amount applied for and
 * settled on the amount preserved. Hand computations:
 *   applied 1,000,000: 30 + 990 + 4,500 = 5,520 → capped 5,000
 *   preserved 300,000: 30 + 990 + 1,000 = 2,020 → refund 2,980
 *   applied 50,000: 30 + 490 = 520; preserved 80,000: 30 + 790 = 820 → collect 300
 *   applied 20,000.50: 30 + 190.005 = 220.005 → 220.01 (half-up); preserved the same → neither
 */
describe('preservation settled on the amount actually preserved (办法 art. 14(2))', () => {
  const settle = (applied: string, preserved: string) => q('preservation', applied, { preservedFen: fenOf(preserved) });
  it('refunds the difference when less was preserved than applied for', () => {
    const r = settle('1000000', '300000');
    expect(r.feeFen).toBe(202_000);
    expect(r.settlement).toEqual({
      appliedFen: 100_000_000,
      advanceFen: 500_000,
      preservedFen: 30_000_000,
      settledFen: 202_000,
      differenceFen: 298_000,
      direction: 'refund',
    });
    expect(r.notes.join('')).toContain('应退还申请人 2,980.00 元');
    expect(r.rules).toEqual(['settled:preservation']);
  });
  it('collects the difference when more was preserved (e.g. added property)', () => {
    const r = settle('50000', '80000');
    expect(r.settlement).toMatchObject({ advanceFen: 52_000, settledFen: 82_000, differenceFen: 30_000, direction: 'collect' });
    expect(r.notes.join('')).toContain('应向申请人补收 300.00 元');
  });
  it('neither refunds nor collects when the amounts agree; both figures rounded once', () => {
    expect(settle('20000.50', '20000.50').settlement).toMatchObject({
      advanceFen: 22_001,
      settledFen: 22_001,
      differenceFen: 0,
      direction: 'none',
    });
  });
  it('applies the 5,000 cap to the settled fee too', () => {
    expect(settle('3000000', '2000000').settlement).toMatchObject({ advanceFen: 500_000, settledFen: 500_000, direction: 'none' });
  });
  it('without the preserved amount, quotes the advance and says it will be settled', () => {
    const r = q('preservation', '1000000');
    expect(r.feeFen).toBe(500_000);
    expect(r.settlement).toBeUndefined();
    expect(r.notes.join('')).toContain('根据实际保全的财产数额计算');
  });
  it('refuses a preserved amount for another kind, or without the applied amount', () => {
    expect(() => q('property', '1000', { preservedFen: 100 })).toThrow(expect.objectContaining({ field: 'preserved' }));
    expect(() => q('preservation', undefined, { preservedFen: 100 })).toThrow(expect.objectContaining({ field: 'amount' }));
  });
});
