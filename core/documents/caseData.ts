import { formatCaseCode } from '../cases';
import type { CaseView } from '../cases';

/**
 * Template data built from a case (core/cases caseView). The shapes follow the sample data of the templates
 * they fill, and a test checks them against it. Every builder is registered in DATA_BUILDERS
 * (core/documents/dataBuilders.ts).
 */

/** Data for templates/case-receipt.txt: any case can have a receipt. */
export function receiptData(view: CaseView, opts: { courtName: string; issuedOn: string; clerk?: string }) {
  const filed = view.timeline.find((e) => e.kind === 'filed');
  // The receipt goes to whoever filed: the first plaintiff or applicant.
  const recipient = view.parties.find((p) => p.role === '原告' || p.role === '申请人') ?? view.parties[0];
  return {
    court: { name: opts.courtName },
    recipient: recipient?.party.name ?? '当事人',
    case: {
      number: view.number,
      code: view.code,
      codeDisplay: formatCaseCode(view.code),
      typeLabel: view.caseTypeLabel,
      cause: view.cause.name,
      receivedOn: view.receivedOn,
      amountFen: view.amountFen,
      parties: view.parties.map((p) => ({ role: p.role, name: p.party.name, address: p.party.address })),
      materials: view.materials,
    },
    issuedOn: opts.issuedOn,
    // the clerk who filed it (the audit log's name, without the login name in brackets)
    clerk: opts.clerk ?? (filed?.actorName.replace(/（[^）]*）$/, '') || '经办人'),
  };
}
