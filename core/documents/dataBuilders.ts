import { fieldError } from '../api/errors';
import type { CaseView } from '../cases/service';
import type { Db, Tx } from '../context';
import { FEE_DATA_BUILDERS } from '../fees/documentData';
import { CONFIRMATION_DATA_BUILDERS } from '../confirmation/documentData';
import { receiptData } from './caseData';
import type { Template } from './templates';

/**
 * Template data built from what the court already holds: one builder per template, keyed by template id.
 * A builder returns the top-level fields it knows; a field it leaves out is one the record does not hold yet
 * (the mediation agreement of a ruling, the judge), which `draftData` takes from the template's sample data
 * and lists as missing, so the user checks it before the document is generated. A field the builder knows to
 * be empty is returned as null (never left out, or the sample would fill it). Other areas (fees, mediation)
 * add their entries here.
 */
export interface DataBuilderContext {
  db: Db | Tx;
  /** the case the document belongs to, with full ID numbers when the document may show them */
  caseView: CaseView | null;
  /** what the document belongs to besides the case, e.g. 'relief' */
  subjectKind?: string;
  subjectId?: number;
  courtName: string;
  /** YYYY-MM-DD: the date the document is issued (today) */
  issuedOn: string;
  /** who generates the document (display name) */
  actorName: string;
}

export type DataBuilder = (c: DataBuilderContext) => Record<string, unknown>;

const SEX: Record<string, string> = { male: '男', female: '女' };

const AGENT_ROLE = '委托诉讼代理人';

function agentDescription(a: CaseView['parties'][number]['agents'][number], partyName: string): string | null {
  if (a.kind === 'lawyer') return a.organisation ? `${a.organisation}律师` : '律师';
  if (a.kind === 'relative') return `系${partyName}的近亲属`;
  return a.organisation ?? null;
}

/** The applicants of a 民特 case in the shape the ruling templates take (templates/ruling-confirm-*.txt). */
function rulingApplicants(view: CaseView) {
  return view.parties.map((cp) => {
    const p = cp.party;
    const org = p.kind === 'organisation';
    return {
      role: cp.role,
      kind: org ? 'organisation' : 'person',
      name: p.name,
      sex: org ? null : (p.sex ? SEX[p.sex] ?? null : null),
      birthDate: org ? null : p.birthDate,
      ethnicity: org ? null : p.ethnicity,
      address: p.address,
      idNumber: p.idNumber,
      representative: org ? p.representative : null,
      representativeRole: org && p.representative ? '法定代表人' : null,
      representativeTitle: org ? p.representativeTitle : null,
      agents: cp.agents.map((a) => ({ role: AGENT_ROLE, name: a.name, description: agentDescription(a, p.name) })),
    };
  });
}

/**
 * The facts of a 民特 (judicial confirmation) case for either ruling: court, case number, applicants with
 * their addresses, ID numbers and agents, the dates, the dispute. The agreement, the judge, the clerk and (for
 * a rejection) the reasons come from the confirmation record, which the case core does not hold yet.
 */
function rulingData(title: string): DataBuilder {
  return (c) => {
    const out: Record<string, unknown> = { court: { name: c.courtName }, decisionDate: c.issuedOn };
    const view = c.caseView;
    if (!view) return out;
    if (view.caseType !== '民特') {
      throw fieldError('caseId', `${title}只能由民特（司法确认）案件生成，本案为${view.caseTypeLabel}（${view.number}）`);
    }
    const filed = view.timeline.find((e) => e.kind === 'filed');
    return {
      ...out,
      caseNumber: view.number,
      applicants: rulingApplicants(view),
      applicationDate: view.receivedOn,
      acceptanceDate: filed ? filed.at.slice(0, 10) : view.receivedOn,
      // the cause of a 民特 case may be the procedure itself (申请司法确认调解协议); only a dispute is named
      dispute: view.cause.name.endsWith('纠纷') ? view.cause.name : null,
    };
  };
}

export const DATA_BUILDERS: Record<string, DataBuilder> = {
  'case-receipt': (c) => {
    if (!c.caseView) throw fieldError('caseId', '收案回执须选择案件');
    return receiptData(c.caseView, { courtName: c.courtName, issuedOn: c.issuedOn });
  },
  'ruling-confirm-valid': rulingData('民事裁定书（确认调解协议有效）'),
  'ruling-confirm-reject': rulingData('民事裁定书（驳回司法确认申请）'),
  notice: (c) => ({
    court: { name: c.courtName },
    ...(c.caseView ? { caseNumber: c.caseView.number } : {}),
    date: c.issuedOn,
  }),
  ...FEE_DATA_BUILDERS,
  // the five 司法确认 rulings, from the confirmation record (replaces the case-facts-only builders above)
  ...CONFIRMATION_DATA_BUILDERS,
};

export interface DraftData {
  data: Record<string, unknown>;
  /** every field came from the record */
  complete: boolean;
  /** top-level fields taken from the template's sample data: the user must check them */
  missing: string[];
}

/**
 * The data of a document as far as the record holds it, completed from the template's sample data; `missing`
 * names the fields taken from the sample. A template without a builder is all sample.
 */
export function draftData(t: Template, c: DataBuilderContext): DraftData {
  const build = DATA_BUILDERS[t.id];
  const built = build ? build(c) : {};
  const data: Record<string, unknown> = { ...built };
  const missing: string[] = [];
  for (const [k, v] of Object.entries(t.sample)) {
    if (Object.hasOwn(built, k)) continue;
    data[k] = structuredClone(v);
    missing.push(k);
  }
  return { data, complete: missing.length === 0, missing };
}
