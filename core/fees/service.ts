import { eq } from 'drizzle-orm';
import { cases } from '../../db/schema';
import { fieldError, notFound } from '../api/errors';
import type { CallContext, Db, Tx } from '../context';
import { readSetting } from '../settings';
import { dateShanghai } from '../time/clock';
import { EVIDENCE_KINDS, RELIEF_GROUNDS, RELIEF_KIND_IDS, RELIEF_KINDS } from './grounds';
import { casePayments, deferralFollowUps } from './payments';
import { QuoteError, quoteFee, SMALL_CLAIMS_KINDS, type Quote, type QuoteRequest, type QuoteSettings } from './quote';
import { applyForRelief, countAwaiting, grantedRelief, listRelief, reliefChain, type ApplyInput } from './relief';
import {
  AMOUNT_LABELS,
  PRESERVED_AMOUNT_LABEL,
  CLOSINGS,
  FEE_KIND_IDS,
  FEE_KINDS,
  PROCEDURES,
  PROVINCIAL_RANGES,
  type FeeKind,
} from './schedule';
import { reliefTotals } from './totals';
import { FEE_SETTING_DEFAULTS } from './settings';

/** The court's quote settings: provincial amounts in force by date, and the rounding rule. */
export function readFeeQuoteSettings(db: Db | Tx): QuoteSettings {
  return {
    provincial: readSetting(db, 'fees.provincial') ?? FEE_SETTING_DEFAULTS['fees.provincial'],
    rounding: readSetting(db, 'fees.rounding') ?? FEE_SETTING_DEFAULTS['fees.rounding'],
  };
}

/**
 * The fee a case's register suggests: 民初 with an amount → property; 民督 → payment order; 财保 → preservation;
 * 民特 → free (special procedure). Without an amount a 民初 case could be divorce, labour, …: the clerk chooses.
 */
export function suggestedFeeRequest(c: { caseType: string; amountFen: number | null }): Omit<QuoteRequest, 'on'> | null {
  const byType: Record<string, FeeKind | undefined> = {
    民初: 'property',
    民督: 'payment-order',
    财保: 'preservation',
    民特: 'judicial-confirmation',
  };
  const kind = byType[c.caseType];
  if (!kind) return null;
  if (kind === 'judicial-confirmation') return { kind };
  if (c.amountFen === null || c.amountFen <= 0) return kind === 'preservation' ? { kind } : null;
  return { kind, amountsFen: [c.amountFen] };
}

/** A case's fees at a glance: relief applications, payments, and deferrals to follow up. */
export function caseFees(db: Db | Tx, caseId: number, today: string) {
  const c = db.select({ caseType: cases.caseType, amountFen: cases.amountFen }).from(cases).where(eq(cases.id, caseId)).get();
  if (!c) throw notFound('案件');
  return {
    suggested: suggestedFeeRequest(c),
    relief: listRelief(db, { caseId, page: 1, pageSize: 100 }).rows,
    granted: grantedRelief(db, caseId),
    payments: casePayments(db, caseId),
    deferrals: deferralFollowUps(db, today, { caseId }),
  };
}

/** A quote for a request, with QuoteError turned into the field error of the request field. */
export function quoteOrFieldError(request: QuoteRequest, settings: QuoteSettings): Quote {
  try {
    return quoteFee(request, settings);
  } catch (err) {
    if (err instanceof QuoteError)
      throw fieldError(err.field === 'amount' ? 'amountsFen' : err.field === 'preserved' ? 'preservedFen' : err.field, err.message);
    throw err;
  }
}

/** fees.schedule: the kinds, procedures and closings, and the court's provincial amounts and rounding (the calculator). */
export function feeSchedule(db: Db | Tx, on: string) {
  const s = readFeeQuoteSettings(db);
  return {
    kinds: FEE_KIND_IDS.map((id) => ({
      id,
      label: FEE_KINDS[id].label,
      acceptance: FEE_KINDS[id].acceptance,
      amount: FEE_KINDS[id].amount,
      amountLabel: AMOUNT_LABELS[id] ?? null,
      smallClaims: SMALL_CLAIMS_KINDS.includes(id),
    })),
    preservedLabel: PRESERVED_AMOUNT_LABEL,
    procedures: Object.entries(PROCEDURES).map(([id, label]) => ({ id, label })),
    closings: Object.entries(CLOSINGS).map(([id, label]) => ({ id, label })),
    provincial: [...s.provincial],
    provincialRanges: PROVINCIAL_RANGES,
    rounding: s.rounding,
    paymentAccount: readSetting(db, 'fees.paymentAccount')!,
    on,
  };
}

/** relief.grounds: the kinds of relief with their statutory grounds, the kinds of evidence and the approval chain. */
export function reliefGroundsView(db: Db | Tx) {
  return {
    kinds: RELIEF_KIND_IDS.map((id) => ({ id, ...RELIEF_KINDS[id], grounds: [...RELIEF_GROUNDS[id]] })),
    evidenceKinds: [...EVIDENCE_KINDS],
    chain: reliefChain(db),
  };
}

/**
 * relief.apply: the fee the relief is asked against is given, or quoted from a request (then both must agree),
 * and the quote is kept with the application.
 */
export function applyForReliefWithQuote(
  ctx: CallContext,
  i: Omit<ApplyInput, 'feeFen' | 'feeQuote'> & { feeFen?: number | undefined; quote?: Omit<QuoteRequest, 'on'> | undefined },
) {
  const { quote: request, feeFen, ...rest } = i;
  let fee = feeFen;
  let feeQuote: unknown;
  if (request) {
    const q = quoteOrFieldError({ ...request, on: i.appliedOn ?? dateShanghai(ctx.core.clock.now()) }, readFeeQuoteSettings(ctx.core.db));
    if (fee !== undefined && fee !== q.feeFen) throw fieldError('feeFen', `应交诉讼费用与计算结果（${q.feeText}）不一致`);
    fee = q.feeFen;
    feeQuote = { request, feeFen: q.feeFen, breakdown: q.breakdown };
  }
  if (fee === undefined) throw fieldError('feeFen', '请填写应交诉讼费用，或给出计费方式');
  return applyForRelief(ctx, { ...rest, feeFen: fee, ...(feeQuote ? { feeQuote } : {}) });
}

/** relief.reminders: the dashboard's counts for the user — applications awaiting them, deferrals due soon and overdue. */
export function reliefReminders(ctx: CallContext) {
  const db = ctx.core.db;
  const today = dateShanghai(ctx.core.clock.now());
  const dueSoon = deferralFollowUps(db, today, { state: 'due-soon' }).length;
  const overdue = deferralFollowUps(db, today, { state: 'overdue' });
  return {
    awaitingMe: countAwaiting(db, ctx.actor!),
    dueSoon,
    overdue: overdue.length,
    overdueUnflagged: overdue.filter((f) => !f.flagged).length,
  };
}

/** relief.totals: the monthly figures between two months (inclusive). */
export function reliefTotalsBetween(db: Db | Tx, fromMonth: string, toMonth: string) {
  if (fromMonth > toMonth) throw fieldError('toMonth', '截止月份不能早于起始月份');
  return reliefTotals(db, fromMonth, toMonth);
}
