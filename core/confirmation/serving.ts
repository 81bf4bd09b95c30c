import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { confirmations, confirmationServices, confirmationSteps } from '../../db/schema';
import { ApiError, fieldError } from '../api/errors';
import { audit, writeTransaction } from '../audit/transaction';
import { courtCalendar } from '../calendar';
import { caseView } from '../cases';
import { addCaseEvent } from '../cases/timeline';
import type { CallContext } from '../context';
import { computeDeadline } from '../periods';
import { dateShanghai, isoShanghai } from '../time/clock';
import { SERVICE_METHODS } from './meta';
import { confirmationView, getRow } from './record';
import type { objectionInput, serveInput } from './schemas';

/**
 * 送达 of the signed ruling on one applicant: method, date, recipient and proof. From it the objection window
 * (15 days for a party, 解释 art. 372) and, once every party is served, the enforcement window of a ruling that
 * the agreement is valid (2 years, 民诉法 2023 art. 250) show on the case.
 */
export function recordService(ctx: CallContext, i: z.output<typeof serveInput>) {
  const today = dateShanghai(ctx.core.clock.now());
  if (i.servedOn > today) throw fieldError('servedOn', '送达日期不能晚于今天');
  return writeTransaction(ctx.core, (tx) => {
    const row = getRow(tx, i.confirmationId);
    if (!row.signedAt) throw new ApiError('CONFLICT', '裁定书尚未签发，不能登记送达');
    if (i.servedOn < row.signedAt.slice(0, 10)) throw fieldError('servedOn', `送达日期不能早于签发日期 ${row.signedAt.slice(0, 10)}`);
    const cv = caseView(tx, row.caseId, false);
    const party = cv.parties.find((p) => p.casePartyId === i.casePartyId);
    if (!party) throw fieldError('casePartyId', '受送达人不是本案的申请人');
    const exists = tx
      .select({ id: confirmationServices.id })
      .from(confirmationServices)
      .where(and(eq(confirmationServices.confirmationId, row.id), eq(confirmationServices.casePartyId, i.casePartyId)))
      .get();
    if (exists) throw new ApiError('CONFLICT', `已登记向${party.party.name}送达`);
    const at = isoShanghai(ctx.core.clock.now());
    tx.insert(confirmationServices)
      .values({
        confirmationId: row.id,
        casePartyId: i.casePartyId,
        method: i.method,
        servedOn: i.servedOn,
        recipient: i.recipient,
        proof: i.proof,
        userId: ctx.actor?.userId ?? 0,
        at,
      })
      .run();
    tx.update(confirmations).set({ updatedAt: at }).where(eq(confirmations.id, row.id)).run();
    const objection = computeDeadline(courtCalendar(tx), 'confirmation-objection', i.servedOn);
    addCaseEvent(
      tx,
      ctx,
      row.caseId,
      'confirmation',
      `向${party.party.name}${SERVICE_METHODS[i.method]}裁定书（${i.servedOn}，签收人${i.recipient}）；异议期限至 ${objection.due}`,
      { confirmationId: row.id },
    );
    audit(tx, ctx, { operation: 'confirmation.serve', entityType: 'confirmation', entityId: row.id, after: i });
    return confirmationView(tx, row.id, today, true);
  });
}

/**
 * An objection to the ruling (解释 art. 372), linked to the ruling: a party within 15 days of receiving it, an
 * interested person within 6 months of knowing of the harm. A late objection is still recorded, marked late.
 */
export function recordObjection(ctx: CallContext, i: z.output<typeof objectionInput>) {
  const today = dateShanghai(ctx.core.clock.now());
  if (i.on > today) throw fieldError('on', '提出异议日期不能晚于今天');
  if (i.role === 'third_party' && !i.knewOn) throw fieldError('knewOn', '利害关系人提出异议，须填写其知道或者应当知道权益受侵害的日期');
  return writeTransaction(ctx.core, (tx) => {
    const row = getRow(tx, i.confirmationId);
    if (!row.signedAt || row.rulingDocumentId === null) throw new ApiError('CONFLICT', '裁定书尚未签发，不能登记异议');
    const cal = courtCalendar(tx);
    let due: string | null;
    if (i.role === 'party') {
      const served = tx
        .select({ on: confirmationServices.servedOn })
        .from(confirmationServices)
        .where(eq(confirmationServices.confirmationId, row.id))
        .all();
      const first = served.map((s) => s.on).sort()[0];
      due = first ? computeDeadline(cal, 'confirmation-objection', first).due : null;
    } else due = computeDeadline(cal, 'confirmation-objection-third-party', i.knewOn!).due;
    const late = due !== null && i.on > due;
    tx.insert(confirmationSteps)
      .values({
        confirmationId: row.id,
        kind: 'objection',
        on: i.on,
        data: JSON.stringify({
          by: i.by,
          role: i.role,
          knewOn: i.knewOn ?? null,
          content: i.content,
          documentId: row.rulingDocumentId,
          late,
        }),
        dueOn: due,
        userId: ctx.actor?.userId ?? 0,
        at: isoShanghai(ctx.core.clock.now()),
      })
      .run();
    addCaseEvent(tx, ctx, row.caseId, 'confirmation', `${i.by}对裁定书提出异议${late ? `（已超过异议期限 ${due}）` : ''}`, {
      confirmationId: row.id,
      documentId: row.rulingDocumentId,
    });
    audit(tx, ctx, {
      operation: 'confirmation.objection',
      entityType: 'confirmation',
      entityId: row.id,
      after: { ...i, documentId: row.rulingDocumentId, due, late },
    });
    return confirmationView(tx, row.id, today, true);
  });
}
