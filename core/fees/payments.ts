import { asc, eq, sql } from 'drizzle-orm';
import { caseEvents, caseParties, cases, feePayments, parties, reliefApplications } from '../../db/schema';
import { fieldError, notFound } from '../api/errors';
import { audit, writeTransaction } from '../audit';
import { addCaseEvent } from '../cases';
import type { CallContext, Db, Tx } from '../context';
import { readSetting } from '../settings';
import { addCalendarDays } from '../calendar';
import { yuan } from '../documents';
import { dateShanghai, isoShanghai } from '../time/clock';

/**
 * Payments and refunds on a case, and the follow-up of deferrals (办法 art. 47, docs/DOMAIN.md “诉讼费用与司法救助”): a granted 缓交
 * falls due on its date; payments recorded against it settle it; past the date and unpaid it is overdue and the
 * case is flagged: the court may rule the suit treated as withdrawn (按撤诉处理).
 */

export interface PaymentInput {
  caseId: number;
  applicationId?: number;
  kind: 'payment' | 'refund';
  amountFen: number;
  paidOn: string;
  reference?: string;
  note?: string;
}

function paymentTotals(db: Db | Tx, where: ReturnType<typeof eq>) {
  const r = db
    .select({
      paid: sql<number>`coalesce(sum(case when ${feePayments.kind} = 'payment' then ${feePayments.amountFen} end), 0)`,
      refunded: sql<number>`coalesce(sum(case when ${feePayments.kind} = 'refund' then ${feePayments.amountFen} end), 0)`,
    })
    .from(feePayments)
    .where(where)
    .get()!;
  return { paidFen: r.paid, refundedFen: r.refunded };
}

export function recordPayment(ctx: CallContext, i: PaymentInput) {
  const today = dateShanghai(ctx.core.clock.now());
  if (i.paidOn > today) throw fieldError('paidOn', `${i.kind === 'refund' ? '退费' : '交费'}日期不能晚于今天`);
  if (!Number.isSafeInteger(i.amountFen) || i.amountFen <= 0) throw fieldError('amountFen', '金额须大于 0 元');
  return writeTransaction(ctx.core, (tx) => {
    const c = tx.select({ id: cases.id }).from(cases).where(eq(cases.id, i.caseId)).get();
    if (!c) throw notFound('案件');
    if (i.applicationId !== undefined) {
      const app = tx.select().from(reliefApplications).where(eq(reliefApplications.id, i.applicationId)).get();
      if (!app || app.caseId !== i.caseId) throw fieldError('applicationId', '缓交申请不属于本案');
      if (app.kind !== 'defer' || !['granted', 'partly_granted'].includes(app.status))
        throw fieldError('applicationId', '只能对已准予的缓交登记补交');
    }
    if (i.kind === 'refund') {
      const t = paymentTotals(tx, eq(feePayments.caseId, i.caseId));
      if (i.amountFen > t.paidFen - t.refundedFen)
        throw fieldError('amountFen', `退费金额不能超过本案已交未退的金额 ${yuan(t.paidFen - t.refundedFen)}`);
    }
    const row = tx
      .insert(feePayments)
      .values({
        caseId: i.caseId,
        applicationId: i.applicationId ?? null,
        kind: i.kind,
        amountFen: i.amountFen,
        paidOn: i.paidOn,
        reference: i.reference ?? null,
        note: i.note ?? null,
        recordedBy: ctx.actor!.userId,
        recordedAt: isoShanghai(ctx.core.clock.now()),
      })
      .returning()
      .get();
    addCaseEvent(
      tx,
      ctx,
      i.caseId,
      i.kind === 'refund' ? 'fee-refund' : 'fee-payment',
      `${i.kind === 'refund' ? '退还' : '交纳'}诉讼费用 ${yuan(i.amountFen)}（${i.paidOn}${i.reference ? `，票据号 ${i.reference}` : ''}）`,
      { paymentId: row.id },
    );
    audit(tx, ctx, { operation: 'fees.recordPayment', entityType: 'fee_payment', entityId: row.id, after: row });
    return row;
  });
}

export function casePayments(db: Db | Tx, caseId: number) {
  const rows = db.select().from(feePayments).where(eq(feePayments.caseId, caseId)).orderBy(asc(feePayments.id)).all();
  return { rows, ...paymentTotals(db, eq(feePayments.caseId, caseId)) };
}

export type FollowUpState = 'open' | 'due-soon' | 'overdue' | 'paid';
export const FOLLOW_UP_LABELS: Record<FollowUpState, string> = {
  open: '未到期',
  'due-soon': '即将到期',
  overdue: '逾期未交',
  paid: '已交清',
};

