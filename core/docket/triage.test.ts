import { describe, expect, it } from 'vitest';
import { triage, type TriageFlag } from './triage';

// 浙江 2024 figures are not asserted here; a round figure makes the ceilings easy to read: 100,000.00 元
const WAGE = 10_000_000;
const HALF = 5_000_000;
const DOUBLE = 20_000_000;

describe('triage: the small-claims ceilings (民诉法 art. 165)', () => {
  const rows: [string, number, boolean, 'small-claims' | 'simplified', boolean][] = [
    ['one fen', 1, false, 'small-claims', false],
    ['just below 50 %', HALF - 1, false, 'small-claims', false],
    ['exactly 50 % (以下 includes it)', HALF, false, 'small-claims', false],
    ['one fen above 50 %, no consent', HALF + 1, false, 'simplified', false],
    ['one fen above 50 %, with consent', HALF + 1, true, 'small-claims', true],
    ['exactly 200 %, with consent', DOUBLE, true, 'small-claims', true],
    ['exactly 200 %, no consent', DOUBLE, false, 'simplified', false],
    ['one fen above 200 %, with consent', DOUBLE + 1, true, 'simplified', false],
    ['far above (simplified has no ceiling)', 5_000_000_000, false, 'simplified', false],
    ['below 50 % with consent too: mandatory, not by consent', HALF, true, 'small-claims', false],
  ];
  for (const [name, amountFen, consent, procedure, byConsent] of rows) {
    it(name, () => {
      const r = triage({ amountFen, averageWageFen: WAGE, consent });
      expect(r.procedure).toBe(procedure);
      expect(r.byConsent).toBe(byConsent);
      expect(r.reasons.length).toBeGreaterThan(0);
      for (const reason of r.reasons) expect(reason.basis).toMatch(/第.+条/);
    });
  }

  it('an odd wage figure: half of 100,000.01 元 is compared exactly, not rounded up', () => {
    expect(triage({ amountFen: 5_000_000, averageWageFen: 10_000_001 }).procedure).toBe('small-claims');
    expect(triage({ amountFen: 5_000_001, averageWageFen: 10_000_001 }).procedure).toBe('simplified');
  });

  it('names the amount and the ceiling in the reason', () => {
    const r = triage({ amountFen: 3_000_000, averageWageFen: WAGE });
    expect(r.reasons[0]!.text).toContain('30,000 元');
    expect(r.reasons[0]!.text).toContain('50,000 元');
    expect(r.reasons[0]!.basis).toBe('《中华人民共和国民事诉讼法》第一百六十五条');
  });

  it('a non-money claim is never a small claim but may be simplified', () => {
    const r = triage({ amountFen: null, nonMoney: true, averageWageFen: WAGE });
    expect(r.procedure).toBe('simplified');
    expect(r.reasons.map((x) => x.text).join()).toContain('非金钱给付');
  });
});

describe('triage: exclusions', () => {
  const smallClaims: [TriageFlag, string][] = [
    ['personalStatus', '第一百六十六条第一项'],
    ['ownership', '第一百六十六条第一项'],
    ['foreign', '第一百六十六条第二项'],
    ['appraisal', '第一百六十六条第三项'],
    ['counterclaim', '第一百六十六条第五项'],
    ['unsuitable', '第一百六十六条第六项'],
  ];
  for (const [flag, article] of smallClaims) {
    it(`${flag}: a small amount goes to simplified, not small claims (民诉法 ${article})`, () => {
      const r = triage({ amountFen: 100_000, averageWageFen: WAGE, consent: true, flags: { [flag]: true } });
      expect(r.procedure).toBe('simplified');
      expect(r.byConsent).toBe(false);
      expect(r.reasons[0]!.basis).toContain(article);
      expect(r.reasons.at(-1)!.basis).toContain('第一百六十条');
    });
  }

  const simplified: [TriageFlag, string][] = [
    ['remanded', '第二项'],
    ['manyParties', '第三项'],
    ['retrial', '第四项'],
    ['publicInterest', '第五项'],
    ['thirdPartyRevocation', '第六项'],
    ['complex', '第七项'],
  ];
  for (const [flag, item] of simplified) {
    it(`${flag}: ordinary procedure whatever the amount (解释 art. 257 ${item})`, () => {
      const r = triage({ amountFen: 100_000, averageWageFen: WAGE, flags: { [flag]: true } });
      expect(r.procedure).toBe('ordinary');
      expect(r.reasons[0]!.basis).toContain(`第二百五十七条${item}`);
    });
  }

  it('whereabouts unknown at filing: neither small claims nor simplified (民诉法 art. 166(4); 解释 art. 257(1))', () => {
    const r = triage({ amountFen: 100_000, averageWageFen: WAGE, flags: { whereaboutsUnknown: true } });
    expect(r.procedure).toBe('ordinary');
    expect(r.reasons[0]!.basis).toContain('第二百五十七条第一项');
  });

  it('several exclusions: every one is listed', () => {
    const r = triage({ amountFen: 100_000, averageWageFen: WAGE, flags: { foreign: true, appraisal: true } });
    expect(r.reasons.filter((x) => x.basis.includes('第一百六十六条'))).toHaveLength(2);
  });
});
