import { fieldError } from '../api/errors';
import { caseView } from '../cases';
import type { CallContext } from '../context';
import { readSetting } from '../settings';
import { generateDocument } from '../documents';
import { dateShanghai } from '../time/clock';
import { feeNoticeData } from './documentData';
import { QuoteError, type QuoteRequest } from './quote';

/**
 * 交纳诉讼费用通知书 for a quote (the calculator's request, optionally a case and the party notified): the data
 * is built here on the server from the quote and the record, so the notice is generated without passing
 * client-side data (which documents.generate would check against the template's sample).
 */
export interface NoticeRequest extends Omit<QuoteRequest, 'on'> {
  caseId?: number | undefined;
  casePartyId?: number | undefined;
  addressee?: string | undefined;
}

export function noticeFor(ctx: CallContext, i: NoticeRequest) {
  const { caseId, casePartyId, addressee, ...request } = i;
  const db = ctx.core.db;
  if (casePartyId !== undefined && caseId === undefined) throw fieldError('casePartyId', '选择受通知人前请先选择案件');
  if (caseId === undefined && !addressee) throw fieldError('addressee', '没有案件时请填写受通知人（交费的当事人）');
  const view = caseId !== undefined ? caseView(db, caseId, false) : null;
  try {
    return feeNoticeData({
      db,
      caseView: view,
      courtName: readSetting(db, 'court.name') ?? '人民法院',
      issuedOn: dateShanghai(ctx.core.clock.now()),
      request,
      casePartyId,
      addressee,
    });
  } catch (err) {
    if (err instanceof QuoteError)
      throw fieldError(err.field === 'amount' ? 'amountsFen' : err.field === 'preserved' ? 'preservedFen' : err.field, err.message);
    throw err;
  }
}

/** Generates and registers the notice of a quote (PDF or DOCX), asking before a duplicate like any document. */
export async function generateFeeNotice(
  ctx: CallContext,
  i: NoticeRequest & { format: 'pdf' | 'docx'; confirmDuplicate?: boolean | undefined },
) {
  const { format, confirmDuplicate, ...request } = i;
  const { data } = noticeFor(ctx, request);
  const { document, rendered } = await generateDocument(
    ctx,
    { ...(i.caseId !== undefined ? { caseId: i.caseId } : {}), templateId: 'fee-notice', format, data, confirmDuplicate },
    { dataFromRecord: true },
  );
  return { document, base64: Buffer.from(rendered.bytes).toString('base64') };
}