/** What was paid against a deferral (correlated; fee_payments_app_idx). */
const PAID = sql`(SELECT coalesce(sum(fp.amount_fen), 0) FROM fee_payments fp WHERE fp.application_id = ra.id AND fp.kind = 'payment')`;

/** A state as conditions on the due date (relief_deferred_idx) and the payments, so a state reads few rows. */
function stateCondition(state: FollowUpState | undefined, today: string, soon: string) {
  switch (state) {
    case 'paid':
      return sql`AND ${PAID} >= ra.relief_fen`;
    case 'overdue':
      return sql`AND ra.deferred_until < ${today} AND ${PAID} < ra.relief_fen`;
    case 'due-soon':
      return sql`AND ra.deferred_until >= ${today} AND ra.deferred_until <= ${soon} AND ${PAID} < ra.relief_fen`;
    case 'open':
      return sql`AND ra.deferred_until > ${soon} AND ${PAID} < ra.relief_fen`;
    default:
      return sql``;
  }
}

/**
 * The follow-up of granted deferrals, computed for `today` in one query (a court accumulates thousands of them
 * over the years): what is due, what was paid against it, the state, and whether the case was flagged.
 * Newest due dates last; at most `limit` rows.
 */
export function deferralFollowUps(db: Db | Tx, today: string, filter: { state?: FollowUpState; caseId?: number; limit?: number } = {}) {
  const reminderDays = readSetting(db, 'relief.reminderDays') ?? 7;
  const soon = addCalendarDays(today, reminderDays);
  const rows = db.all<{
    applicationId: number;
    caseId: number;
    caseNumber: string;
    applicantName: string;
    deferredUntil: string;
    dueFen: number;
    paidFen: number;
    state: FollowUpState;
    flagged: number;
  }>(sql`
    SELECT ra.id AS applicationId, ra.case_id AS caseId, c.number AS caseNumber, p.name AS applicantName,
           ra.deferred_until AS deferredUntil, ra.relief_fen AS dueFen, ${PAID} AS paidFen,
           CASE WHEN ${PAID} >= ra.relief_fen THEN 'paid'
                WHEN ra.deferred_until < ${today} THEN 'overdue'
                WHEN ra.deferred_until <= ${soon} THEN 'due-soon'
                ELSE 'open' END AS state,
           EXISTS (SELECT 1 FROM ${caseEvents} e WHERE e.case_id = ra.case_id AND e.kind = 'fee-overdue'
                   AND json_extract(e.data, '$.applicationId') = ra.id) AS flagged
    FROM ${reliefApplications} ra
    JOIN ${cases} c ON c.id = ra.case_id
    JOIN ${caseParties} cp ON cp.id = ra.case_party_id
    JOIN ${parties} p ON p.id = cp.party_id
    WHERE ra.kind = 'defer' AND ra.status IN ('granted', 'partly_granted')
      ${filter.caseId !== undefined ? sql`AND ra.case_id = ${filter.caseId}` : sql``}
      ${stateCondition(filter.state, today, soon)}
    ORDER BY ra.deferred_until, ra.id
    LIMIT ${filter.limit ?? 1000}`);
  return rows.map((r) => ({
    ...r,
    outstandingFen: Math.max(0, r.dueFen - r.paidFen),
    stateLabel: FOLLOW_UP_LABELS[r.state],
    partlyPaid: r.paidFen > 0 && r.paidFen < r.dueFen,
    /** overdue and recorded on the case's timeline: the judge may rule it treated as withdrawn */
    flagged: Boolean(r.flagged),
  }));
}

/**
 * Writes the overdue flag on each case whose deferral has fallen due unpaid (once per deferral): the case
 * timeline then says so, and the follow-up list shows it as flagged.
 */
export function flagOverdueDeferrals(ctx: CallContext) {
  const today = dateShanghai(ctx.core.clock.now());
  return writeTransaction(ctx.core, (tx) => {
    const overdue = deferralFollowUps(tx, today, { state: 'overdue' }).filter((f) => !f.flagged);
    for (const f of overdue) {
      addCaseEvent(
        tx,
        ctx,
        f.caseId,
        'fee-overdue',
        `${f.applicantName}缓交的诉讼费用 ${yuan(f.outstandingFen)} 已于 ${f.deferredUntil} 到期未交纳，可依法按撤诉处理`,
        { applicationId: f.applicationId },
      );
      audit(tx, ctx, {
        operation: 'relief.flagOverdue',
        entityType: 'relief_application',
        entityId: f.applicationId,
        after: { overdue: true, outstandingFen: f.outstandingFen },
      });
    }
    return { flagged: overdue.length, caseNumbers: overdue.map((f) => f.caseNumber) };
  });
}
