import { describe, expect, it } from 'vitest';
import { court } from '../test/cli';

const fee = (...args: string[]) => court('fee', 'quote', ...args);

describe('court fee quote', { timeout: 120_000 }, () => {
  it('prints the fee in fen with its breakdown as JSON', async () => {
    const r = await fee('--kind', 'property', '--amount', '150000', '--json');
    expect(r.code).toBe(0);
    const q = JSON.parse(r.stdout);
    expect(q.feeFen).toBe(330_000);
    expect(q.breakdown.map((l: { yuan: string }) => l.yuan)).toEqual(['50', '2,250', '1,000']);
  });

  it('halves once for simplified procedure closed by mediation, and adds several claims', async () => {
    const r = await fee(
      '--kind',
      'property',
      '--amount',
      '100000',
      '--amount',
      '50,000',
      '--procedure',
      'simplified',
      '--closing',
      'mediation',
      '--json',
    );
    expect(JSON.parse(r.stdout)).toMatchObject({ feeFen: 165_000, rules: ['halved:mediation'] });
  });

  it('charges a wage claim under small claims the labour fee halved once, and settles preservation on the amount preserved', async () => {
    expect(JSON.parse((await fee('--kind', 'labour', '--procedure', 'small-claims', '--json')).stdout)).toMatchObject({ feeFen: 500 });
    const r = JSON.parse((await fee('--kind', 'preservation', '--amount', '1000000', '--preserved', '300000', '--json')).stdout);
    expect(r.settlement).toMatchObject({ advanceFen: 500_000, settledFen: 202_000, differenceFen: 298_000, direction: 'refund' });
  });

  it('refuses bad arguments with a Chinese message naming the argument', async () => {
    const bad: [string[], string][] = [
      [['--kind', 'property', '--amount', 'abc'], '--amount'],
      [['--kind', 'property'], '--amount'],
      [['--kind', 'labour', '--amount', '1x'], '--amount'],
      [['--kind', 'preservation', '--amount', '1000', '--procedure', 'simplified'], '--procedure'],
      [['--kind', 'property', '--amount', '1000', '--closing', 'settled'], '--closing'],
      [['--kind', 'tax', '--amount', '1000'], '--kind'],
    ];
    for (const [args, option] of bad) {
      const r = await fee(...args);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr).toContain(`错误：${option}`);
      expect(r.stdout).toBe('');
    }
  });
});
