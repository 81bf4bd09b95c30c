import { eq } from 'drizzle-orm';
import { confirmations, documents } from '../../db/schema';
import { ApiError, fieldError } from '../api/errors';
import { caseView, partyParticulars, type CaseView } from '../cases';
import type { Db, Tx } from '../context';
import { readSetting } from '../settings';
import { citationOf } from './acceptance';
import { RULING_TEMPLATES, type Outcome } from './meta';
import { getRow, parseJson, stepsOf, userName, type ConfirmationRow, type StoredGround } from './record';

const AGENT_ROLE = '委托诉讼代理人';

const noStop = (s: string) => s.trim().replace(/[。；;.]+$/u, '');

/**
 * The data of the ruling of an application, filled only from the record: the case (number, applicants with full
 * particulars), the agreement (date, organisation, terms in order), the dates, the judge and clerk assigned, the
 * grounds with exactly their articles, the reasons, and the effect line in force (setting).
 */
export function rulingData(
  db: Db | Tx,
  row: ConfirmationRow,
  decisionDate: string,
  courtName: string,
): { templateId: string; data: Record<string, unknown> } {
  if (!row.outcome) throw new ApiError('CONFLICT', '尚未作出裁定，不能制作裁定书');
  if (row.judgeId === null || row.clerkId === null) throw new ApiError('CONFLICT', '尚未指定审判员和书记员，不能制作裁定书');
  const outcome = row.outcome as Outcome;
  const view = caseView(db, row.caseId, true);
  const grounds = parseJson<StoredGround[]>(row.grounds) ?? [];
  const base: Record<string, unknown> = {
    court: { name: courtName },
    caseNumber: view.number,
    applicants: partyParticulars(view, AGENT_ROLE),
    applicationDate: row.appliedOn,
    judge: userName(db, row.judgeId),
    clerk: userName(db, row.clerkId),
    dispute: row.dispute,
    agreement: { date: row.agreementDate, organisation: row.organisationName, terms: JSON.parse(row.terms) as string[] },
    decisionDate,
    effectLine: readSetting(db, 'confirmation.effectLine')!,
  };
  const acceptanceDate = row.acceptanceDecidedOn;
  switch (outcome) {
    case 'valid':
      return {
        templateId: RULING_TEMPLATES.valid,
        data: { ...base, acceptanceDate, citation: citationOf([], ['第二百零五条', '第二百零六条']) },
      };
    case 'rejected':
      return {
        templateId: RULING_TEMPLATES.rejected,
        data: { ...base, acceptanceDate, reasoning: noStop(row.reasons!), citation: citationOf(grounds, ['第二百零五条', '第二百零六条']) },
      };
    case 'not_accepted':
      return {
        templateId: RULING_TEMPLATES.not_accepted,
        data: { ...base, reasoning: noStop(row.reasons!), citation: citationOf(grounds, ['第二百零五条']) },
      };
    case 'withdrawn': {
      const step = stepsOf(db, row.id, ['withdrawal']).at(-1)!;
      const d = JSON.parse(step.data) as { names: string[] };
      return {
        templateId: RULING_TEMPLATES.withdrawn,
        data: {
          ...base,
          acceptanceDate,
          withdrawal: { names: d.names, date: step.on },
          reasoning: noStop(row.reasons!),
          citation: citationOf(grounds),
        },
      };
    }
    case 'deemed_withdrawn': {
      const step = stepsOf(db, row.id, ['request'])
        .filter((s) => !s.fulfilledOn)
        .at(-1)!;
      const d = JSON.parse(step.data) as { what: string };
      return {
        templateId: RULING_TEMPLATES.deemed_withdrawn,
        data: {
          ...base,
          acceptanceDate,
          request: { what: noStop(d.what), on: step.on, dueOn: step.dueOn },
          reasoning: noStop(row.reasons!),
          citation: citationOf(grounds),
        },
      };
    }
  }
}

/** The confirmation of a case, if it has one. */
export function confirmationOfCase(db: Db | Tx, caseId: number): ConfirmationRow | null {
  const r = db.select({ id: confirmations.id }).from(confirmations).where(eq(confirmations.caseId, caseId)).get();
  return r ? getRow(db, r.id) : null;
}

/** The context a document data builder gets (the shape of core/documents DataBuilderContext, kept structural). */
interface BuilderContext {
  db: Db | Tx;
  caseView: CaseView | null;
  courtName: string;
  issuedOn: string;
}

/**
 * Data builders of the five rulings for documents.draftData / generate: from the case's confirmation record once it
 * is decided (the same data the judge signs); before that, the case facts with the rest left to the user (listed as
 * missing). Registered in core/documents/dataBuilders.ts.
 */
function builder(templateId: string) {
  return (c: BuilderContext): Record<string, unknown> => {
    const out: Record<string, unknown> = {
      court: { name: c.courtName },
      decisionDate: c.issuedOn,
      effectLine: readSetting(c.db, 'confirmation.effectLine')!,
    };
    if (templateId === RULING_TEMPLATES.valid) out.citation = citationOf([], ['第二百零五条', '第二百零六条']);
    const view = c.caseView;
    if (!view) return out;
    if (view.caseType !== '民特')
      throw fieldError('caseId', `司法确认裁定书只能由民特（司法确认）案件生成，本案为${view.caseTypeLabel}（${view.number}）`);
    const row = confirmationOfCase(c.db, view.id);
    if (row?.outcome && row.judgeId !== null && row.clerkId !== null && RULING_TEMPLATES[row.outcome as Outcome] === templateId) {
      return rulingData(c.db, row, c.issuedOn, c.courtName).data;
    }
    const filed = view.timeline.find((e) => e.kind === 'filed');
    return {
      ...out,
      caseNumber: view.number,
      applicants: partyParticulars(view, AGENT_ROLE),
      applicationDate: view.receivedOn,
      ...(templateId === RULING_TEMPLATES.not_accepted
        ? {}
        : { acceptanceDate: row?.acceptanceDecidedOn ?? (filed ? filed.at.slice(0, 10) : view.receivedOn) }),
      dispute: row ? row.dispute : view.cause.name.endsWith('纠纷') ? view.cause.name : null,
      ...(row
        ? { agreement: { date: row.agreementDate, organisation: row.organisationName, terms: JSON.parse(row.terms) as string[] } }
        : {}),
      ...(row?.judgeId ? { judge: userName(c.db, row.judgeId) } : {}),
      ...(row?.clerkId ? { clerk: userName(c.db, row.clerkId) } : {}),
    };
  };
}

export const CONFIRMATION_DATA_BUILDERS: Record<string, (c: BuilderContext) => Record<string, unknown>> = Object.fromEntries(
  Object.values(RULING_TEMPLATES).map((id) => [id, builder(id)]),
);

/**
 * The signed ruling of a case for a template, as registered: its data is the frozen text (the judge signed it;
 * a reprint fills the same data), so `court render --case` shows what was signed, not what the record would
 * give today. Null when the case has no signed ruling of that template.
 */
export function signedRulingData(
  db: Db | Tx,
  caseId: number,
  templateId: string,
): { documentId: number; signedAt: string; data: Record<string, unknown> } | null {
  const row = confirmationOfCase(db, caseId);
  if (!row?.rulingDocumentId || !row.signedAt) return null;
  const doc = db
    .select({ templateId: documents.templateId, data: documents.data })
    .from(documents)
    .where(eq(documents.id, row.rulingDocumentId))
    .get();
  if (!doc || doc.templateId !== templateId) return null;
  return { documentId: row.rulingDocumentId, signedAt: row.signedAt, data: JSON.parse(doc.data) as Record<string, unknown> };
}
