import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { caseEvents, cases, feePayments, reliefApplications } from '../../db/schema';
import { fieldError, notFound } from '../api/errors';
import { audit, writeTransaction } from '../audit/transaction';
import { addCaseEvent } from '../cases/timeline';
import type { CallContext, Db, Tx } from '../context';
import { readSetting } from '../court/settings';
import { addCalendarDays } from '../calendar/calendar';
import { yuan } from '../documents/chinese';
import { dateShanghai, isoShanghai } from '../time/clock';
import { reliefView } from './relief';

/**
 * Payments and refunds on a case, and the follow-up of deferrals (办法 art. 47, DOMAIN.md §4): a granted 缓交
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
      if (app.kind !== 'defer' || !['granted', 'partly_granted'].includes(app.status)) throw fieldError('applicationId', '只能对已准予的缓交登记补交');
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
    addCaseEvent(tx, ctx, i.caseId, i.kind === 'refund' ? 'fee-refund' : 'fee-payment', `${i.kind === 'refund' ? '退还' : '交纳'}诉讼费用 ${yuan(i.amountFen)}（${i.paidOn}${i.reference ? `，票据号 ${i.reference}` : ''}）`, { paymentId: row.id });
    audit(tx, ctx, { operation: 'fees.recordPayment', entityType: 'fee_payment', entityId: row.id, after: row });
    return row;
  });
}

export function casePayments(db: Db | Tx, caseId: number) {
  const rows = db.select().from(feePayments).where(eq(feePayments.caseId, caseId)).orderBy(asc(feePayments.id)).all();
  return { rows, ...paymentTotals(db, eq(feePayments.caseId, caseId)) };
}

export type FollowUpState = 'open' | 'due-soon' | 'overdue' | 'paid';
export const FOLLOW_UP_LABELS: Record<FollowUpState, string> = { open: '未到期', 'due-soon': '即将到期', overdue: '逾期未交', paid: '已交清' };

/** The follow-up of every granted deferral, computed for `today`. */
export function deferralFollowUps(db: Db | Tx, today: string, filter: { state?: FollowUpState; caseId?: number } = {}) {
  const reminderDays = readSetting(db, 'relief.reminderDays') ?? 7;
  const soon = addCalendarDays(today, reminderDays);
  const apps = db
    .select({ id: reliefApplications.id })
    .from(reliefApplications)
    .where(
      and(
        eq(reliefApplications.kind, 'defer'),
        inArray(reliefApplications.status, ['granted', 'partly_granted']),
        filter.caseId !== undefined ? eq(reliefApplications.caseId, filter.caseId) : undefined,
      ),
    )
    .orderBy(asc(reliefApplications.deferredUntil))
    .all();
  const flagged = new Set(
    db
      .select({ data: caseEvents.data })
      .from(caseEvents)
      .where(eq(caseEvents.kind, 'fee-overdue'))
      .all()
      .map((e) => (JSON.parse(e.data ?? '{}') as { applicationId?: number }).applicationId),
  );
  const out = apps.map(({ id }) => {
    const v = reliefView(db, id);
    const dueFen = v.decision!.reliefFen;
    const { paidFen } = paymentTotals(db, eq(feePayments.applicationId, id));
    const due = v.decision!.deferredUntil!;
    const state: FollowUpState = paidFen >= dueFen ? 'paid' : today > due ? 'overdue' : due <= soon ? 'due-soon' : 'open';
    return {
      applicationId: id,
      caseId: v.caseId,
      caseNumber: v.caseNumber,
      applicantName: v.applicant.name,
      deferredUntil: due,
      dueFen,
      paidFen,
      outstandingFen: Math.max(0, dueFen - paidFen),
      state,
      stateLabel: FOLLOW_UP_LABELS[state],
      partlyPaid: paidFen > 0 && paidFen < dueFen,
      /** overdue and recorded on the case's timeline: the judge may rule it treated as withdrawn */
      flagged: flagged.has(id),
    };
  });
  return filter.state ? out.filter((f) => f.state === filter.state) : out;
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
      audit(tx, ctx, { operation: 'relief.flagOverdue', entityType: 'relief_application', entityId: f.applicationId, after: { overdue: true, outstandingFen: f.outstandingFen } });
    }
    return { flagged: overdue.length, caseNumbers: overdue.map((f) => f.caseNumber) };
  });
}

