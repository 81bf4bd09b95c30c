import { parseYuan } from '../../cases/money';
import type { QuoteRequest } from './FeeNoticeModal';
import type { FeeKindInfo } from './feeLabels';

/** The calculator's form and the quote request it describes (pure: unit-tested). */

export type Procedure = NonNullable<QuoteRequest['procedure']>;
export type Closing = NonNullable<QuoteRequest['closing']>;

export interface CalcValues {
  kind: QuoteRequest['kind'];
  claims: { amount?: string }[];
  procedure: Procedure;
  closing: Closing;
  counterclaim: boolean;
  withNonPropertyClaims: boolean;
  /** preservation: the amount actually preserved (元), when the fee is settled */
  preserved?: string;
}

export const MAX_CLAIMS = 50;

/** The request the form describes, or why there is none yet (a field not parsed, an amount still to type). */
export interface CalcRequest {
  request: QuoteRequest | null;
  /** why there is no request yet, for the result area (null: a field shows its own error) */
  hint: string | null;
  /** the claim row of each amount in the request (empty rows are left out) */
  claimRows: number[];
}

export function requestOf(v: Partial<CalcValues>, kind: FeeKindInfo | undefined): CalcRequest {
  if (!kind || !v.kind) return { request: null, hint: '请选择费用种类', claimRows: [] };
  const amounts: number[] = [];
  const claimRows: number[] = [];
  if (kind.amount !== 'none') {
    const claims = kind.id === 'property' ? (v.claims ?? []) : (v.claims ?? []).slice(0, 1);
    for (const [row, c] of claims.entries()) {
      const r = parseYuan(c?.amount, kind.amountLabel ?? '金额');
      if (!r.ok || r.fen === 0) return { request: null, hint: null, claimRows: [] };
      if (r.fen !== undefined) {
        amounts.push(r.fen);
        claimRows.push(row);
      }
    }
    if (kind.amount === 'required' && amounts.length === 0)
      return { request: null, hint: `请填写${kind.amountLabel ?? '金额'}`, claimRows: [] };
  }
  const request: QuoteRequest = { kind: v.kind };
  if (amounts.length) request.amountsFen = amounts;
  if (kind.id === 'preservation' && v.preserved?.trim()) {
    const p = parseYuan(v.preserved, '实际保全的财产数额');
    if (!p.ok || !p.fen) return { request: null, hint: null, claimRows: [] };
    request.preservedFen = p.fen;
  }
  if (kind.acceptance) {
    if (v.procedure && v.procedure !== 'ordinary') request.procedure = v.procedure;
    if (v.closing && v.closing !== 'judgment') request.closing = v.closing;
    if (v.counterclaim) request.counterclaim = true;
  }
  if (kind.id === 'property' && v.withNonPropertyClaims) request.withNonPropertyClaims = true;
  return { request, hint: null, claimRows };
}

/** A request field named by the host → the form's field (amountsFen.1 → the row of the second amount). */
export function formFieldOf(
  field: string,
  claimRows: readonly number[] = [],
): ['claims', number, 'amount'] | ['kind' | 'procedure' | 'closing' | 'counterclaim' | 'withNonPropertyClaims' | 'preserved'] | null {
  const m = /^amountsFen(?:\.(\d+))?$/.exec(field);
  if (m) return ['claims', claimRows[Number(m[1] ?? 0)] ?? 0, 'amount'];
  if (field === 'preservedFen') return ['preserved'];
  const top = ['kind', 'procedure', 'closing', 'counterclaim', 'withNonPropertyClaims'] as const;
  return (top as readonly string[]).includes(field) ? [field as (typeof top)[number]] : null;
}
