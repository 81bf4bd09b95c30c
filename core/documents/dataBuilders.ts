import { fieldError } from '../api/errors';
import type { CaseView } from '../cases';
import type { Db, Tx } from '../context';
import { registry } from '../api/registry';
import { receiptData } from './caseData';
import type { Template } from './template';

/**
 * Template data built from what the court already holds: one builder per template, keyed by template id.
 * A builder returns the top-level fields it knows; a field it leaves out is one the record does not hold yet
 * (the mediation agreement of a ruling, the judge), which `draftData` takes from the template's sample data
 * and lists as missing, so the user checks it before the document is generated. A field the builder knows to
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
  /** top-level fields taken from the template's sample data: the user must check them */
  missing: string[];
}

/**
 * The data of a document as far as the record holds it, completed from the template's sample data; `missing`
 * names the fields taken from the sample. A template without a builder is all sample.
 */
export function draftData(t: Template, c: DataBuilderContext): DraftData {
  const build = registry.dataBuilders.get(t.id) as DataBuilder | undefined;
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
