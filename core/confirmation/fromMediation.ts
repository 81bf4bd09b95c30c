import { eq } from 'drizzle-orm';
import { confirmations, cases } from '../../db/schema';
import { ApiError, fieldError } from '../api/errors';
import { writeTransaction } from '../audit/transaction';
import type { CallContext, Db, Tx } from '../context';
import { agreementForConfirmation, type ConfirmationHandOff } from '../mediation';
import { dateShanghai } from '../time/clock';
import { applyFromAgreement } from './application';
import { applicationWindow, inApplicationWindow } from './record';
import type { OrganisationKind } from './meta';
import { applicationInput, type FromMediationInput } from './schemas';

/**
 * The mediation register's kinds of organisation (core/mediation/labels.ts ORG_KINDS) in the words of a
 * confirmation: a rostered lawyer or court mediation studio is one of the court's 特邀 organisations
 * (特邀调解规定 arts. 7–8), the others keep their kind.
 */
const KIND_OF: Record<string, OrganisationKind> = {
  people: 'people',
  administrative: 'administrative',
  industry: 'industry',
  commercial: 'commercial',
  lawyer: 'invited',
  court: 'court',
};

/** A region path of the roster (长兴县/雉城街道/明珠社区) as a place name (长兴县雉城街道明珠社区). */
const placeOf = (region: string | null) => (region ? region.split('/').join('') : null);

/** The confirmation made from a mediation, if any. */
export function confirmationOfMediation(db: Db | Tx, mediationId: number): { id: number; caseId: number; caseNumber: string } | null {
  return (
    db
      .select({ id: confirmations.id, caseId: confirmations.caseId, caseNumber: cases.number })
      .from(confirmations)
      .innerJoin(cases, eq(cases.id, confirmations.caseId))
      .where(eq(confirmations.mediationId, mediationId))
      .get() ?? null
  );
}

/** The application window of a mediation's agreement, as the hand-off card shows it. */
export interface HandOffWindow {
  /** the day the agreement took effect (signed: 人民调解法 art. 29) */
  effectiveOn: string;
  /** the last day of the joint application (民诉法 2023 art. 205), after roll-forward */
  due: string;
  rolledFrom: string | null;
  basis: string;
  /** whether an application today is still in time */
  open: boolean;
}

/** The window of the agreement of a hand-off, on `day` (the one rule: record.ts applicationWindow). */
function windowOf(db: Db | Tx, effectiveOn: string, day: string): HandOffWindow {
  const w = applicationWindow(db, { agreementEffectiveOn: effectiveOn });
  return { effectiveOn, due: w.due, rolledFrom: w.rolledFrom, basis: w.basis, open: inApplicationWindow(w, day) };
}

/**
 * What the mediation record's hand-off card needs: the confirmation already made from the mediation, if any, and
 * the application window of its agreement today (null when there is no agreement, or for a 委托 agreement, which
 * is not sent to confirmation).
 */
export function mediationHandOff(db: Db | Tx, mediationId: number, today: string) {
  const confirmation = confirmationOfMediation(db, mediationId);
  let hand: ConfirmationHandOff | null = null;
  try {
    hand = agreementForConfirmation(db, mediationId);
  } catch (err) {
    // no agreement yet: nothing to hand off
    if (!(err instanceof ApiError) || err.code !== 'CONFLICT') throw err;
  }
  const window = hand && hand.flow !== 'entrusted' ? windowOf(db, hand.agreementDate, today) : null;
  return { confirmation, window };
}

/**
 * The one-action hand-off from the mediation register (issue 13 item 1): an agreement recorded there becomes a
 * joint application here with its parties (all of them 申请人, 民诉法 2023 art. 205; 解释 art. 351), its
 * organisation, mediator, date and terms carried over — never retyped — and from there into the ruling. What
 * the register does not hold is asked for: the form of the application, the materials checklist (解释 art. 354),
 * the organisation's place when it is not on the roster. Refused: a mediation without agreement, a 委托 mediation
 * (after filing the court issues a 民事调解书, 民诉法 art. 100; confirmation is for agreements outside litigation,
 * 民诉法 art. 205), an agreement already sent to confirmation, and an application after the 30 days from the
 * agreement taking effect (民诉法 2023 art. 205; the period from the legal periods table) — an old agreement, such
 * as a legacy 民诉前调 record's, is not sent on as if it were in time.
 */
export function applyFromMediation(ctx: CallContext, i: FromMediationInput) {
  const today = dateShanghai(ctx.core.clock.now());
  return writeTransaction(ctx.core, (tx) => {
    const hand: ConfirmationHandOff = agreementForConfirmation(tx, i.mediationId);
    if (hand.flow === 'entrusted')
      throw fieldError(
        'mediationId',
        '立案后委托调解达成的协议由本院出具民事调解书或准许撤诉，不申请司法确认（民诉法第一百条、第二百零五条）',
      );
    const prior = confirmationOfMediation(tx, i.mediationId);
    if (prior) throw new ApiError('CONFLICT', `该调解协议已申请司法确认（${prior.caseNumber}）`);
    // 人民调解法 art. 29: the agreement takes effect when the parties and the mediator sign it
    const effectiveOn = i.effectiveOn ?? hand.agreementDate;
    const window = windowOf(tx, effectiveOn, i.appliedOn);
    if (!window.open)
      throw fieldError(
        'appliedOn',
        `已超过申请司法确认的期限：调解协议 ${effectiveOn} 生效，申请期限至 ${window.due} 届满（${window.basis}），${i.appliedOn} 申请已逾期，不能从调解记录申请司法确认`,
      );
    const place = i.organisationPlace ?? placeOf(hand.organisation.region);
    if (!place) throw fieldError('organisationPlace', '请填写调解组织所在地（名册中没有该组织的区域）');
    const kind = i.organisationKind ?? (hand.organisation.kind ? KIND_OF[hand.organisation.kind] : undefined);
    if (!kind) throw fieldError('organisationKind', '请选择调解组织类型（名册中没有该组织）');
    // the carried-over record goes through the counter's own checks (joint application, materials, oral record)
    const parsed = applicationInput(today).safeParse({
      source: 'mediation',
      mediationId: hand.mediationId,
      appliedOn: i.appliedOn,
      applicants: hand.parties.map((p) => ({ partyId: p.partyId })),
      agreement: {
        organisationKind: kind,
        organisationName: hand.organisation.name,
        organisationPlace: place,
        mediatorName: hand.mediator.name,
        date: hand.agreementDate,
        effectiveOn,
        dispute: hand.dispute,
        terms: hand.terms,
      },
      applicationForm: i.applicationForm,
      oralRecord: i.oralRecord,
      oralRecordSigned: i.oralRecordSigned,
      materials: i.materials,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const path = issue.path.map(String);
      // a rule about what the register holds (the parties, the agreement) is named on the mediation itself
      const field = ['applicants', 'agreement'].includes(path[0] ?? '') ? 'mediationId' : path.join('.');
      throw fieldError(field, issue.message);
    }
    return applyFromAgreement(ctx, parsed.data, 'confirmation.applyFromMediation');
  });
}
