import { fieldError } from '../api/errors';
import type { CaseView } from '../cases';
import type { Db, Tx } from '../context';
import { registry } from '../api/registry';
import { receiptData } from './caseData';
import type { Template } from './template';

/**
 * Template data built from what the court already holds: one builder per template, keyed by template id.
 * A builder returns every field the record holds (at any depth); a field it leaves out is one the record does
 * not hold yet (a ruling's agreement terms, the judge), which `draftData` takes from the template's sample data
 * and lists as missing: the form marks it, and documents.generate refuses any value still equal to the sample's
 * (./sampleCheck.ts) until a person has typed the real one. A field the builder knows to
 * be empty is returned as null (never left out, or the sample would fill it). Other areas (fees, mediation)
 * declare theirs in their descriptor (`dataBuilders`); core/areas.ts registers them all.
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

/** The documents area's own builders (the receipt, the rulings, a plain notice); other areas bring theirs. */
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
};

export interface DraftData {
  data: Record<string, unknown>;
  /** every field came from the record */
  complete: boolean;
  /** top-level fields any part of which was taken from the template's sample data: the user must fill them */
  missing: string[];
  /** the exact places (dotted paths, e.g. `agreement.terms`) filled from the sample */
  fromSample: string[];
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The builder's data with what it left out taken from the sample, place by place: a value the record holds is
 * never replaced (an agreement whose date and organisation the record holds keeps them; only its terms come
 * from the sample). A value the builder gives as null stays null.
 */
function completeFromSample(built: Record<string, unknown>, sample: Record<string, unknown>, prefix: string, fromSample: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...built };
  for (const [k, sv] of Object.entries(sample)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (!Object.hasOwn(built, k)) {
      out[k] = structuredClone(sv);
      fromSample.push(path);
    } else if (isPlainObject(built[k]) && isPlainObject(sv)) {
      out[k] = completeFromSample(built[k], sv, path, fromSample);
    }
  }
  return out;
}

/** What the record holds for a template: the builder's data alone (empty when there is no builder). */
export function recordData(t: Template, c: DataBuilderContext): Record<string, unknown> {
  const build = registry.dataBuilders.get(t.id) as DataBuilder | undefined;
  return build ? build(c) : {};
}

/**
 * The data of a document as far as the record holds it, completed from the template's sample data; `missing`
 * names the top-level fields any part of which came from the sample. A template without a builder is all sample.
 */
export function draftData(t: Template, c: DataBuilderContext): DraftData {
  const fromSample: string[] = [];
  const data = completeFromSample(recordData(t, c), t.sample, '', fromSample);
  const missing = [...new Set(fromSample.map((p) => p.split('.')[0]!))];
  return { data, complete: fromSample.length === 0, missing, fromSample };
}
