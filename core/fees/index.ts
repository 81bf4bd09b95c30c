import { eq } from 'drizzle-orm';
import { cases, caseParties, feePayments, parties, reliefApplications } from '../../db/schema';
import { defineArea } from '../api/area';
import { FEE_DATA_BUILDERS } from './documentData';
import { RELIEF_KINDS } from './grounds';
import { feeOperations } from './operations';
import { feeSettings } from './settings';

/** 诉讼费用: the schedule of the 办法, quotes, relief (免交、减交、缓交), payments. Public API for other areas. */
export { quoteFee, QuoteError, type Quote, type QuoteRequest } from './quote';
export { grantedRelief } from './relief';
export { readFeeQuoteSettings, suggestedFeeRequest } from './service';
export { feesMeta } from './meta';

export const feesArea = defineArea({
  name: 'fees',
  label: '诉讼费用',
  operations: feeOperations,
  settings: feeSettings,
  dataBuilders: FEE_DATA_BUILDERS,
  auditSubjects: {
    relief_application: {
      label: '司法救助申请',
      name: (db, id) => {
        const r = db
          .select({ number: cases.number, name: parties.name, kind: reliefApplications.kind })
          .from(reliefApplications)
          .innerJoin(cases, eq(cases.id, reliefApplications.caseId))
          .innerJoin(caseParties, eq(caseParties.id, reliefApplications.casePartyId))
          .innerJoin(parties, eq(parties.id, caseParties.partyId))
          .where(eq(reliefApplications.id, Number(id)))
          .get();
        return r ? `${r.number} ${r.name}申请${RELIEF_KINDS[r.kind].label}` : null;
      },
    },
    fee_payment: {
      label: '交费记录',
      name: (db, id) => {
        const r = db
          .select({ number: cases.number, kind: feePayments.kind })
          .from(feePayments)
          .innerJoin(cases, eq(cases.id, feePayments.caseId))
          .where(eq(feePayments.id, Number(id)))
          .get();
        return r ? `${r.number} ${r.kind === 'refund' ? '退费' : '交费'}` : null;
      },
    },
  },
});
export { reliefBrowse } from './browse';
export { reliefStats } from './stats';
