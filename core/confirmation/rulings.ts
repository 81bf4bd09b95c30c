import { eq } from 'drizzle-orm';
import { confirmations } from '../../db/schema';
import { ApiError } from '../api/errors';
import { audit, writeTransaction } from '../audit/transaction';
import { addCaseEvent } from '../cases/timeline';
import type { CallContext } from '../context';
import { readSetting } from '../settings';
import { documentRenderOptions, fillChecked, recordDocument, renderModel, templateFor } from '../documents/register';
import { dateShanghai, isoShanghai } from '../time/clock';
import { rulingData } from './documentData';
import { OUTCOMES, type Outcome } from './meta';
import { confirmationView, getRow, type ConfirmationRow } from './record';

function draft(ctx: CallContext, row: ConfirmationRow) {
  const db = ctx.core.db;
  const { templateId, data } = rulingData(db, row, dateShanghai(ctx.core.clock.now()), readSetting(db, 'court.name') ?? '人民法院');
  const t = templateFor(db, templateId);
  // exactly what will be recorded (JSON round trip), so that a reprint fills the same model
  const recorded = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
  return { t, data: recorded, model: fillChecked(t, recorded) };
}

/** 预览: the ruling as it would be signed today, from the record; nothing recorded. */
export async function previewRuling(ctx: CallContext, id: number) {
  const row = getRow(ctx.core.db, id);
  if (row.signedAt) throw new ApiError('CONFLICT', '裁定书已签发，请在文书登记中重印');
  const { t, data } = draft(ctx, row);
  const doc = await renderModel(fillChecked(t, data), 'pdf', documentRenderOptions(ctx.core.db));
  return {
    templateId: t.id,
    title: t.title,
    pdfBase64: Buffer.from(doc.bytes).toString('base64'),
    pageCount: doc.pages,
    missingGlyphs: doc.missingGlyphs,
  };
}

/**
 * 签发: the assigned judge signs; the ruling is rendered from the record and recorded in the document register in
 * the same transaction as the signature, and from then on its text is frozen: the register keeps the data and the
 * template version, and a reprint is byte-identical (documents.reprint).
 */
export async function signRuling(ctx: CallContext, id: number) {
  const db = ctx.core.db;
  const row = getRow(db, id);
  if (row.signedAt) throw new ApiError('CONFLICT', '裁定书已签发');
  if (row.judgeId === null) throw new ApiError('CONFLICT', '尚未指定审判员，不能签发裁定书');
  if (ctx.actor?.userId !== row.judgeId) throw new ApiError('FORBIDDEN', '只有承办本案的审判员才能签发裁定书');
  const { t, data, model } = draft(ctx, row);
  const createdAt = isoShanghai(ctx.core.clock.now());
  const rendered = await renderModel(model, 'pdf', documentRenderOptions(db, new Date(createdAt)));
  return writeTransaction(ctx.core, (tx) => {
    const now = getRow(tx, id);
    // another desk may have changed the record while the ruling was rendered
    if (now.signedAt || now.updatedAt !== row.updatedAt) throw new ApiError('CONFLICT', '记录已被修改，请重新预览后签发');
    const document = recordDocument(tx, ctx, {
      caseId: row.caseId,
      template: t,
      rendered,
      data,
      subjectKind: 'confirmation',
      subjectId: id,
      createdAt,
    });
    tx.update(confirmations)
      .set({ rulingDocumentId: document.id, signedAt: createdAt, signedBy: ctx.actor!.userId, updatedAt: createdAt })
      .where(eq(confirmations.id, id))
      .run();
    addCaseEvent(tx, ctx, row.caseId, 'confirmation', `审判员签发民事裁定书（${OUTCOMES[row.outcome as Outcome]}），待打印送达`, {
      confirmationId: id,
      documentId: document.id,
    });
    audit(tx, ctx, {
      operation: 'confirmation.sign',
      entityType: 'confirmation',
      entityId: id,
      after: { documentId: document.id, templateId: t.id, templateVersion: t.versionLabel, sha256: rendered.sha256 },
    });
    return {
      confirmation: confirmationView(tx, id, dateShanghai(ctx.core.clock.now()), true),
      documentId: document.id,
      pdfBase64: Buffer.from(rendered.bytes).toString('base64'),
    };
  });
}
