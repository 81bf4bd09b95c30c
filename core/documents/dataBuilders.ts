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

/** The documents area's own builders (the receipt, a plain notice); other areas bring theirs (the confirmation area: the rulings). */
export const DATA_BUILDERS: Record<string, DataBuilder> = {
  'case-receipt': (c) => {
    if (!c.caseView) throw fieldError('caseId', '收案回执须选择案件');
    return receiptData(c.caseView, { courtName: c.courtName, issuedOn: c.issuedOn });
  },
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
function completeFromSample(
  built: Record<string, unknown>,
  sample: Record<string, unknown>,
  prefix: string,
  fromSample: string[],
): Record<string, unknown> {
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
