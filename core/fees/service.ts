import { eq } from 'drizzle-orm';
import { cases } from '../../db/schema';
import { notFound } from '../api/errors';
import type { Db, Tx } from '../context';
import { readSetting } from '../settings';
import { casePayments, deferralFollowUps } from './payments';
import type { QuoteRequest, QuoteSettings } from './quote';
import { grantedRelief, listRelief } from './relief';
import type { FeeKind } from './schedule';
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
  const byType: Record<string, FeeKind | undefined> = { 民初: 'property', 民督: 'payment-order', 财保: 'preservation', 民特: 'judicial-confirmation' };
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
