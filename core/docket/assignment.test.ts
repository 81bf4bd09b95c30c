import { describe, expect, it } from 'vitest';
import { Rng } from '../seed/random';
import { chooseByLoad, type JudgeLoad } from './assignment';

describe('assignment by load', () => {
  it('over 10,000 cases with random closings six judges keep close open loads and receive the same number of cases', () => {
    const judges: JudgeLoad[] = Array.from({ length: 6 }, (_, i) => ({ id: i + 1, name: `法官${i + 1}`, open: 0 }));
    const received = new Map<number, number>();
    const open: { caseId: number; judge: JudgeLoad }[] = [];
    const closing = new Rng(7);
    let spread = 0;
    for (let caseId = 1; caseId <= 10_000; caseId++) {
      const j = chooseByLoad(judges, 20260101, caseId)!;
      j.open++;
      received.set(j.id, (received.get(j.id) ?? 0) + 1);
      open.push({ caseId, judge: j });
      // cases close at random: about as many close as arrive once the docket is full
      while (open.length > 300 || (open.length > 0 && closing.chance(0.3))) {
        const k = closing.int(0, open.length - 1);
        open[k]!.judge.open--;
        open.splice(k, 1);
      }
      const loads = judges.map((x) => x.open);
      spread = Math.max(spread, Math.max(...loads) - Math.min(...loads));
    }
    // closings are random, so open loads drift apart; new cases always go to the least loaded and pull them back
    expect(spread).toBeLessThanOrEqual(12);
    const counts = [...received.values()];
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10_000);
    // each judge receives 10,000 / 6 ≈ 1,667 cases, within 5 %
    for (const n of counts) expect(Math.abs(n - 10_000 / 6)).toBeLessThan((10_000 / 6) * 0.05);
  });

  it('when all are equally loaded every judge is drawn (the draw is random, not the first in the list)', () => {
    const judges: JudgeLoad[] = Array.from({ length: 6 }, (_, i) => ({ id: i + 1, name: `法官${i + 1}`, open: 0 }));
    const first = new Map<number, number>();
    for (let caseId = 1; caseId <= 6_000; caseId++) {
      const id = chooseByLoad(judges, 99, caseId)!.id;
      first.set(id, (first.get(id) ?? 0) + 1);
    }
    expect(first.size).toBe(6);
    for (const n of first.values()) expect(n).toBeGreaterThan(800);
  });

  it('is reproducible: the same seed and case give the same judge; another seed may differ', () => {
    const judges: JudgeLoad[] = [1, 2, 3, 4].map((id) => ({ id, name: `法官${id}`, open: 1 }));
    const a = Array.from({ length: 50 }, (_, i) => chooseByLoad(judges, 5, i + 1)!.id);
    const b = Array.from({ length: 50 }, (_, i) => chooseByLoad(judges, 5, i + 1)!.id);
    const c = Array.from({ length: 50 }, (_, i) => chooseByLoad(judges, 6, i + 1)!.id);
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it('only the least loaded are drawn; no judge, no assignment', () => {
    const judges: JudgeLoad[] = [
      { id: 1, name: '甲', open: 3 },
      { id: 2, name: '乙', open: 1 },
      { id: 3, name: '丙', open: 2 },
    ];
    for (let caseId = 1; caseId < 100; caseId++) expect(chooseByLoad(judges, 1, caseId)!.id).toBe(2);
    expect(chooseByLoad([], 1, 1)).toBeNull();
  });
});
