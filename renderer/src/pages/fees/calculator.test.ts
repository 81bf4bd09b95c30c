import { describe, expect, it } from 'vitest';
import { formFieldOf, requestOf, type CalcValues } from './calculator';
import type { FeeKindInfo } from './feeLabels';

const kind = (id: string, amount: FeeKindInfo['amount'], acceptance: boolean, amountLabel: string | null = '金额'): FeeKindInfo =>
  ({ id, label: id, acceptance, amount, amountLabel }) as FeeKindInfo;
const PROPERTY = kind('property', 'required', true, '诉讼请求金额');
const PRESERVATION = kind('preservation', 'optional', false, '申请保全的财产数额');
const LABOUR = kind('labour', 'none', true, null);

const base: CalcValues = {
  kind: 'property',
  claims: [{ amount: '' }],
  procedure: 'ordinary',
  closing: 'judgment',
  counterclaim: false,
  withNonPropertyClaims: false,
};

describe('the calculator form → the quote request', () => {
  it('adds several property claims, skipping empty rows, and remembers which row each amount came from', () => {
    const r = requestOf({ ...base, claims: [{ amount: '100,000' }, { amount: '' }, { amount: '５００００.５' }] }, PROPERTY);
    expect(r.request).toEqual({ kind: 'property', amountsFen: [10_000_000, 5_000_050] });
    expect(r.claimRows).toEqual([0, 2]);
    expect(formFieldOf('amountsFen.1', r.claimRows)).toEqual(['claims', 2, 'amount']);
    expect(formFieldOf('procedure')).toEqual(['procedure']);
    expect(formFieldOf('on')).toBeNull();
  });

  it('asks for the amount a kind needs; a malformed or zero amount makes no request (the field shows why)', () => {
    expect(requestOf(base, PROPERTY)).toMatchObject({ request: null, hint: '请填写诉讼请求金额' });
    expect(requestOf({ ...base, claims: [{ amount: '15万' }] }, PROPERTY)).toMatchObject({ request: null, hint: null });
    expect(requestOf({ ...base, claims: [{ amount: '0' }] }, PROPERTY)).toMatchObject({ request: null, hint: null });
    expect(requestOf({ kind: undefined as never }, undefined)).toMatchObject({ request: null, hint: '请选择费用种类' });
  });

  it('sends procedure, closing and counterclaim only for acceptance fees, and only what differs from the default', () => {
    const simplified = requestOf(
      {
        ...base,
        claims: [{ amount: '150000' }],
        procedure: 'simplified',
        closing: 'mediation',
        counterclaim: true,
        withNonPropertyClaims: true,
      },
      PROPERTY,
    );
    expect(simplified.request).toEqual({
      kind: 'property',
      amountsFen: [15_000_000],
      procedure: 'simplified',
      closing: 'mediation',
      counterclaim: true,
      withNonPropertyClaims: true,
    });
    const preservation = requestOf(
      { ...base, kind: 'preservation', claims: [{ amount: '2000000' }, { amount: '1' }], procedure: 'simplified', counterclaim: true },
      PRESERVATION,
    );
    expect(preservation.request).toEqual({ kind: 'preservation', amountsFen: [200_000_000] });
    expect(requestOf({ ...base, kind: 'preservation' }, PRESERVATION).request).toEqual({ kind: 'preservation' });
    expect(requestOf({ ...base, kind: 'labour', claims: [{ amount: '5000' }] }, LABOUR).request).toEqual({ kind: 'labour' });
  });
});
