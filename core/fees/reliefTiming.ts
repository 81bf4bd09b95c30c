import { and, asc, eq } from 'drizzle-orm';
import { documents } from '../../db/schema';
import { fieldError } from '../api/errors';
import { courtCalendar } from '../calendar';
import type { Db, Tx } from '../context';
import { readSetting } from '../settings';
import { computeDeadline } from '../periods';
import { RELIEF_KINDS, type ReliefKind } from './grounds';
import { DEFAULT_RELIEF_TIMING, type ReliefTimingPolicy, type TimingLimit } from './reliefTimingPolicy';

export { DEFAULT_RELIEF_TIMING, type ReliefTimingPolicy, type TimingLimit };

/**
 * When fee-relief applications are accepted: a dated policy (docs/DOMAIN.md “诉讼费用与司法救助”). The 办法
 * says "at filing or appeal" (art. 48) and a deferral is decided "before the decision to file" (art. 49); since
 * 2025 the fee is demanded only when post-filing mediation fails (2024意见), long after receipt, so the court
 * sets from when until when each kind is accepted. One setting (`fees.reliefTiming`), a list of policies each
 * with the date it takes effect; the one in force on the application date applies, the same way for 免交,
 * 减交 and 缓交, and the fee notice's sentence inviting applications is generated from it.
 */

/** The policy in force on a date. */
export function timingOn(policies: readonly ReliefTimingPolicy[], date: string): ReliefTimingPolicy {
  const sorted = [...policies].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  return sorted.filter((p) => p.effectiveFrom <= date).at(-1) ?? sorted[0]!;
}

export function reliefTiming(db: Db | Tx, date: string): ReliefTimingPolicy {
  return timingOn(readSetting(db, 'fees.reliefTiming') ?? DEFAULT_RELIEF_TIMING, date);
}

/**
 * The payment deadline of the case's first fee notice: 7 days from the day after it (办法 art. 22), through the
 * one table of periods. The notice's issue date stands for its receipt (the desk does not record service yet),
 * which can only make the window shorter, never invite too late an application. Null: no notice yet.
 */
export function noticeDeadline(db: Db | Tx, caseId: number): { issuedOn: string; due: string } | null {
  const notice = db
    .select({ createdAt: documents.createdAt })
    .from(documents)
    .where(and(eq(documents.caseId, caseId), eq(documents.templateId, 'fee-notice')))
    .orderBy(asc(documents.id))
    .get();
  if (!notice) return null;
  const issuedOn = notice.createdAt.slice(0, 10);
  return { issuedOn, due: computeDeadline(courtCalendar(db), 'fee-payment', issuedOn).due };
}

function limitDate(db: Db | Tx, limit: TimingLimit, c: { id: number; receivedOn: string }): string | null {
  if (limit === 'receipt') return c.receivedOn;
  return noticeDeadline(db, c.id)?.due ?? null;
}

const LIMIT_WORDS: Record<TimingLimit, string> = { receipt: '起诉（收案）时', 'notice-deadline': '交纳诉讼费用通知书规定的交纳期限届满前' };

/** Refuses an application outside the window of the policy in force, naming the kind, the limit and the policy. */
export function checkApplicationTiming(db: Db | Tx, c: { id: number; receivedOn: string }, kind: ReliefKind, appliedOn: string): void {
  const policy = reliefTiming(db, appliedOn);
  const last = limitDate(db, policy.until[kind], c);
  if (last === null || appliedOn <= last) return;
  throw fieldError(
    'appliedOn',
    `${RELIEF_KINDS[kind].label}应在${LIMIT_WORDS[policy.until[kind]]}申请（${policy.source}）；本案${policy.until[kind] === 'receipt' ? `已于 ${c.receivedOn} 收案` : `交纳期限已于 ${last} 届满`}`,
  );
}

/** Refuses a deferral decided after the limit of the policy in force on the decision day. */
export function checkDeferralDecision(db: Db | Tx, c: { id: number; receivedOn: string }, decidedOn: string): void {
  const policy = reliefTiming(db, decidedOn);
  const last = limitDate(db, policy.deferDecidedBy, c);
  if (last === null || decidedOn <= last) return;
  throw fieldError(
    'action',
    `缓交应在${LIMIT_WORDS[policy.deferDecidedBy]}决定（${policy.source}）；本案期限已于 ${last} 届满，只能不予批准`,
  );
}

/**
 * The fee notice's sentence inviting applications, from the policy in force on its date: only the kinds the
 * desk still accepts during the payment period (免交 only for a natural person), or nothing at all.
 */
export function reliefInvitation(policy: ReliefTimingPolicy, addressee: 'person' | 'organisation'): string {
  const order: ReliefKind[] = ['defer', 'reduce', 'waive'];
  const kinds = order
    .filter((k) => policy.until[k] === 'notice-deadline' && (k !== 'waive' || addressee === 'person'))
    .map((k) => RELIEF_KINDS[k].label);
  if (!kinds.length) return '';
  const list = kinds.length === 1 ? kinds[0]! : `${kinds.slice(0, -1).join('、')}或者${kinds.at(-1)!}`;
  return `确有困难的，可在此期限内书面申请${list}诉讼费用。`;
}
